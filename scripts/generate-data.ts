/**
 * npm run generate-data -- [--size 10k|100k|1m] [--districts N] [--years 2022-2025]
 *                          [--indicators N] [--observations N] [--second-source 0.02] [--seed 1] [--out DIR] [--texts DIR]
 * Writes a synthetic data folder in the contract's format (districts.csv, indicators.csv,
 * sources.csv, observations/YYYY.csv, index.json) for benchmarks and for trying the views at
 * national scale, and the source texts its quotes cite (beside it, DIR-texts). Check it with
 * `npm run check-data -- --data DIR --texts DIR-texts`; serve it by copying it over a build's
 * data/ folder.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from './lib/args';
import { DEFAULT_DATA, writeIndex } from './lib/fsdata';
import { generate, PRESETS, type PresetName } from './lib/synthetic';

const HELP = `Usage: npm run generate-data -- [options]
  --size 10k|100k|1m   a benchmark preset (default 10k); the options below override it
  --districts N        places (a city, then its 11 counties, ...)
  --years A-B          years, e.g. 2022-2025
  --indicators N       the first N indicators of data/indicators.csv
  --observations N     stop after N observation rows
  --second-source F    share of results also given by a statistics bulletin (default 0)
  --seed S             random seed (default 1): the same seed gives the same files
  --out DIR            output folder (default synthetic-data in the system's temporary folder);
                       its observations/ is replaced
  --texts DIR          where the source texts go (default: the output folder's name + "-texts")`;

const args = parseArgs(process.argv.slice(2), ['size', 'districts', 'years', 'indicators', 'observations', 'second-source', 'seed', 'out', 'texts'], ['help']);
if (args.flags.help) {
  console.log(HELP);
  process.exit(0);
}
const o = args.options;
const preset = PRESETS[(o.size ?? '10k') as PresetName];
if (!preset) throw new Error(`--size must be one of ${Object.keys(PRESETS).join(', ')}`);

function years(s: string | undefined): number[] {
  if (s === undefined) return [...preset.years];
  const m = /^(\d{4})(?:-(\d{4}))?$/.exec(s);
  if (!m) throw new Error('--years must be YYYY or YYYY-YYYY');
  const a = Number(m[1]);
  const b = Number(m[2] ?? m[1]);
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
}
const int = (s: string | undefined, d: number) => (s === undefined ? d : Number.parseInt(s, 10));

const out = resolve(o.out ?? join(tmpdir(), 'synthetic-data'));
if (out === resolve(DEFAULT_DATA)) throw new Error('refusing to overwrite the real data/ folder');
const t0 = performance.now();
const data = generate({
  indicatorsCsv: readFileSync(join(DEFAULT_DATA, 'indicators.csv'), 'utf8'),
  districts: int(o.districts, preset.districts),
  years: years(o.years),
  indicators: int(o.indicators, preset.indicators),
  observations: o.observations !== undefined ? int(o.observations, 0) : o.districts || o.years || o.indicators ? undefined : preset.observations,
  secondSource: o['second-source'] !== undefined ? Number(o['second-source']) : 0,
  seed: int(o.seed, 1),
});
rmSync(join(out, 'observations'), { recursive: true, force: true });
let bytes = 0;
for (const [path, text] of Object.entries(data.files)) {
  const full = join(out, path);
  mkdirSync(dirname(full), { recursive: true });
  const b = Buffer.from(text, 'utf8');
  bytes += b.length;
  writeFileSync(full, b);
}
const textsDir = resolve(o.texts ?? `${out}-texts`);
rmSync(textsDir, { recursive: true, force: true });
mkdirSync(textsDir, { recursive: true });
for (const [name, text] of Object.entries(data.texts)) writeFileSync(join(textsDir, name), text);
const index = writeIndex(out);
const c = data.counts;
console.log(
  `${out}: ${c.observations} observations (${index.years.join(', ')}), ${c.districts} places, ${c.indicators} indicators, ${c.sources} sources; ` +
    `${(bytes / 1e6).toFixed(1)} MB in ${((performance.now() - t0) / 1000).toFixed(1)} s; ` +
    `${Object.keys(data.texts).length} source texts in ${textsDir}`,
);
