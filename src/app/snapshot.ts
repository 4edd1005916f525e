/**
 * Pages made at build time (vite.config.ts renders them into index.html as <template>s):
 * the overview and the citizen pages in both languages, on the data of the build, each with its
 * frame (no figure). For a URL that names one of them and nothing else, public/show-snapshot.js
 * puts the frame in #root before the first paint and the page once public/preload-data.js has
 * found the served data files to be those the build read (src/prerender/firstPaint.ts), so
 * numbers and charts show before the app's code has run and never from replaced files; the app
 * then replaces either with the same view on the fetched data (main.tsx). Keep snapshotKey and
 * that script in step (tests/snapshot.test.ts runs both on the same URLs).
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
