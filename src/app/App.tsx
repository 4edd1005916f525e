/** Layout: header with navigation and language, notices, then the one view the URL names. */
import { lazy, Suspense, useEffect, useRef, type ComponentType, type LazyExoticComponent } from 'react';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { Notices } from '../ui/Notices';
import type { ViewProps } from '../views/types';
import { common, LangContext, translate } from './i18n';
import { useAppState } from './useAppState';
import { useDataset } from './useDataset';
import { parseState, VIEWS, type View } from './url';

const VIEW_MODULES: Record<View, () => Promise<{ default: ComponentType<ViewProps> }>> = {
  overview: () => import('../views/overview/OverviewView'),
  indicator: () => import('../views/indicator/IndicatorView'),
  scorecard: () => import('../views/scorecard/ScorecardView'),
  air: () => import('../views/air/AirView'),
  grain: () => import('../views/grain/GrainView'),
  data: () => import('../views/data/DataView'),
  check: () => import('../views/check/CheckView'),
};

const VIEW_COMPONENTS = Object.fromEntries(VIEWS.map((v) => [v, lazy(VIEW_MODULES[v])])) as Record<
  View,
  LazyExoticComponent<ComponentType<ViewProps>>
>;

// The view the link names starts downloading now, beside the data, not after the data arrive.
void VIEW_MODULES[parseState(window.location.search).view]().catch(() => undefined);

/** On a phone the views scroll sideways in one row: keep the current one in sight. */
function keepCurrentInView(nav: HTMLElement | null) {
  const a = nav?.querySelector<HTMLElement>('[aria-current="page"]');
  if (!nav || !a || nav.scrollWidth <= nav.clientWidth) return;
  nav.scrollLeft = a.offsetLeft - (nav.clientWidth - a.offsetWidth) / 2;
}

export function App() {
  const [state, set] = useAppState();
  const query = useDataset();
  const lang = state.lang;
  const t = (k: keyof (typeof common)['zh'], p?: Record<string, string | number>) => translate(common, lang, k, p);

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = `${t(state.view)} · ${t('appTitle')}`;
  });

  const navRef = useRef<HTMLElement>(null);
  useEffect(() => keepCurrentInView(navRef.current), [state.view, state.present]);

  const ViewComponent = VIEW_COMPONENTS[state.view];
  const loadingText = <p className="loading" role="status">{t('loading')}</p>;

  return (
    <LangContext.Provider value={lang}>
      <a className="skip-link" href="#main">
        {t('skip')}
      </a>
      {!state.present && (
        <header className="app-header">
          <div className="brand">
            <h1>{t('appTitle')}</h1>
            <p className="subtitle">{t('appSubtitle')}</p>
          </div>
          <nav aria-label={t('nav')} className="app-nav" ref={navRef}>
            <ul>
              {VIEWS.map((v) => (
                <li key={v}>
                  <a
                    href={`?view=${v}${lang === 'en' ? '&lang=en' : ''}`}
                    aria-current={state.view === v ? 'page' : undefined}
                    onClick={(e) => {
                      if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
                      e.preventDefault();
                      set({ view: v, slide: 0 });
                    }}
                  >
                    {t(v)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          {/* The visible word stays part of the accessible name (WCAG 2.5.3); the hint says what it does. */}
          <button type="button" className="lang-switch" onClick={() => set({ lang: lang === 'zh' ? 'en' : 'zh' })}>
            <span lang={lang === 'zh' ? 'en' : 'zh-CN'}>{t('language')}</span>
            <span className="visually-hidden"> {t('languageLabel')}</span>
          </button>
        </header>
      )}
      <main id="main" tabIndex={-1} className={`view-${state.view}${state.present ? ' presenting' : ''}`}>
        {query.isPending && loadingText}
        {query.isError && (
          <section className="notice notice-error" role="alert">
            <p>{t('loadFailed', { reason: query.error.message })}</p>
            <button type="button" onClick={() => void query.refetch()}>
              {t('retry')}
            </button>
          </section>
        )}
        {query.data && (
          <>
            <Notices problems={query.data.dataset.problems} onRetry={() => void query.refetch()} />
            <ErrorBoundary message={t('viewError')} action={t('retry')} resetKey={state.view}>
              <Suspense fallback={loadingText}>
                <ViewComponent state={state} set={set} loaded={query.data} />
              </Suspense>
            </ErrorBoundary>
          </>
        )}
      </main>
      {!state.present && (
        <footer className="app-footer">
          <p>{t('footer')}</p>
        </footer>
      )}
    </LangContext.Provider>
  );
}
