/** The app: the URL's state, the published data, and the one view the URL names, in the page frame. */
import { useEffect } from 'react';
import { AppFrame, Loading, ViewArea } from './AppFrame';
import { common, LOCALE, translate } from '../core/i18n';
import { SNAPSHOT_SHOWN } from './snapshot';
import { useAppState } from './useAppState';
import { useDataset } from './useDataset';
import { parseState } from '../core/url';
import { loadView, viewComponent } from './views';

// The view the link names starts downloading now, beside the data, not after the data arrive.
void loadView(parseState(window.location.search).view).catch(() => undefined);

export function App() {
  const [state, set] = useAppState();
  const query = useDataset(state);
  const lang = state.lang;
  const t = (k: keyof (typeof common)['zh'], p?: Record<string, string | number>) => translate(common, lang, k, p);

  // The page from index.html, if any, has been replaced by this render (main.tsx).
  useEffect(() => document.documentElement.removeAttribute(SNAPSHOT_SHOWN), []);

  useEffect(() => {
    document.documentElement.lang = LOCALE[lang];
    document.title = `${t(state.view)} · ${t('appTitle')}`;
  });

  const ViewComponent = query.data ? viewComponent(state.view) : null;

  return (
    <AppFrame state={state} set={set}>
      {query.isPending && <Loading />}
      {query.isError && (
        <section className="notice notice-error" role="alert">
          <p>{t('loadFailed', { reason: query.error.message })}</p>
          <button type="button" onClick={() => void query.refetch()}>
            {t('retry')}
          </button>
        </section>
      )}
      {query.data && ViewComponent && (
        <ViewArea View={ViewComponent} state={state} set={set} loaded={query.data} onRetry={() => void query.refetch()} />
      )}
    </AppFrame>
  );
}
