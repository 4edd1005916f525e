/**
 * npm run bench [-- --sizes 10k,100k,1m] [--runs N]
 * How fast the site's loader turns published bytes into what the views read: decode, parse,
 * validate (buildDataset) and index (Catalog), on synthetic data sets of 10 k, 100 k and 1 M
 * observations. The floor is d3-dsv's bare csvParseRows (after decoding) on the same bytes: no
 * loader can be faster than parsing, so the ratio to it says how much our checks cost.
 * Each size runs in a fresh Node process so its peak memory is its own; times are medians.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvParseRows } from 'd3-dsv';
import { buildDataset, type RawFile } from '../src/data/dataset';
import { Catalog } from '../src/model/catalog';
import { isoDay } from '../src/model/calendar';
import { parseArgs } from './lib/args';
import { DEFAULT_DATA } from './lib/fsdata';
import { generate, PRESETS, type PresetName } from './lib/synthetic';

interface Result {
  size: string;
  rows: number;
  mb: number;
  runs: number;
  floorMs: number;
  buildMs: number;
  catalogMs: number;
  totalMs: number;
  /** CPU time (user + system) of the process: steadier than wall time on a shared machine. */
  floorCpuMs: number;
  totalCpuMs: number;
  peakRssMb: number;
  extraRssMb: number;
  retainedHeapMb: number;
  errors: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const MB = 1024 * 1024;
const TODAY = isoDay(new Date());
const gc = () => (globalThis as { gc?: () => void }).gc?.();

function warmUp(files: RawFile[], floorRun: () => void) {
  floorRun();
  if (new Catalog(buildDataset(files), TODAY).years.length === 0) throw new Error('no years');
}

function one(size: PresetName, runs: number): Result {
  const d = generate({ indicatorsCsv: readFileSync(join(DEFAULT_DATA, 'indicators.csv'), 'utf8'), ...PRESETS[size], seed: 1 });
  const enc = new TextEncoder();
  // Bytes, as fetch gives them: decoding is part of loading.
  const files: RawFile[] = Object.entries(d.files).map(([path, text]) => ({ path, bytes: enc.encode(text) }));
  const bytes = files.reduce((n, f) => n + f.bytes!.length, 0);
  delete (d as { files?: unknown }).files;

  const floorRun = () => {
    let n = 0;
    for (const f of files) n += csvParseRows(new TextDecoder('utf-8', { fatal: true }).decode(f.bytes)).length;
    if (n === 0) throw new Error('nothing parsed');
  };
  // One untimed round of each, so both are compiled before timing; in a call of its own so no
  // stack slot keeps the result alive when the heap is measured.
  warmUp(files, floorRun);

  gc();
  const rss0 = process.resourceUsage().maxRSS / 1024;
  const heap0 = process.memoryUsage().heapUsed;
  const build: number[] = [];
  const cat: number[] = [];
  const floor: number[] = [];
  const floorCpu: number[] = [];
  const totalCpu: number[] = [];
  let errors = 0;
  let retained = 0;
  let kept: Catalog | null = null;
  // Floor and loader alternate, so a busy machine slows both alike and the ratio stays fair.
  for (let i = 0; i < runs; i++) {
    gc();
    let c0 = process.cpuUsage();
    const f0 = performance.now();
    floorRun();
    floor.push(performance.now() - f0);
    let c = process.cpuUsage(c0);
    floorCpu.push((c.user + c.system) / 1000);

    gc();
    c0 = process.cpuUsage();
    const t0 = performance.now();
    const ds = buildDataset(files);
    const t1 = performance.now();
    const catalog = new Catalog(ds, TODAY);
    const t2 = performance.now();
    c = process.cpuUsage(c0);
    totalCpu.push((c.user + c.system) / 1000);
    build.push(t1 - t0);
    cat.push(t2 - t1);
    errors = ds.problems.filter((p) => p.severity === 'error').length;
    if (catalog.years.length === 0) throw new Error('no years');
    if (i === 0) {
      kept = catalog;
      gc();
      retained = process.memoryUsage().heapUsed - heap0;
    }
  }
  const peakRss = process.resourceUsage().maxRSS / 1024;
  if (kept === null) throw new Error('no runs');
  const totals = build.map((b, i) => b + cat[i]!);
  return {
    size,
    rows: d.counts.observations,
    mb: bytes / 1e6,
    runs,
    floorMs: median(floor),
    buildMs: median(build),
    catalogMs: median(cat),
    totalMs: median(totals),
    floorCpuMs: median(floorCpu),
    totalCpuMs: median(totalCpu),
    peakRssMb: peakRss,
    extraRssMb: peakRss - rss0,
    retainedHeapMb: retained / MB,
    errors,
  };
}

const args = parseArgs(process.argv.slice(2), ['sizes', 'runs', 'one'], ['json', 'help']);
if (args.flags.help) {
  console.log('Usage: npm run bench -- [--sizes 10k,100k,1m] [--runs N] [--json]');
  process.exit(0);
}
const defaultRuns: Record<string, number> = { '10k': 7, '100k': 5, '1m': 3 };

if (args.options.one) {
  const size = args.options.one as PresetName;
  const r = one(size, Number(args.options.runs ?? defaultRuns[size] ?? 3));
  process.stdout.write(JSON.stringify(r) + '\n');
} else {
  const sizes = (args.options.sizes ?? '10k,100k,1m').split(',') as PresetName[];
  const results: Result[] = [];
  for (const size of sizes) {
    if (!PRESETS[size]) throw new Error(`unknown size ${size}; use ${Object.keys(PRESETS).join(', ')}`);
    const extra = args.options.runs ? ['--runs', args.options.runs] : [];
    const p = spawnSync(
      process.execPath,
      ['--expose-gc', '--max-old-space-size=4096', '--import', 'tsx', process.argv[1]!, '--one', size, ...extra],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
    );
    if (p.status !== 0) throw new Error(`bench of ${size} failed`);
    results.push(JSON.parse(p.stdout.trim().split('\n').at(-1)!) as Result);
  }
  if (args.flags.json) {
    console.log(JSON.stringify(results, null, 2));
  } else {
    const head = ['size', 'rows', 'MB', 'runs', 'floor ms', 'build ms', 'catalog ms', 'total ms', 'rows/s', '× floor', 'µs/row', 'CPU floor', 'CPU total', 'CPU ×', 'peak RSS MB', '+RSS MB', 'kept heap MB', 'errors'];
    const table = results.map((r) => [
      r.size,
      String(r.rows),
      r.mb.toFixed(1),
      String(r.runs),
      r.floorMs.toFixed(0),
      r.buildMs.toFixed(0),
      r.catalogMs.toFixed(0),
      r.totalMs.toFixed(0),
      Math.round(r.rows / (r.totalMs / 1000)).toLocaleString('en'),
      (r.totalMs / r.floorMs).toFixed(2),
      ((r.totalMs * 1000) / r.rows).toFixed(2),
      r.floorCpuMs.toFixed(0),
      r.totalCpuMs.toFixed(0),
      (r.totalCpuMs / r.floorCpuMs).toFixed(2),
      r.peakRssMb.toFixed(0),
      r.extraRssMb.toFixed(0),
      r.retainedHeapMb.toFixed(0),
      String(r.errors),
    ]);
    const widths = head.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
    const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
    console.log(line(head));
    for (const row of table) console.log(line(row));
    console.log(`node ${process.version}; medians; floor = TextDecoder + d3-dsv csvParseRows on the same bytes; ms are wall time, CPU columns process CPU time in ms.`);
  }
}
