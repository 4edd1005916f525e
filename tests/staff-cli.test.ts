/** The staff commands run for real (tsx) in a temporary copy of the fixture world. */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIXTURES } from './world.sample';

const ROOT = join(FIXTURES, '../..');
const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const TEXTS = join(FIXTURES, 'texts');

let dir = '';
let data = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'staff-cli-'));
  data = join(dir, 'data');
  cpSync(join(FIXTURES, 'world'), data, { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function run(script: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [TSX, join(ROOT, 'scripts', script), '--data', data, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const obs = (year: number) => join(data, 'observations', `${year}.csv`);

describe('check-data --fix', { timeout: 60_000 }, () => {
  it('writes the normalised UTF-8 file, keeps the original as .bak and prints each change', () => {
    const gbk = readFileSync(join(FIXTURES, 'bad', 'gbk.csv'));
    writeFileSync(obs(2025), gbk);
    const crlf = 'district,indicator,year,kind,comparator,value,unit,estimate,source,line,quote,note\r\ntumed-left,grain-output,2024,target,≥,７２,万吨,FALSE,tumed-left-report-2025,5,粮食总产量突破72万吨,\r\n';
    writeFileSync(obs(2024), readFileSync(obs(2024), 'utf8').replace(/\n$/, '') + '\n\n');
    const before2024 = readFileSync(obs(2024));
    writeFileSync(join(dir, 'extra.csv'), crlf);

    const r = run('check-data.ts', '--texts', TEXTS, '--fix');
    expect(r.out).toContain('observations/2025.csv: normalised; the original is kept as 2025.csv.bak');
    expect(r.out).toContain('converted from GBK/GB18030 to UTF-8');
    expect(r.out).toContain('observations/2024.csv: normalised');
    expect(r.out).toContain('1 blank line(s) removed');
    expect(r.code).toBe(0);
    expect(readFileSync(`${obs(2025)}.bak`)).toEqual(gbk);
    expect(readFileSync(`${obs(2024)}.bak`)).toEqual(before2024);
    expect(readFileSync(obs(2025), 'utf8')).toContain('粮食总产量稳定在73万吨以上');
    // After the fix the check is clean but for the url-only source.
    expect(r.out).toMatch(/0 error\(s\), 1 warning\(s\)/);

    // An extra file given on the command line is fixed in place, cell by cell.
    const x = run('check-data.ts', '--texts', TEXTS, '--fix', join(dir, 'extra.csv'));
    expect(x.out).toContain('line 2, comparator: "≥" → ">="');
    expect(x.out).toContain('line 2, value: "７２" → "72"');
    expect(x.out).toContain('line 2, estimate: "FALSE" → "false"');
    expect(readFileSync(join(dir, 'extra.csv'), 'utf8').split('\n')[1]).toBe(
      'tumed-left,grain-output,2024,target,>=,72,万吨,false,tumed-left-report-2025,5,粮食总产量突破72万吨,',
    );
    expect(readFileSync(join(dir, 'extra.csv.bak'), 'utf8')).toBe(crlf);
  });

  it('leaves clean files alone (no backup) and never overwrites a backup', () => {
    const r = run('check-data.ts', '--texts', TEXTS, '--fix');
    expect(r.out).toContain('0 file(s) changed.');
    expect(existsSync(`${obs(2025)}.bak`)).toBe(false);

    writeFileSync(obs(2025), readFileSync(join(FIXTURES, 'bad', 'bom.csv')));
    writeFileSync(`${obs(2025)}.bak`, 'older backup');
    const again = run('check-data.ts', '--texts', TEXTS, '--fix');
    expect(again.out).toContain('the original is kept as 2025.csv.bak.2');
    expect(readFileSync(`${obs(2025)}.bak`, 'utf8')).toBe('older backup');
  });

  it('refuses a binary file with the reason, and keeps it', () => {
    const bin = readFileSync(join(FIXTURES, 'bad', 'binary.csv'));
    writeFileSync(obs(2025), bin);
    const r = run('check-data.ts', '--texts', TEXTS, '--fix');
    expect(r.out).toContain('observations/2025.csv: left as it is: The file is an Excel workbook (.xlsx or .xls), not a CSV.');
    expect(readFileSync(obs(2025))).toEqual(bin);
    expect(r.code).toBe(1);
  });
});

describe('check-data --pending', { timeout: 60_000 }, () => {
  it('lists each target without a result, by year and district', () => {
    const r = run('check-data.ts', '--texts', TEXTS, '--pending');
    expect(r.code).toBe(0);
    expect(r.out.trim().split('\n')).toEqual([
      '2025 · Tumed Left Banner (tumed-left) — results go into observations/2025.csv',
      '  GDP growth (gdp-growth): target about 6%, no result yet',
      '  Grain output (grain-output): target at least 730 thousand t, no result yet',
      '2 target(s) still have no result.',
    ]);
  });

  it('in Chinese, and a target with its result is no longer listed', () => {
    writeFileSync(obs(2025), readFileSync(obs(2025), 'utf8') + 'tumed-left,gdp-growth,2025,actual,~,6,%,true,tumed-left-report-2025,8,地区生产总值增长6%左右,\n');
    const r = run('check-data.ts', '--texts', TEXTS, '--pending', '--lang', 'zh');
    expect(r.out).toContain('2025 年 · 土默特左旗（tumed-left）');
    expect(r.out).toContain('  粮食总产量（grain-output）：目标 73万吨以上，尚无实际数');
    expect(r.out).not.toContain('gdp-growth');
    expect(r.out).toContain('共 1 个目标尚无实际数。');
  });
});

describe('new-year', { timeout: 60_000 }, () => {
  it('creates the next yearly file with a row to fill per target of the year before, and refreshes index.json', () => {
    const r = run('new-year.ts', '2026');
    expect(r.code).toBe(0);
    expect(r.out).toContain('the header and 2 2026 target row(s) to fill');
    expect(readFileSync(obs(2026), 'utf8')).toBe(
      [
        'district,indicator,year,kind,comparator,value,unit,estimate,source,line,quote,note,note_en,remark',
        'tumed-left,gdp-growth,2026,target,,,%,,,,,,,',
        'tumed-left,grain-output,2026,target,,,万吨,,,,,,,',
        '',
      ].join('\n'),
    );
    expect(JSON.parse(readFileSync(join(data, 'index.json'), 'utf8'))).toEqual({ years: [2024, 2025, 2026] });
    // Last year's targets without results are listed as a reminder.
    expect(r.out).toContain('2025 targets that still have no result:');
    // Until filled in, the check asks for each row once: fill it in or delete it.
    const c = run('check-data.ts', '--texts', TEXTS);
    expect(c.code).toBe(1);
    expect(c.out).toContain('observations/2026.csv:2:5: error: This row is still an empty skeleton');
    expect(c.out).toContain('observations/2026.csv:3:5: error: This row is still an empty skeleton');
    expect(c.out).toContain('2 error(s)');
  });

  it('refuses to overwrite an existing file', () => {
    const before = readFileSync(obs(2025));
    const r = run('new-year.ts', '2025');
    expect(r.code).toBe(1);
    expect(r.err).toContain('observations/2025.csv already exists; nothing was changed.');
    expect(readFileSync(obs(2025))).toEqual(before);
  });

  it('refuses a year that is not one', () => {
    const r = run('new-year.ts', 'next');
    expect(r.code).toBe(2);
    expect(r.err).toContain('new-year: "next" is not a four-digit year (e.g. 2026)');
    expect(r.err).toContain('Usage: npm run new-year -- YYYY');
    expect(existsSync(join(data, 'observations', 'next.csv'))).toBe(false);
  });
});


describe('check-data with an Excel workbook', { timeout: 60_000 }, () => {
  it('checks each yearly sheet as its file and tells problems at the sheet row, in one language', async () => {
    const { book, rowsXml } = await import('./xlsx-book');
    const { csvParseRows } = await import('d3-dsv');
    const rows = csvParseRows(readFileSync(obs(2025), 'utf8'));
    rows.push(['tumed-left', 'grain-outputt', '2025', 'actual', '>=', '75', '万吨', 'false', 'tumed-left-report-2025', '', '', '']);
    // The header on the sheet's second row: the bad row is spreadsheet row 5.
    writeFileSync(join(dir, 'book.xlsx'), book({ '2025年': rowsXml(rows, 2), 说明: rowsXml([['填表说明']]) }));
    const zh = run('check-data.ts', '--texts', TEXTS, '--lang', 'zh', join(dir, 'book.xlsx'));
    expect(zh.code).toBe(1);
    expect(zh.out).toContain('book.xlsx[2025年]:5:2: 错误: 未知指标“grain-outputt”。请使用 indicators.csv 中的 id（是否应为 grain-output？）');
    expect(zh.out).toContain('book.xlsx:0:0: 警告: 工作表“说明”未读取：名称不是年份，也没有“year”列。');
    expect(zh.out).not.toMatch(/did you mean|error:|warning:/);
    const en = run('check-data.ts', '--texts', TEXTS, join(dir, 'book.xlsx'));
    expect(en.out).toContain('book.xlsx[2025年]:5:2: error: Unknown indicator "grain-outputt". Use an id from indicators.csv (did you mean grain-output?)');
  });
});
