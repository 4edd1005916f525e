/** npm run extract for real (tsx): CSV on stdout, exit 0; unreadable input: one line, exit 2. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvParseRows } from 'd3-dsv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs');
let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'extract-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [TSX, join(ROOT, 'scripts/extract.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const file = (name: string, content: string | Uint8Array) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

describe('npm run extract', { timeout: 60_000 }, () => {
  it('prints draft rows as CSV and exits 0', () => {
    const p = file('report.txt', '一、2024年工作回顾\n预计地区生产总值增长5.8%左右。\n二、2025年工作安排\n粮食产量稳定在10亿斤以上。\n');
    const r = run(p, '--district', 'some-county', '--source', 'some-report', '--published', '2025-01-12');
    expect(r.code).toBe(0);
    const rows = csvParseRows(r.out);
    expect(rows[0]!.slice(-2)).toEqual(['name_as_written', 'confidence']);
    expect(rows.slice(1).map((c) => c.slice(0, 11))).toEqual([
      ['some-county', 'gdp-growth', '2024', 'actual', '~', '5.8', '%', 'true', 'some-report', '2', '预计地区生产总值增长5.8%左右'],
      ['some-county', 'grain-output', '2025', 'target', '>=', '10', '亿斤', 'false', 'some-report', '4', '粮食产量稳定在10亿斤以上'],
    ]);
  });

  it('exits 0 with a header only when the text holds no figure', () => {
    const r = run(file('none.txt', '各位代表：现在我代表县人民政府报告工作。\n'), '--district', 'x');
    expect(r.code).toBe(0);
    expect(r.out.trim().split('\n')).toHaveLength(1);
  });

  it('decodes a GBK text and says so on stderr', () => {
    const gbk = new Uint8Array([0xb5, 0xd8, 0xc7, 0xf8, 0xc9, 0xfa, 0xb2, 0xfa, 0xd7, 0xdc, 0xd6, 0xb5, 0xd4, 0xf6, 0xb3, 0xa4, 0x35, 0x25, 0xa1, 0xa3]);
    const r = run(file('gbk.txt', gbk), '--district', 'x', '--published', '2025-01-12');
    expect(r.code).toBe(0);
    expect(r.err).toContain('GBK');
    expect(r.out).toContain('地区生产总值增长5%');
  });

  it.each([
    ['an empty file', () => file('empty.txt', ''), 'the file is empty'],
    ['a binary file', () => file('scan.pdf', new Uint8Array([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 3, 0xff, 0xfe])), 'not a plain text file'],
    [
      'a 50 MB text',
      () => {
        const p = file('huge.txt', '');
        truncateSync(p, 50 * 1024 * 1024);
        return p;
      },
      'over the 10 MB limit',
    ],
    ['a missing file', () => join(dir, 'nope.txt'), 'no such file'],
  ])('refuses %s with one line and exit 2', (_name, make, message) => {
    const r = run(make(), '--district', 'x');
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.out).toBe('');
  });

  it('refuses a missing --district or a bad --published date', () => {
    const p = file('ok.txt', '城镇新增就业3000人。');
    const missing = run(p);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('--district is required');
    const bad = run(p, '--district', 'x', '--published', '2025-13-45');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('not a date');
  });
});
