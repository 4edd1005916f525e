/**
 * Presentation mode (`present=1`) for a meeting: an opening slide per district (its verdicts
 * counted, the largest shortfalls first), then one headline indicator per slide, every shown
 * district's result against its target in type sized to the screen (a 1920×1080 projector is
 * filled). The slide number lives in the URL (`slide=N`, 1-based) so a link opens the same slide;
 * `targets=1` keeps only indicators with a target; keys, a clicker and on-screen buttons step.
 */
import type { Lang } from '../../core/url';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { common } from '../../core/i18n';
import { nameOf, useLang, useT } from '../../ui/i18n';
import { missingResult, missingTarget } from '../../model/status';
import type { SetState } from '../../core/url';
import { formatGap } from '../../model/format';
import { overviewDistricts, overviewYear } from '../../model/overviewCards';
import { buildDeck, clampSlide, type DeckSlide, type OpeningSlide, type Slide, type SlideKey, slideKey, stepSlide } from '../../model/overviewSlides';
import type { Catalog } from '../../model/catalog';
import { StatusBadge } from '../../ui/StatusBadge';
import { asOfDateText, dataAsOfText } from '../../ui/DataAsOf';
import type { ViewProps } from '../types';
import { indicatorName } from '../../model/indicatorText';
import { messages } from './messages';
import { Figure } from './OverviewCard';

/** Enter presentation mode on its first slide (a new history entry, so Back leaves it). */
export function startPresentation(set: SetState) {
  set({ present: true, slide: 1 });
  window.scrollTo(0, 0);
}

function leaveFullscreen() {
  if (typeof document !== 'undefined' && document.fullscreenElement) document.exitFullscreen().catch(() => undefined);
}

/** Keys typed into a form control, or with a modifier, are not slide commands. */
function ignoredKey(e: KeyboardEvent): boolean {
  if (e.altKey || e.ctrlKey || e.metaKey) return true;
  const el = e.target as HTMLElement | null;
  if (!el || !el.tagName) return false;
  if (el.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(el.tagName)) return true;
  // Space and Enter on a focused button or source note act on that control, as they should.
  return (e.key === ' ' || e.key === 'Enter') && /^(BUTTON|SUMMARY|A)$/.test(el.tagName);
}

export function Presentation({ state, set, loaded }: ViewProps) {
  const t = useT(messages);
  const lang = useLang();
  const { catalog } = loaded;
  const year = overviewYear(catalog, state.year?.to ?? null);
  const slides = useMemo(() => {
    if (year === null) return [];
    const { districts } = overviewDistricts(catalog, state.districts);
    return buildDeck(catalog, districts, year, { onlyTargets: state.targets === true });
  }, [catalog, state.districts, state.targets, year]);
  const count = slides.length;
  const current = clampSlide(state.slide, count);
  const slide = slides[current - 1];

  // A link without `slide`, or past the end, shows what it shows in the URL too.
  useEffect(() => {
    if (count > 0 && state.slide !== current) set({ slide: current }, { replace: true });
  }, [count, current, state.slide, set]);

  const leave = useCallback(() => {
    leaveFullscreen();
    set({ present: false, slide: 0 });
    // Keyboard users land where they entered, not at the top of the document.
    requestAnimationFrame(() => document.querySelector<HTMLElement>('.ov-present')?.focus());
  }, [set]);

  const go = useCallback(
    (key: SlideKey) => {
      const n = stepSlide(current, count, key);
      if (n === null) leave();
      // Stepping replaces the history entry: Back leaves the presentation instead of rewinding it.
      else if (n !== current) set({ slide: n }, { replace: true });
    },
    [current, count, leave, set],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (ignoredKey(e)) return;
      const k = slideKey(e.key);
      if (k === null) return;
      e.preventDefault();
      go(k);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go]);

  const root = useRef<HTMLElement>(null);
  useEffect(() => root.current?.focus({ preventScroll: true }), []);

  const fullscreen = useFullscreen();

  return (
    <section className="presentation" ref={root} tabIndex={-1} aria-roledescription={t('slides')} aria-label={year === null ? t('titleNoYear') : t('deck', { year })}>
      <p className="visually-hidden" aria-live="polite">
        {slide ? t('slideLive', { n: current, count, name: slideName(slide, lang) }) : ''}
      </p>
      <div className="pr-stage">
        {slide?.kind === 'district' ? (
          <OpeningView slide={slide} catalog={catalog} n={current} count={count} />
        ) : slide ? (
          <SlideView slide={slide} catalog={catalog} n={current} count={count} />
        ) : (
          <p className="empty pr-empty">{year === null ? t('noDataAtAll') : t('noSlides', { year })}</p>
        )}
      </div>
      <nav className="pr-bar" aria-label={t('slides')}>
        <button type="button" onClick={() => go('previous')} disabled={current <= 1}>
          <span aria-hidden="true">◀ </span>
          {t('previous')}
        </button>
        <span className="pr-count">{count > 0 ? t('slideOf', { n: current, count }) : ''}</span>
        <button type="button" onClick={() => go('next')} disabled={current >= count}>
          {t('next')}
          <span aria-hidden="true"> ▶</span>
        </button>
        <span className="pr-keys muted">{t('keys')}</span>
        <button type="button" aria-pressed={state.targets === true} onClick={() => set({ targets: state.targets === true ? null : true, slide: 1 }, { replace: true })}>
          {t('onlyTargets')}
        </button>
        {fullscreen.enabled && (
          <button type="button" onClick={fullscreen.toggle} aria-pressed={fullscreen.active}>
            <FullscreenIcon active={fullscreen.active} />
            {fullscreen.active ? t('exitFullscreen') : t('fullscreen')}
          </button>
        )}
        <button type="button" className="pr-leave" onClick={leave}>
          <span aria-hidden="true">✕ </span>
          {t('leave')}
        </button>
      </nav>
    </section>
  );
}

function SlideView({ slide, catalog, n, count }: { slide: Slide; catalog: Catalog; n: number; count: number }) {
  const t = useT(messages);
  const tc = useT(common);
  const lang = useLang();
  const { indicator, year } = slide;
  return (
    <article className={`pr-slide${slide.rows.length > 4 ? ' pr-many' : ''}`} data-slide={n} data-indicator={indicator.id}>
      <header className="pr-head">
        <p className="pr-kicker">
          {t('deck', { year })} · {t('slideOf', { n, count })} · {asOfDateText(catalog, lang)}
        </p>
        <h2>{indicatorName(indicator, lang)}</h2>
      </header>
      <div className="pr-rows">
        {slide.rows.map(({ district, pair, next }) => {
          const st = pair.status;
          const none = !pair.target && !pair.actual;
          return (
            <section key={district.id} className={`pr-row ov-${st.kind}`} data-district={district.id} data-status={none ? 'none' : st.kind}>
              <header className="pr-row-head">
                <h3>{nameOf(district, lang)}</h3>
                {!none && <StatusBadge status={st} />}
              </header>
              {none ? (
                <p className="pr-none">{t('noFigure', { year })}</p>
              ) : (
                <dl className="pr-figures">
                  <div className="pr-result">
                    <dt>{t('result', { year })}</dt>
                    <dd>{pair.actual ? <Figure shown={pair.actual} indicator={indicator} catalog={catalog} big /> : <span className="ov-none">{tc(missingResult(st))}</span>}</dd>
                  </div>
                  <div className="pr-target">
                    <dt>{t('target', { year })}</dt>
                    <dd>{pair.target ? <Figure shown={pair.target} indicator={indicator} catalog={catalog} big /> : <span className="ov-none">{tc(missingTarget(st))}</span>}</dd>
                  </div>
                  {st.gap !== null && (
                    <div className="pr-gap">
                      <dt>{t('gap')}</dt>
                      <dd className={st.gap < 0 ? 'ov-gap ov-gap-short' : 'ov-gap'}>{formatGap(st.gap, indicator.measure, indicator.unit, lang)}</dd>
                    </div>
                  )}
                </dl>
              )}
              {next && (
                // A div, not a p: the figure's source note is a <details>, which a paragraph may not hold.
                <div className="pr-next">
                  <span>{t('nextTarget', { year: year + 1 })}{tc('colon')}</span>
                  <Figure shown={next} indicator={indicator} catalog={catalog} />
                </div>
              )}
            </section>
          );
        })}
      </div>
    </article>
  );
}

function slideName(slide: DeckSlide, lang: Lang): string {
  return slide.kind === 'district' ? nameOf(slide.district, lang) : indicatorName(slide.indicator, lang);
}

/** A district's opening slide: met / near / missed / provisional counted, then the largest shortfalls. */
function OpeningView({ slide, catalog, n, count }: { slide: OpeningSlide; catalog: Catalog; n: number; count: number }) {
  const t = useT(messages);
  const tc = useT(common);
  const lang = useLang();
  const { district, year, counts, gaps } = slide;
  const tiles = [
    ['met', counts.met],
    ['near', counts.near],
    ['missed', counts.missed],
  ] as const;
  return (
    <article className="pr-slide pr-opening" data-slide={n} data-district={district.id}>
      <header className="pr-head">
        <p className="pr-kicker">
          {t('deck', { year })} · {t('slideOf', { n, count })}
        </p>
        <h2>{nameOf(district, lang)}</h2>
        <p className="pr-opening-sub">{t('openingSub', { year, targets: counts.targets })}</p>
        <p className="pr-kicker pr-asof">{dataAsOfText(catalog, lang)}</p>
      </header>
      <ul className="pr-tiles">
        {tiles.map(([k, v]) => (
          <li key={k} className={`pr-tile ov-${k}`} data-kind={k}>
            <span className="pr-tile-n">{v}</span>
            <span className={`status status-${k}`}>{tc(k)}</span>
          </li>
        ))}
        <li className="pr-tile pr-tile-provisional" data-kind="provisional">
          <span className="pr-tile-n">{counts.provisional}</span>
          <span>{t('provisionalCount')}</span>
        </li>
      </ul>
      <section className="pr-gaps" aria-label={t('largestGaps')}>
        <h3>{t('largestGaps')}</h3>
        {gaps.length === 0 ? (
          <p className="pr-none">{t('noShortfall', { year })}</p>
        ) : (
          <ol>
            {gaps.slice(0, 5).map(({ indicator, pair }) => (
              <li key={indicator.id} data-indicator={indicator.id}>
                <span className="pr-gap-name">{indicatorName(indicator, lang)}</span>
                <span className={`pr-gap-value${pair.status.kind === 'missed' ? ' ov-gap-short' : ''}`}>{formatGap(pair.status.gap!, indicator.measure, indicator.unit, lang)}</span>
              </li>
            ))}
          </ol>
        )}
      </section>
    </article>
  );
}

/** The Fullscreen API where the browser offers it (not on iPhone Safari): state and a toggle. */
function useFullscreen() {
  const enabled = typeof document !== 'undefined' && document.fullscreenEnabled === true;
  const [active, setActive] = useState(() => enabled && document.fullscreenElement !== null);
  useEffect(() => {
    if (!enabled) return;
    const onChange = () => setActive(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, [enabled]);
  const toggle = useCallback(() => {
    if (document.fullscreenElement) leaveFullscreen();
    else document.documentElement.requestFullscreen().catch(() => undefined);
  }, []);
  return { enabled, active, toggle };
}

/** Four corners outwards (enter) or inwards (leave); drawn, since not every font has ⛶. */
function FullscreenIcon({ active }: { active: boolean }) {
  const d = active ? 'M7 2v5H2M13 2v5h5M7 18v-5H2M13 18v-5h5' : 'M2 7V2h5M18 7V2h-5M2 13v5h5M18 13v5h-5';
  return (
    <svg className="pr-icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <path d={d} fill="none" stroke="currentColor" strokeWidth="2" />
    </svg>
  );
}
