/**
 * The URL is the state: a link reproduces what was seen (DESIGN.md). The query parameters
 * view, indicator, districts, year and lang are an interface; the others are ours.
 */
export const VIEWS = ['overview', 'indicator', 'scorecard', 'air', 'grain', 'data', 'check'] as const;
export type View = (typeof VIEWS)[number];
export type Lang = 'zh' | 'en';

export interface YearRange {
  from: number;
  to: number;
}

export interface AppState {
  view: View;
  indicator: string | null;
  /** Chosen districts, in the order given; empty means the view's default. */
  districts: string[];
  year: YearRange | null;
  lang: Lang;
  /** Full-screen presentation of the overview for meetings. */
  present: boolean;
  /** Data view: observation kind filter. */
  kind: 'target' | 'actual' | null;
  /** Data view: `column` or `-column` for descending. */
  sort: string | null;
  /** Free-text search (district names in long lists). */
  q: string;
  /** Presentation mode: which slide. */
  slide: number;
  /** Check page: which tab (null: check a file; 'draft': draft rows from a report). */
  tab: 'draft' | null;
  /**
   * Scorecard and presentation: only indicators with a target (`targets=1`), all (`targets=0`),
   * or null for the view's default (all; a phone's scorecard: only those with a target).
   */
  targets: boolean | null;
}

/** Changes part of the state (a new history entry unless `replace`). */
export type SetState = (patch: Partial<AppState>, opts?: { replace?: boolean }) => void;

export const DEFAULT_STATE: AppState = {
  view: 'overview',
  indicator: null,
  districts: [],
  year: null,
  lang: 'zh',
  present: false,
  kind: null,
  sort: null,
  q: '',
  slide: 0,
  tab: null,
  targets: null,
};

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function parseYear(s: string | null): YearRange | null {
  if (!s) return null;
  // A year is written with four digits and no leading zero: "0000" or "0999" would be read as
  // a number written back as "0" or "999", which no longer parses (two links for one state).
  const m = /^([1-9]\d{3})(?:-([1-9]\d{3}))?$/.exec(s.trim());
  if (!m) return null;
  const a = Number(m[1]);
  const b = m[2] ? Number(m[2]) : a;
  return { from: Math.min(a, b), to: Math.max(a, b) };
}

export function formatYear(y: YearRange): string {
  return y.from === y.to ? String(y.from) : `${y.from}-${y.to}`;
}

/** Tolerant: a value that makes no sense falls back to the default, never to an error page. */
export function parseState(search: string): AppState {
  const p = new URLSearchParams(search);
  const view = p.get('view');
  const indicator = p.get('indicator');
  const lang = p.get('lang');
  const kind = p.get('kind');
  const slide = Number(p.get('slide'));
  const targets = p.get('targets');
  return {
    view: VIEWS.includes(view as View) ? (view as View) : 'overview',
    // Kept as given (shown as text) even when malformed, so the view can say it is unknown.
    indicator: indicator ? indicator.trim().slice(0, 100) || null : null,
    // A Set removes repeats in one pass (indexOf per id froze the page on 100,000 ids).
    districts: [...new Set((p.get('districts') ?? '').split(',').map((s) => s.trim()))].filter((s) => ID.test(s)),
    year: parseYear(p.get('year')),
    lang: lang === 'en' ? 'en' : 'zh',
    present: p.get('present') === '1',
    kind: kind === 'target' || kind === 'actual' ? kind : null,
    sort: p.get('sort') && /^-?[a-z_]+$/.test(p.get('sort')!) ? p.get('sort') : null,
    q: (p.get('q') ?? '').slice(0, 100),
    slide: Number.isInteger(slide) && slide > 0 ? slide : 0,
    tab: view === 'check' && p.get('tab') === 'draft' ? 'draft' : null,
    targets: targets === '1' ? true : targets === '0' ? false : null,
  };
}

/** Stable parameter order, defaults left out, so equal states give equal links. */
export function toSearch(s: AppState): string {
  const p = new URLSearchParams();
  if (s.view !== 'overview') p.set('view', s.view);
  if (s.indicator) p.set('indicator', s.indicator);
  if (s.districts.length) p.set('districts', s.districts.join(','));
  if (s.year) p.set('year', formatYear(s.year));
  if (s.lang !== 'zh') p.set('lang', s.lang);
  if (s.present) p.set('present', '1');
  if (s.kind) p.set('kind', s.kind);
  if (s.sort) p.set('sort', s.sort);
  if (s.q) p.set('q', s.q);
  if (s.slide) p.set('slide', String(s.slide));
  if (s.tab && s.view === 'check') p.set('tab', s.tab);
  if (s.targets !== null) p.set('targets', s.targets ? '1' : '0');
  const q = p.toString().replace(/%2C/g, ',');
  return q ? `?${q}` : '';
}
