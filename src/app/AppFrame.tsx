/**
 * The page around a view: skip link, header with navigation and language, main, footer. Pure
 * of the browser, so the build can render it into index.html for the first paint.
 */
import { Suspense, useEffect, useRef, type ComponentType, type ReactNode } from 'react';
import { DataAsOf } from '../ui/DataAsOf';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { Notices } from '../ui/Notices';
import type { ViewProps } from '../views/types';
import { LOCALE } from '../core/i18n';
import { common, LangContext, translate, useT } from '../ui/i18n';
import type { SetState } from '../core/url';
import { VIEWS, type AppState } from '../core/url';

/** On a phone the views scroll sideways in one row: keep the current one in sight. */
function keepCurrentInView(nav: HTMLElement | null) {
  const a = nav?.querySelector<HTMLElement>('[aria-current="page"]');
  if (!nav || !a || nav.scrollWidth <= nav.clientWidth) return;
  nav.scrollLeft = a.offsetLeft - (nav.clientWidth - a.offsetWidth) / 2;
}

export function AppFrame({ state, set, children }: { state: AppState; set: SetState; children: ReactNode }) {
  const lang = state.lang;
  const other = lang === 'zh' ? 'en' : 'zh'; // the language the switch goes to
  const t = (k: keyof (typeof common)['zh'], p?: Record<string, string | number>) => translate(common, lang, k, p);
  const navRef = useRef<HTMLElement>(null);
  useEffect(() => keepCurrentInView(navRef.current), [state.view, state.present]);

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
                    href={`?view=${v}${lang === 'en' ? '&lang=en' : ''}`} // the default language stays out of the URL
                    aria-current={state.view === v ? 'page' : undefined}
                    onClick={(e) => {
                      if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
                      e.preventDefault();
                      set({ view: v, slide: 0, tab: null });
                    }}
                  >
                    {t(v)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          {/* The visible word stays part of the accessible name (WCAG 2.5.3); the hint says what it does. */}
          <button type="button" className="lang-switch" onClick={() => set({ lang: other })}>
            <span lang={LOCALE[other]}>{t('language')}</span>
            <span className="visually-hidden"> {t('languageLabel')}</span>
          </button>
        </header>
      )}
      <main id="main" tabIndex={-1} className={`view-${state.view}${state.present ? ' presenting' : ''}`}>
        {children}
      </main>
      {!state.present && (
        <footer className="app-footer">
          <p>{t('footer')}</p>
        </footer>
      )}
    </LangContext.Provider>
  );
}

/** Said while the data or a view's code are on their way (inside AppFrame, which gives the language). */
export function Loading() {
  const t = useT(common);
  return (
    <p className="loading" role="status">
      {t('loading')}
    </p>
  );
}

/** What main holds once the data are in: the data's notices, then the view, each failure contained. */
export function ViewArea({ View, onRetry, ...props }: ViewProps & { View: ComponentType<ViewProps>; onRetry: () => void }) {
  const t = useT(common);
  return (
    <>
      {/* A slide says it in its own header, in type read from the back of a room. */}
      {!props.state.present && <DataAsOf catalog={props.loaded.catalog} lang={props.state.lang} />}
      <Notices problems={props.loaded.dataset.problems} onRetry={onRetry} />
      <ErrorBoundary message={t('viewError')} action={t('retry')} resetKey={props.state.view}>
        <Suspense fallback={<Loading />}>
          <View {...props} />
        </Suspense>
      </ErrorBoundary>
    </>
  );
}
