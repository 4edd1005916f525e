/**
 * npm run budget [-- --dir DIR] [--entry-kb 110] [--overview-kb 330]
 * Size budget of the production build, in gzip bytes as a phone downloads them:
 *  - the entry JS and its static imports (what every page loads before anything shows);
 *  - all JS the overview loads: entry, overview chunk, the ECharts chunk(s) and their static imports.
 * Follows Vite's manifest (build.manifest), prints a table and exits 1 when over budget.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Manifest } from '../src/prerender/codeHints';

export type { Manifest, ManifestChunk } from '../src/prerender/codeHints';

export interface BudgetLine {
  name: string;
  files: { file: string; gzip: number }[];
  gzip: number;
  limit: number;
  ok: boolean;
}

export interface BudgetOptions {
  /** Limits in KB (1 KB = 1024 bytes) of gzip. */
  entryKb?: number;
  overviewKb?: number;
  /** What the first paint waits for: index.html (with the pages made at build time), the entry's CSS, the scripts that check the data and show the page. */
  firstPaintKb?: number;
  /** The overview's module, as the manifest names it. */
  overviewSrc?: RegExp;
  /** Chunks that hold ECharts (loaded lazily by the chart component). */
  chartSrc?: RegExp;
}

export const DEFAULT_BUDGET = { entryKb: 110, overviewKb: 330, firstPaintKb: 50 };

export function readManifest(dir: string): Manifest {
  const path = join(dir, '.vite', 'manifest.json');
  if (!existsSync(path)) throw new Error(`No manifest at ${path}: build with build.manifest: true (vite.config.ts)`);
  return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
}

/** The chunk keys a set of chunks loads before running: themselves and their static imports. */
export function staticClosure(m: Manifest, keys: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (k: string) => {
    if (seen.has(k) || !m[k]) return;
    seen.add(k);
    for (const i of m[k].imports ?? []) visit(i);
  };
  keys.forEach(visit);
  return seen;
}

export function measureBudget(dir: string, opts: BudgetOptions = {}): BudgetLine[] {
  const m = readManifest(dir);
  const entryKb = opts.entryKb ?? DEFAULT_BUDGET.entryKb;
  const overviewKb = opts.overviewKb ?? DEFAULT_BUDGET.overviewKb;
  const overviewSrc = opts.overviewSrc ?? /views\/overview\/OverviewView\.[jt]sx?$/;
  const chartSrc = opts.chartSrc ?? /(charts\/EChartCore|charts\/echarts|node_modules\/echarts)/;

  const entries = Object.keys(m).filter((k) => m[k]!.isEntry);
  if (entries.length === 0) throw new Error('The manifest names no entry chunk');
  const overview = Object.keys(m).find((k) => overviewSrc.test(k));
  if (!overview) throw new Error(`No chunk for the overview (${overviewSrc}) in the manifest`);

  const entrySet = staticClosure(m, entries);
  const viewSet = staticClosure(m, [...entries, overview]);
  // The ECharts chunk(s) the overview's code imports lazily (the chart component loads them).
  const charts = [...viewSet].flatMap((k) => m[k]!.dynamicImports ?? []).filter((k) => chartSrc.test(k));
  const overviewSet = staticClosure(m, [...viewSet, ...charts]);

  const sizes = new Map<string, number>();
  const gz = (file: string) => {
    if (!sizes.has(file)) sizes.set(file, gzipSync(readFileSync(join(dir, file)), { level: 9 }).length);
    return sizes.get(file)!;
  };
  const sized = (name: string, names: string[], limitKb: number): BudgetLine => {
    const files = names.map((file) => ({ file, gzip: gz(file) })).sort((a, b) => b.gzip - a.gzip);
    const gzip = files.reduce((n, f) => n + f.gzip, 0);
    return { name, files, gzip, limit: limitKb * 1024, ok: gzip <= limitKb * 1024 };
  };
  // The JavaScript of a set of chunks.
  const line = (name: string, keys: Set<string>, limitKb: number) =>
    sized(
      name,
      [...keys].map((k) => m[k]!.file).filter((f) => f.endsWith('.js')),
      limitKb,
    );
  const firstPaintKb = opts.firstPaintKb ?? DEFAULT_BUDGET.firstPaintKb;
  // A URL's page from the build is a file of its own (src/prerender/renderSnapshots.tsx): the largest counts.
  const pageDir = join(dir, 'first-paint');
  const pageFiles = existsSync(pageDir) ? readdirSync(pageDir).map((f) => `first-paint/${f}`) : [];
  const largestPage = pageFiles.sort((a, b) => gz(b) - gz(a))[0];
  const paintFiles = ['index.html', ...entries.flatMap((k) => m[k]!.css ?? []), 'preload-data.js', 'show-snapshot.js', ...(largestPage ? [largestPage] : [])].filter((f) => existsSync(join(dir, f)));
  return [
    line('entry JS + static imports', entrySet, entryKb),
    line('overview: entry + view + ECharts', overviewSet, overviewKb),
    sized('first paint: index.html + entry CSS + preload-data.js + show-snapshot.js + the largest page from the build', paintFiles, firstPaintKb),
  ];
}

const kb = (n: number) => (n / 1024).toFixed(1);

export function formatBudget(lines: BudgetLine[]): string {
  const out: string[] = [];
  for (const l of lines) {
    out.push(`${l.ok ? 'ok  ' : 'OVER'}  ${l.name}: ${kb(l.gzip)} KB gzip of ${kb(l.limit)} KB`);
    for (const f of l.files) out.push(`        ${kb(f.gzip).padStart(7)} KB  ${f.file}`);
  }
  return out.join('\n');
}

function main() {
  const args = process.argv.slice(2);
  const opt = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const dir = resolve(opt('dir') ?? 'dist');
  const lines = measureBudget(dir, {
    entryKb: Number(opt('entry-kb') ?? DEFAULT_BUDGET.entryKb),
    overviewKb: Number(opt('overview-kb') ?? DEFAULT_BUDGET.overviewKb),
  });
  console.log(formatBudget(lines));
  const over = lines.filter((l) => !l.ok);
  if (over.length > 0) {
    console.error(`Over budget: ${over.map((l) => l.name).join('; ')}`);
    process.exit(1);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    main();
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(2);
  }
}
