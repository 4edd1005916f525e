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

const USAGE = 'Usage: npm run new-year -- YYYY [--data DIR] [--lang zh]   e.g. npm run new-year -- 2026';
const fail: (message: string) => never = (message) => usageError(`new-year: ${message}`, USAGE);
const args = parseArgsOrExit(process.argv.slice(2), ['data', 'lang'], ['help'], fail);
if (args.flags.help) {
  console.log(USAGE);
  process.exit(0);
}
if (args.options.lang !== undefined && args.options.lang !== 'en' && args.options.lang !== 'zh') fail(`--lang must be en or zh, not "${args.options.lang}"`);
const lang = args.options.lang === 'zh' ? 'zh' : 'en';
const dataDir = args.options.data ?? DEFAULT_DATA;
const zh = lang === 'zh';
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
    console.error(
      zh
        ? `${observationFile(year)} 已存在，未做任何改动。要补充该年的数据，请直接编辑该文件。`
        : `${observationFile(year)} already exists; nothing was changed. To add figures for ${year}, edit that file.`,
    );
    process.exit(1);
  }
  // A folder or a broken link named like the file, or no right to write: one line, no trace.
  fail(`${observationFile(year)}: ${msg}`);
}
const index = writeIndex(dataDir);
const rel = relative(process.cwd(), created.path) || created.path;
if (zh) {
  console.log(`已创建 ${rel}：表头及 ${created.rows} 行待填的 ${year} 年目标（${year - 1} 年有目标的每个地区和指标各一行）。`);
  console.log(`  请按新的政府工作报告填写 comparator、value、unit、estimate、source、line、quote；报告没有给出的目标，删除该行。`);
  console.log(`  ${year - 1} 年的实际数填入 ${observationFile(year - 1)}（year 是数字所指的年份）。`);
  console.log(`  填好后运行 npm run check-data，或在网站“检查文件”页检查。data/index.json 已更新：${index.years.join('、')}。`);
} else {
  console.log(`Created ${rel}: the header and ${created.rows} ${year} target row(s) to fill (one for each district and indicator with a target in ${year - 1}).`);
  console.log(`  Fill in comparator, value, unit, estimate, source, line and quote from the new work report; delete the rows it gives no target for.`);
  console.log(`  Results for ${year - 1} go into ${observationFile(year - 1)} (year is the year a figure refers to).`);
  console.log(`  Then run npm run check-data, or use the site's "Check a file" page. data/index.json now lists: ${index.years.join(', ')}.`);
}
const pending = pendingTargets(ds, [year - 1]);
if (pending.length) {
  console.log(zh ? `\n${year - 1} 年仍缺实际数的目标：` : `\n${year - 1} targets that still have no result:`);
  for (const l of formatPending(pending, ds, lang)) console.log(l);
}
