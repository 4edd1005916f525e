/**
 * npm run new-year -- 2026 [--data DIR] [--lang zh]
 * Creates observations/2026.csv: the header and one target row to fill for each (district,
 * indicator) that had a target in 2025. Refuses to overwrite an existing file. Refreshes
 * data/index.json, and lists last year's targets that still have no result.
 */
import { relative } from 'node:path';
import { buildDataset } from '../src/data/dataset';
import { observationFile } from '../src/data/schema';
import { existsSync, statSync } from 'node:fs';
import { parseArgsOrExit } from './lib/args';
import { usageError } from './lib/terminal';
import { DEFAULT_DATA, readDataDir, writeIndex } from './lib/fsdata';
import { newYearFile } from './lib/newYear';
import { formatPending, pendingTargets } from './lib/pending';
import { defineMessages, translate, type Params } from '../src/core/i18n';
import type { Lang } from '../src/core/url';

const USAGE = 'Usage: npm run new-year -- YYYY [--data DIR] [--lang zh]   e.g. npm run new-year -- 2026';
const fail: (message: string) => never = (message) => usageError(`new-year: ${message}`, USAGE);
const args = parseArgsOrExit(process.argv.slice(2), ['data', 'lang'], ['help'], fail);
if (args.flags.help) {
  console.log(USAGE);
  process.exit(0);
}
if (args.options.lang !== undefined && args.options.lang !== 'en' && args.options.lang !== 'zh') fail(`--lang must be en or zh, not "${args.options.lang}"`);
const lang: Lang = args.options.lang === 'zh' ? 'zh' : 'en';
const dataDir = args.options.data ?? DEFAULT_DATA;
const words = defineMessages({
  zh: {
    exists: '{file} 已存在，未做任何改动。要补充该年的数据，请直接编辑该文件。',
    created: '已创建 {rel}：表头及 {rows} 行待填的 {year} 年目标（{prev} 年有目标的每个地区和指标各一行）。\n  请按新的政府工作报告填写 comparator、value、unit、estimate、source、line、quote；报告没有给出的目标，删除该行。\n  {prev} 年的实际数填入 {prevFile}（year 是数字所指的年份）。\n  填好后运行 npm run check-data，或在网站“检查文件”页检查。data/index.json 已更新：{years}。',
    listSep: '、',
    pending: '\n{prev} 年仍缺实际数的目标：',
  },
  en: {
    exists: '{file} already exists; nothing was changed. To add figures for {year}, edit that file.',
    created: 'Created {rel}: the header and {rows} {year} target row(s) to fill (one for each district and indicator with a target in {prev}).\n  Fill in comparator, value, unit, estimate, source, line and quote from the new work report; delete the rows it gives no target for.\n  Results for {prev} go into {prevFile} (year is the year a figure refers to).\n  Then run npm run check-data, or use the site\'s "Check a file" page. data/index.json now lists: {years}.',
    listSep: ', ',
    pending: '\n{prev} targets that still have no result:',
  },
});
const w = (key: keyof (typeof words)['zh'], params?: Params) => translate(words, lang, key, params);
// Four digits and nothing else: Number() would take 0x7eb, 2e3 and 2028.0 for years.
const given = args.positional[0];
if (args.positional.length !== 1 || given === undefined || !/^(19|2\d)\d\d$/.test(given)) {
  fail(args.positional.length > 1 ? `one year only, not ${args.positional.join(' ')}` : `"${given ?? ''}" is not a four-digit year (e.g. 2026)`);
}
const year = Number(given);
if (!existsSync(dataDir) || !statSync(dataDir).isDirectory()) fail(`--data ${dataDir}: no such folder`);

const ds = buildDataset(readDataDir(dataDir));
let created;
try {
  created = newYearFile(dataDir, ds, year);
} catch (e) {
  const msg = e instanceof Error ? e.message : String(e);
  if (msg.startsWith('exists:')) {
    console.error(w('exists', { file: observationFile(year), year }));
    process.exit(1);
  }
  // A folder or a broken link named like the file, or no right to write: one line, no trace.
  fail(`${observationFile(year)}: ${msg}`);
}
const index = writeIndex(dataDir);
const rel = relative(process.cwd(), created.path) || created.path;
console.log(w('created', { rel, rows: created.rows, year, prev: year - 1, prevFile: observationFile(year - 1), years: index.years.join(w('listSep')) }));
const pending = pendingTargets(ds, [year - 1]);
if (pending.length) {
  console.log(w('pending', { prev: year - 1 }));
  for (const l of formatPending(pending, ds, lang)) console.log(l);
}
