/**
 * npm run new-year -- 2026 [--data DIR] [--lang zh]
 * Creates observations/2026.csv: the header and one target row to fill for each (district,
 * indicator) that had a target in 2025. Refuses to overwrite an existing file. Refreshes
 * data/index.json, and lists last year's targets that still have no result.
 */
import { relative } from 'node:path';
import { buildDataset } from '../src/data/dataset';
import { observationFile } from '../src/data/schema';
import { parseArgs } from './lib/args';
import { DEFAULT_DATA, readDataDir, writeIndex } from './lib/fsdata';
import { newYearFile } from './lib/newYear';
import { formatPending, pendingTargets } from './lib/pending';

const args = parseArgs(process.argv.slice(2), ['data', 'lang'], ['help']);
const lang = args.options.lang === 'zh' ? 'zh' : 'en';
const dataDir = args.options.data ?? DEFAULT_DATA;
const year = Number(args.positional[0]);
const zh = lang === 'zh';

if (args.flags.help || !Number.isInteger(year) || year < 1900 || year > 2999) {
  console.log('Usage: npm run new-year -- YYYY [--data DIR] [--lang zh]   e.g. npm run new-year -- 2026');
  process.exit(args.flags.help ? 0 : 2);
}

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
  throw e;
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
