/**
 * npm run check-data [-- options] [extra yearly files...]
 * Validates data/ (and any extra yearly CSVs or .xlsx workbooks, merged as if published) and
 * prints each problem as file:line:column: reason (a workbook's as book.xlsx[sheet]:row:column). Exits 1 on any error, 0 with warnings only.
 *   --fix      rewrite each file normalised (UTF-8, standard digits and columns), original kept
 *              as <file>.bak, every change printed; then check as usual
 *   --pending  list the targets that still have no result, by year and district
 *   --audit    list the figures in the kept source texts that no observation holds
 */
import { basename, join } from 'node:path';
import { existsSync, statSync } from 'node:fs';
import { buildDataset, type RawFile } from '../src/data/dataset';
import { formatProblem, problem } from '../src/data/problems';
import { DEFAULT_DATA, DEFAULT_TEXTS, readDataDir, textsFrom, unreadable, writeIndex, yearlyFiles } from './lib/fsdata';
import { parseArgsOrExit } from './lib/args';
import { say, usageError } from './lib/terminal';
import { isWorkbook, readExtra } from './lib/extraFiles';
import { fixFile } from './lib/fix';
import { formatPending, pendingTargets } from './lib/pending';
import { audit, formatAudit } from './lib/audit';
import { FILES } from '../src/data/schema';
import { defineMessages, translate, type Params } from '../src/core/i18n';
import type { Lang } from '../src/core/url';

const HELP = `Usage: npm run check-data -- [--data DIR] [--texts DIR] [--lang en|zh] [--quiet] [--fix] [--pending] [FILE.csv|BOOK.xlsx ...]
  --data DIR    the data folder (default: data/)
  --texts DIR   folder of source texts for quote checks (default: $SOURCE_TEXTS or ../shared/seeds)
  --lang zh     messages in Chinese
  --quiet       print errors only
  --fix         rewrite each file normalised (UTF-8, standard digits and column order), keeping the
                original as <file>.bak, print every change, then check
  --pending     list the targets that still have no result, by year and district
  --audit       list the figures the extractor finds in the kept source texts that no observation
                holds, by source and line
  FILE.csv      extra yearly files to check as if published (named YYYY.csv)
  BOOK.xlsx     an Excel workbook: each sheet named for a year is that year's file; a sheet with a
                "year" column is split by year. Problems are told at the sheet's rows.`;

const HELP_ZH = `用法：npm run check-data -- [--data 文件夹] [--texts 文件夹] [--lang en|zh] [--quiet] [--fix] [--pending] [年度文件.csv|工作簿.xlsx ...]
  --data 文件夹   数据文件夹（默认 data/）
  --texts 文件夹  用于核对引文的来源文本文件夹（默认为环境变量 SOURCE_TEXTS 或 ../shared/seeds）
  --lang zh       中文提示
  --quiet         只列出错误
  --fix           规范化每个文件（UTF-8、标准数字与列序），原文件保留为 <文件>.bak，列出每处改动，然后检查
  --pending       按年份、地区列出还没有实际数的目标
  --audit         列出来源文本中有、但数据中没有的数字（按来源和行）
  年度文件.csv    当作已发布一起检查的年度文件（命名为 YYYY.csv）
  工作簿.xlsx     Excel 工作簿：以年份命名的工作表即该年的文件；带“year”列的工作表按年份拆分。问题按工作表的行号列出。`;

const fail: (message: string) => never = (message) => usageError(`check-data: ${message}`, HELP);
const args = parseArgsOrExit(process.argv.slice(2), ['data', 'texts', 'lang'], ['quiet', 'help', 'fix', 'pending', 'audit'], fail);
const dataDir = args.options.data ?? DEFAULT_DATA;
const textsDir = args.options.texts ?? DEFAULT_TEXTS;
if (args.options.lang !== undefined && args.options.lang !== 'en' && args.options.lang !== 'zh') fail(`--lang must be en or zh, not "${args.options.lang}"`);
const lang: Lang = args.options.lang === 'zh' ? 'zh' : 'en';
const words = defineMessages({
  zh: {
    help: HELP_ZH,
    workbook: '{file}：工作簿不会被改写；请在检查页下载规范化文件。',
    unreadable: '{file}: 无法读取: {reason}',
    refused: '{file}: 未修改: {reason}',
    normalised: '{file}：已规范化，原文件备份为 {backup}',
    changed: '已修改 {n} 个文件。',
    errorsNote: '注意：数据中有 {n} 个错误，出错的行不在上表中；运行 npm run check-data 查看。',
    summary: '共 {n} 条观测（{years} 年），引文核对 {verified} 条；错误 {errors}，警告 {warnings}。',
    listSep: '、',
  },
  en: {
    help: HELP,
    workbook: '{file}: a workbook is not rewritten; download the normalised file from the check page.',
    unreadable: '{file}: cannot be read: {reason}',
    refused: '{file}: left as it is: {reason}',
    normalised: '{file}: normalised; the original is kept as {backup}',
    changed: '{n} file(s) changed.',
    errorsNote: 'Note: the data has {n} error(s); rows with errors are not in this list. Run npm run check-data to see them.',
    summary: '{n} observations (years {years}), {verified} quotes verified at their line; {errors} error(s), {warnings} warning(s).',
    listSep: ', ',
  },
});
const w = (key: keyof (typeof words)['zh'], params?: Params) => translate(words, lang, key, params);
if (args.flags.help) {
  console.log(w('help'));
  process.exit(0);
}
// Mistakes in the call itself: one line each, exit status 2, before anything is read or written.
if (!existsSync(dataDir) || !statSync(dataDir).isDirectory()) fail(`--data ${dataDir}: no such folder`);
for (const p of args.positional) {
  const why = unreadable(p);
  if (why !== null) fail(`${p}: ${why}`);
}

if (args.flags.fix) {
  const targets = [
    ...[FILES.districts, FILES.indicators, FILES.sources, ...yearlyFiles(dataDir)].map((rel) => ({ full: join(dataDir, rel), name: rel })),
    ...args.positional.filter((p) => !isWorkbook(p)).map((p) => ({ full: p, name: `observations/${basename(p)}` })),
  ];
  for (const p of args.positional.filter(isWorkbook)) {
    console.log(w('workbook', { file: basename(p) }));
  }
  let changed = 0;
  for (const t of targets) {
    let r;
    try {
      r = fixFile(t.full, t.name, lang);
    } catch (e) {
      say(w('unreadable', { file: t.name, reason: e instanceof Error ? e.message : String(e) }));
      continue;
    }
    if (r.refused) {
      say(w('refused', { file: t.name, reason: r.refused }));
      continue;
    }
    if (!r.changed) continue;
    changed++;
    say(w('normalised', { file: t.name, backup: basename(r.backup!) }));
    for (const n of r.notes) say(`  ${n}`);
  }
  say(w('changed', { n: changed }));
}

const files: RawFile[] = readDataDir(dataDir);
const extra = readExtra(args.positional);
for (const file of extra.files) {
  const i = files.findIndex((f) => f.path === file.path);
  if (i >= 0) files[i] = file;
  else files.push(file);
}

const texts = textsFrom(textsDir);
const ds = buildDataset(files, texts ? { texts } : {});
const problems = [...extra.problems, ...ds.problems.map(extra.place)];
if (!texts) {
  problems.unshift(problem('warning', 'quote-unverified', { file: 'sources.csv' }, 'texts-missing', { dir: textsDir }));
}
const index = writeIndex(dataDir);

const errors = problems.filter((p) => p.severity === 'error');
const warnings = problems.filter((p) => p.severity === 'warning');

if (args.flags.pending) {
  for (const l of formatPending(pendingTargets(ds), ds, lang)) say(l);
  if (errors.length > 0) {
    say(w('errorsNote', { n: errors.length }));
  }
  process.exit(0);
}

if (args.flags.audit) {
  for (const l of formatAudit(audit(ds, dataDir, textsDir), lang)) say(l);
  process.exit(0);
}

for (const p of args.flags.quiet ? errors : problems) say(formatProblem(p, lang));
const sourceText = new Map(ds.sources.map((s) => [s.id, s.text]));
const verified = texts
  ? ds.observations.filter((o) => o.sourceLine !== null && texts.get(sourceText.get(o.source) ?? '')).length
  : 0;
say(w('summary', { n: ds.observations.length, years: index.years.join(w('listSep')), verified, errors: errors.length, warnings: warnings.length }));
process.exit(errors.length > 0 ? 1 : 0);
