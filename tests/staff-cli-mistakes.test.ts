/**
 * The command-line tools given what a staff member may give them by mistake: each says what is
 * wrong in one line and exits 2 (no stack trace); --fix never rewrites a file it cannot keep
 * intact; cells reach the terminal with their control characters escaped.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encode } from './encodings';
import { FIXTURES } from './world.sample';

const ROOT = join(FIXTURES, '../..');
const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs');

let dir = '';
let data = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'staff-mistakes-'));
  data = join(dir, 'data');
  cpSync(join(FIXTURES, 'world'), data, { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function run(script: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [TSX, join(ROOT, 'scripts', script), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const obs = (year: number) => join(data, 'observations', `${year}.csv`);

/** One line saying what is wrong (and the usage line), exit status 2, no stack trace. */
function expectUsageError(r: ReturnType<typeof run>, says: RegExp) {
  expect(r.code, r.err + r.out).toBe(2);
  expect(r.err.split('\n')[0]).toMatch(says);
  expect(r.err).not.toMatch(/^\s+at /m);
  expect(r.err.trim().split('\n').length).toBeLessThanOrEqual(2);
}

describe('10. mistakes in the call: one line, exit 2', { timeout: 120_000 }, () => {
  it('check-data: unknown option, --data without a value, a folder that does not exist, a missing or folder file', () => {
    expectUsageError(run('check-data.ts', '--foo'), /^check-data: Unknown option --foo$/);
    expectUsageError(run('check-data.ts', '--data'), /^check-data: --data needs a value$/);
    expectUsageError(run('check-data.ts', '--data', '--quiet'), /^check-data: --data needs a value$/);
    expectUsageError(run('check-data.ts', '--data', join(dir, 'nope')), /no such folder$/);
    expectUsageError(run('check-data.ts', '--data', data, join(dir, '2026.csv')), /2026\.csv: file not found$/);
    mkdirSync(join(dir, '2027.csv'));
    expectUsageError(run('check-data.ts', '--data', data, join(dir, '2027.csv')), /2027\.csv: a folder, not a file$/);
  });

  it('new-year: an unknown option and years that are not four digits', () => {
    expectUsageError(run('new-year.ts', '2030', '--data', data, '--foo'), /^new-year: Unknown option --foo$/);
    for (const y of ['0x7eb', '2e3', '2028.0', '20280', '']) {
      expectUsageError(run('new-year.ts', y, '--data', data), /is not a four-digit year/);
    }
    expect(existsSync(obs(2027))).toBe(false);
    expect(existsSync(obs(2000))).toBe(false);
    expect(existsSync(obs(2028))).toBe(false);
  });

  it('a broken link, a folder named 2034.csv and 2032.CSV beside 2032.csv are reported by file, without a trace', () => {
    symlinkSync(join(dir, 'gone.csv'), obs(2033));
    mkdirSync(obs(2034));
    writeFileSync(obs(2032), 'district,indicator,year,kind,comparator,value,unit,estimate,source,line,quote,note\n');
    writeFileSync(join(data, 'observations', '2032.CSV'), readFileSync(obs(2025)));
    const r = run('check-data.ts', '--data', data, '--texts', join(FIXTURES, 'texts'));
    expect(r.err).not.toMatch(/^\s+at /m);
    expect(r.code).toBe(1);
    expect(r.out).toContain('observations/2033.csv:0:0: error: Could not load the file (a link to a file that does not exist)');
    expect(r.out).toContain('observations/2034.csv:0:0: error: Could not load the file (a folder, not a file)');
    expect(r.out).toContain('observations/2032.CSV:0:0: error: observations/2032.csv has the same name but for upper and lower case');
    // The index lists only files the site can fetch.
    expect(JSON.parse(readFileSync(join(data, 'index.json'), 'utf8'))).toEqual({ years: [2024, 2025, 2032] });
    const y = run('new-year.ts', '2030', '--data', data);
    expect(y.err).not.toMatch(/^\s+at /m);
    expect(y.code).toBe(0);
  });
});

describe('--fix leaves alone what it cannot keep intact', { timeout: 120_000 }, () => {
  it('1. a quote that never closes: refused with its line and how to mend it, the file unchanged', () => {
    const before = readFileSync(obs(2025), 'utf8').replace('地区生产总值增长6%左右', '"地区生产总值增长6%左右');
    const text = `${before}tumed-left,aq-good-days,2025,target,>=,300,天,false,tumed-left-report-2025,8,"优良天数, 300天",\n`;
    writeFileSync(obs(2025), text);
    const r = run('check-data.ts', '--data', data, '--texts', join(FIXTURES, 'texts'), '--fix');
    expect(r.out).toMatch(/observations\/2025\.csv: left as it is: line 2, column \d+: Lines 2–4 read as one cell/);
    expect(readFileSync(obs(2025), 'utf8')).toBe(text);
    expect(existsSync(`${obs(2025)}.bak`)).toBe(false);
  });

  it('3. a Big5 file is not converted: encoding unknown with the line, the bytes unchanged', () => {
    const big5 = encode('id,name_zh,name_en,level,parent,adcode\nhohhot,呼和浩特市,Hohhot,city,,150100\n', 'big5');
    writeFileSync(join(data, 'districts.csv'), big5);
    const r = run('check-data.ts', '--data', data, '--fix');
    expect(r.out).toMatch(/districts\.csv: left as it is: line 2, column 8: The file is not UTF-8/);
    expect(r.out).not.toContain('converted from GBK');
    expect(new Uint8Array(readFileSync(join(data, 'districts.csv')))).toEqual(big5);
    expect(r.out).toContain('districts.csv:2:8: error: The file is not UTF-8');
  });
});

describe('9. cells reach the terminal escaped', { timeout: 120_000 }, () => {
  it('an escape sequence and a carriage return in a cell are printed as \\e and \\r', () => {
    const cell = '\u001b[2J\u001b[HAll data OK\r';
    const text = readFileSync(obs(2025), 'utf8') + `"${cell}",grain-output,2025,actual,>=,73,万吨,false,tumed-left-report-2025,8,粮食73万吨,\n`;
    writeFileSync(obs(2025), text);
    const r = run('check-data.ts', '--data', data, '--texts', join(FIXTURES, 'texts'));
    expect(r.out).not.toContain('\u001b');
    expect(r.out).not.toContain('\r');
    expect(r.out).toContain('\\e[2J\\e[HAll data OK\\r');
    expect(r.code).toBe(1);
  });
});
