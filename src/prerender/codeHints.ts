/**
 * What the build tells public/preload-data.js about the app's code, so that the page asks for
 * it in the order a slow line needs: the data first, then the app (<meta name="app-entry">,
 * taken out of index.html's own tags), then the code of the URL's view (<meta name="view-code">,
 * from Vite's manifest) instead of once the app has run and asked for it, a round trip later.
 */
import { VIEWS, type View } from '../core/url';
import { jsonMeta } from './meta';

/** A Vite manifest entry (build.manifest), as read here and by scripts/budget.ts. */
export interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

/** The <meta name> public/preload-data.js reads. */
export const VIEW_CODE_META = 'view-code';

/** A view's module is src/views/<view>/<Name>View.tsx. */
const VIEW_MODULE = /^src\/views\/([a-z]+)\/[A-Z]\w*View\.tsx$/;

export function viewCode(manifest: Manifest): Partial<Record<View, string[]>> {
  // What the entry loads already (its own file, its static imports and their CSS) is not repeated.
  const loaded = new Set<string>();
  const entryKeys = Object.keys(manifest).filter((k) => manifest[k]!.isEntry);
  const walk = (key: string, into: Set<string>, seen: Set<string>) => {
    if (seen.has(key)) return;
    seen.add(key);
    const c = manifest[key];
    if (!c) return;
    into.add(c.file);
    for (const css of c.css ?? []) into.add(css);
    for (const i of c.imports ?? []) walk(i, into, seen);
  };
  for (const k of entryKeys) walk(k, loaded, new Set());
  const out: Partial<Record<View, string[]>> = {};
  for (const key of Object.keys(manifest).sort()) {
    const view = VIEW_MODULE.exec(key)?.[1] as View | undefined;
    if (!view || !VIEWS.includes(view)) continue;
    const files = new Set<string>();
    walk(key, files, new Set());
    out[view] = [...files].filter((f) => !loaded.has(f));
  }
  return out;
}

export const viewCodeMeta = (code: Partial<Record<View, string[]>>): string => jsonMeta(VIEW_CODE_META, code);

/** The <meta name> public/preload-data.js and public/show-snapshot.js read. */
export const APP_ENTRY_META = 'app-entry';

export interface AppEntry {
  /** The entry module, as Vite wrote its src. */
  js: string;
  /** Its static imports, as Vite wrote their modulepreload hrefs. */
  preload: string[];
  /** The data loader's entry (src/early.ts), which starts loading the data before the app arrives. */
  early?: string;
}

/** The build's entry that loads the data ahead of the app (vite.config.ts build input). */
export const EARLY_ENTRY = 'src/early.ts';

/** The app entry with the early loader's file from Vite's manifest, written as Vite writes the others ('./assets/…'). */
export function withEarlyEntry(entry: AppEntry, manifest: Manifest): AppEntry {
  const file = manifest[EARLY_ENTRY]?.file;
  if (!file) throw new Error(`manifest: no entry ${EARLY_ENTRY}`);
  return { ...entry, early: `./${file}` };
}

const MODULE_SCRIPT = /\s*<script type="module"[^>]*\ssrc="([^"]+)"[^>]*><\/script>/g;
const MODULE_PRELOAD = /\s*<link rel="modulepreload"[^>]*\shref="([^"]+)"[^>]*>/g;

/** index.html without the app's module script and its preloads, and what they named. */
export function takeAppEntry(html: string): { html: string; entry: AppEntry } {
  const scripts = [...html.matchAll(MODULE_SCRIPT)].map((m) => m[1]!);
  if (scripts.length !== 1) throw new Error(`index.html: expected one module script, found ${scripts.length}`);
  const preload = [...html.matchAll(MODULE_PRELOAD)].map((m) => m[1]!);
  return { html: html.replace(MODULE_SCRIPT, '').replace(MODULE_PRELOAD, ''), entry: { js: scripts[0]!, preload } };
}

export const appEntryMeta = (entry: AppEntry): string => jsonMeta(APP_ENTRY_META, entry);

const STYLESHEET = /\s*<link rel="stylesheet"[^>]*>/g;

/**
 * index.html with `early` (the data's preloads) and a preload of each stylesheet just before
 * `tag` (the first script, which waits for any stylesheet above it), the stylesheets themselves
 * just after it. Vite puts stylesheets last in <head>, where a slow phone asked for them only
 * once that script had run, and the page from the build waited for them.
 */
export function stylesAfter(html: string, tag: string, early = ''): string {
  const sheets = html.match(STYLESHEET) ?? [];
  if (!html.includes(tag)) throw new Error(`index.html: no ${tag}`);
  const preloads = sheets.map((l) => l.replace('rel="stylesheet"', 'rel="preload" as="style"').trim());
  const before = [early, ...preloads].filter(Boolean).map((l) => `${l}\n    `).join('');
  return html.replace(STYLESHEET, '').replace(tag, () => `${before}${tag}${sheets.join('')}`);
}
