/**
 * npm run check-data [-- options] [extra yearly files...]
 * Validates data/ (and any extra yearly CSVs, merged as if published) and prints each problem
 * as file:line:column: reason. Exits 1 on any error, 0 with warnings only.
 *   --fix      rewrite each file normalised (UTF-8, standard digits and columns), original kept
 *              as <file>.bak, every change printed; then check as usual
 *   --pending  list the targets that still have no result, by year and district
 *   --audit    list the figures in the kept source texts that no observation holds
 */
import { basename, join } from 'node:path';
import { readFileSync } from 'node:fs';
import { buildDataset, type RawFile } from '../src/data/dataset';
import { formatProblem, problem } from '../src/data/problems';
import { DEFAULT_DATA, DEFAULT_TEXTS, readDataDir, textsFrom, writeIndex, yearlyFiles } from './lib/fsdata';
import { parseArgs } from './lib/args';
import { fixFile } from './lib/fix';
import { formatPending, pendingTargets } from './lib/pending';
import { audit, formatAudit } from './lib/audit';
import { FILES } from '../src/data/schema';

const HELP = `Usage: npm run check-data -- [--data DIR] [--texts DIR] [--lang en|zh] [--quiet] [--fix] [--pending] [FILE.csv ...]
  --data DIR    the data folder (default: data/)
  --texts DIR   folder of source texts for quote checks (default: $SOURCE_TEXTS or ../shared/seeds)
  --lang zh     messages in Chinese
  --quiet       print errors only
  --fix         rewrite each file normalised (UTF-8, standard digits and column order), keeping the
                original as <file>.bak, print every change, then check
  --pending     list the targets that still have no result, by year and district
  --audit       list the figures the extractor finds in the kept source texts that no observation
                holds, by source and line
  FILE.csv      extra yearly files to check as if published (named YYYY.csv)`;

const args = parseArgs(process.argv.slice(2), ['data', 'texts', 'lang'], ['quiet', 'help', 'fix', 'pending', 'audit']);
if (args.flags.help) {
  console.log(HELP);
  process.exit(0);
}
const dataDir = args.options.data ?? DEFAULT_DATA;
const textsDir = args.options.texts ?? DEFAULT_TEXTS;
const lang = args.options.lang === 'zh' ? 'zh' : 'en';

if (args.flags.fix) {
  const targets = [
    ...[FILES.districts, FILES.indicators, FILES.sources, ...yearlyFiles(dataDir)].map((rel) => ({ full: join(dataDir, rel), name: rel })),
    ...args.positional.map((p) => ({ full: p, name: `observations/${basename(p)}` })),
  ];
  let changed = 0;
  for (const t of targets) {
    let r;
    try {
      r = fixFile(t.full, t.name, lang);
    } catch (e) {
      console.log(`${t.name}: ${lang === 'zh' ? '无法读取' : 'cannot be read'}: ${e instanceof Error ? e.message : String(e)}`);
      continue;
    }
    if (r.refused) {
      console.log(`${t.name}: ${lang === 'zh' ? '未修改' : 'left as it is'}: ${r.refused}`);
      continue;
    }
    if (!r.changed) continue;
    changed++;
    console.log(lang === 'zh' ? `${t.name}：已规范化，原文件备份为 ${basename(r.backup!)}` : `${t.name}: normalised; the original is kept as ${basename(r.backup!)}`);
    for (const n of r.notes) console.log(`  ${n}`);
  }
  console.log(lang === 'zh' ? `已修改 ${changed} 个文件。` : `${changed} file(s) changed.`);
}

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

if (args.flags.pending) {
  for (const l of formatPending(pendingTargets(ds), ds, lang)) console.log(l);
  if (errors.length > 0) {
    console.log(
      lang === 'zh'
        ? `注意：数据中有 ${errors.length} 个错误，出错的行不在上表中；运行 npm run check-data 查看。`
        : `Note: the data has ${errors.length} error(s); rows with errors are not in this list. Run npm run check-data to see them.`,
    );
  }
  process.exit(0);
}

if (args.flags.audit) {
  for (const l of formatAudit(audit(ds, dataDir, textsDir), lang)) console.log(l);
  process.exit(0);
}

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
