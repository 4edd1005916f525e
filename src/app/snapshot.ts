/**
 * Pages made at build time (vite.config.ts, src/prerender/renderSnapshots.tsx): the overview and
 * the citizen pages in both languages, on the data of the build, each a file of its own, with its
 * frame (no figure) as a <template> in index.html. For a URL that names one of them and nothing
 * else, public/show-snapshot.js puts the frame in #root while the page is awaited and the page
 * (fetched by public/preload-data.js with the data) once that script has found the served data
 * files to be those the build read (src/prerender/firstPaint.ts), so numbers and charts show
 * before the app's code has run and never from replaced files; the app then replaces either
 * with the same view on the fetched data (main.tsx). Keep snapshotKey and those scripts in step
 * (tests/snapshot.test.ts runs all three on the same URLs).
 */
import { DEFAULT_STATE, type AppState, type Lang, type View } from '../core/url';

/** Set on <html> by public/show-snapshot.js when a page from the build (or its frame) is in #root. */
export const SNAPSHOT_SHOWN = 'data-snapshot';

export const SNAPSHOT_VIEWS = ['overview', 'air', 'grain'] as const satisfies readonly View[];
export const SNAPSHOT_LANGS = ['zh', 'en'] as const satisfies readonly Lang[];

export interface Snapshot {
  key: string;
  state: AppState;
}

export const SNAPSHOTS: Snapshot[] = SNAPSHOT_VIEWS.flatMap((view) =>
  SNAPSHOT_LANGS.map((lang) => ({ key: `${view}-${lang}`, state: { ...DEFAULT_STATE, view, lang } })),
);

/**
 * The snapshot a URL's query shows, or null: only `view` and `lang`, each at most once, with
 * values a snapshot exists for. Anything else (a district, a year, a search) needs the app.
 */
export function snapshotKey(search: string): string | null {
  const p = new URLSearchParams(search);
  let view = 'overview';
  let lang = 'zh';
  const seen = new Set<string>();
  for (const [k, v] of p) {
    if (seen.has(k)) return null;
    seen.add(k);
    if (k === 'view') view = v;
    else if (k === 'lang') lang = v;
    else return null;
  }
  const key = `${view}-${lang}`;
  return SNAPSHOTS.some((s) => s.key === key) ? key : null;
}
