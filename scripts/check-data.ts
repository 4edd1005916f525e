/**
 * npm run check-data [-- options] [extra yearly files...]
 * Validates data/ (and any extra yearly CSVs, merged as if published) and prints each problem
 * as file:line:column: reason. Exits 1 on any error, 0 with warnings only.
 */
import { basename } from 'node:path';
import { readFileSync } from 'node:fs';
import { buildDataset, type RawFile } from '../src/data/dataset';
import { formatProblem, problem } from '../src/data/problems';
import { DEFAULT_DATA, DEFAULT_TEXTS, readDataDir, textsFrom, writeIndex } from './lib/fsdata';
import { parseArgs } from './lib/args';

const HELP = `Usage: npm run check-data -- [--data DIR] [--texts DIR] [--lang en|zh] [--quiet] [FILE.csv ...]
  --data DIR    the data folder (default: data/)
  --texts DIR   folder of source texts for quote checks (default: $SOURCE_TEXTS or ../shared/seeds)
  --lang zh     messages in Chinese
  --quiet       print errors only
  FILE.csv      extra yearly files to check as if published (named YYYY.csv)`;

const args = parseArgs(process.argv.slice(2), ['data', 'texts', 'lang'], ['quiet', 'help']);
if (args.flags.help) {
  console.log(HELP);
  process.exit(0);
}
const dataDir = args.options.data ?? DEFAULT_DATA;
const textsDir = args.options.texts ?? DEFAULT_TEXTS;
const lang = args.options.lang === 'zh' ? 'zh' : 'en';

const files: RawFile[] = readDataDir(dataDir);
for (const extra of args.positional) {
  const path = `observations/${basename(extra)}`;
  const i = files.findIndex((f) => f.path === path);
  const file = { path, bytes: new Uint8Array(readFileSync(extra)) };
  if (i >= 0) files[i] = file;
  else files.push(file);
}

const texts = textsFrom(textsDir);
const ds = buildDataset(files, texts ? { texts } : {});
const problems = [...ds.problems];
if (!texts) {
  problems.unshift(problem('warning', 'quote-unverified', { file: 'sources.csv' }, 'texts-missing', { dir: textsDir }));
}
const index = writeIndex(dataDir);

const errors = problems.filter((p) => p.severity === 'error');
const warnings = problems.filter((p) => p.severity === 'warning');
for (const p of args.flags.quiet ? errors : problems) console.log(formatProblem(p, lang));
const sourceText = new Map(ds.sources.map((s) => [s.id, s.text]));
const verified = texts
  ? ds.observations.filter((o) => o.sourceLine !== null && texts.get(sourceText.get(o.source) ?? '')).length
  : 0;
console.log(
  lang === 'zh'
    ? `共 ${ds.observations.length} 条观测（${index.years.join('、')} 年），引文核对 ${verified} 条；错误 ${errors.length}，警告 ${warnings.length}。`
    : `${ds.observations.length} observations (years ${index.years.join(', ')}), ${verified} quotes verified at their line; ${errors.length} error(s), ${warnings.length} warning(s).`,
);
process.exit(errors.length > 0 ? 1 : 0);
