/**
 * No row lost or changed without a message that names its line (DESIGN.md, Bad input): the
 * ordinary staff mistakes that once lost or altered rows quietly, each with what it must say.
 */
import { mkdtempSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseState } from '../src/core/url';
import { loadPublished } from '../src/app/loadPublished';
import { buildDataset, type RawFile } from '../src/data/dataset';
import { decodeBytes } from '../src/data/decode';
import { normaliseCsv } from '../src/data/normalise';
import { readDistricts } from '../src/data/validate';
import { checkFiles } from '../src/data/worker/checkFiles';
import { numberCell, observationsCsv } from '../src/model/csvExport';
import { formatNumber } from '../src/model/format';
import { verdictOf } from '../src/views/check/summary';
import { printable } from '../scripts/lib/terminal';
import { dataFolder, SECURITY_HEADERS } from '../vite.config';
import { encode, latin1 } from './encodings';
import { worldFiles } from './world.sample';

const HEADER = 'district,indicator,year,kind,comparator,value,unit,estimate,source,line,quote,note';
const F = 'observations/2025.csv';
const utf8 = (s: string) => new TextEncoder().encode(s);

/** A good row of 2025 (the quote holds the value). */
const UNIT: Record<string, string> = { 'grain-output': '万吨', 'gdp-growth': '%', 'aq-good-days': '天' };
const row = (indicator: string, kind: string, value: string, quote: string, district = 'tumed-left', year = '2025') =>
  `${district},${indicator},${year},${kind},>=,${value},${UNIT[indicator]},false,tumed-left-report-2025,8,${quote},`;

/** The world with observations/2025.csv replaced by `bytes`. */
const withYear = (bytes: Uint8Array): RawFile[] => worldFiles().map((f) => (f.path === F ? { path: F, bytes } : f));
const check = (bytes: Uint8Array) => buildDataset(withYear(bytes));
const of2025 = (ds: ReturnType<typeof check>) => ds.observations.filter((o) => o.origin.file === F);
const errorsOf = (ds: ReturnType<typeof check>) => ds.problems.filter((p) => p.file === F && p.severity === 'error');

describe('1. a quote that breaks the structure is never rewritten', () => {
  // Line 2 opens a quote that is closed only by line 4's quoted cell.
  const text = [HEADER, row('grain-output', 'target', '73', '"粮食总产量稳定在73万吨以上'), row('gdp-growth', 'target', '6', '增长6%'), row('aq-good-days', 'target', '300', '"优良天数300天, 以上"'), ''].join('\n');

  it('the normalised text is the input, byte for byte, and the broken quote is named', () => {
    const n = normaliseCsv(text, 'observations');
    expect(n.text).toBe(text);
    expect(n.changes).toEqual([]);
    expect(n.broken).toEqual([{ from: 2, column: text.split('\n')[1]!.indexOf('"') + 1, to: 4, close: text.split('\n')[3]!.indexOf('"') + 1 }]);
  });

  it('the check page offers no download of it, and says which lines and how to mend them', () => {
    const r = checkFiles(worldFiles(), [{ name: '2025.csv', bytes: utf8(text) }]);
    const f = r.files[0]!;
    expect(f.normalised).toBeNull();
    const p = f.problems.find((x) => x.code === 'structure')!;
    expect(p.line).toBe(2);
    expect(p.message).toMatch(/^Lines 2–4 read as one cell: a quote opened at line 2, column \d+ closes only at line 4, column \d+, so 2 line\(s\) after it are not read as rows\. Delete the stray quote at line 2/);
    expect(p.messageZh).toContain('第 2–4 行被读成一个单元格');
  });

  it('a quote closed before its cell ends (a character would be lost) is named too', () => {
    const t = [HEADER, row('grain-output', 'target', '73', '"粮食总产量"稳定在73万吨以上'), ''].join('\n');
    const n = normaliseCsv(t, 'observations');
    expect(n.text).toBe(t);
    expect(n.broken).toHaveLength(1);
    const p = errorsOf(check(utf8(t)));
    expect(p.map((x) => [x.line, x.code])).toEqual([[2, 'structure']]);
    expect(p[0]!.message).toContain('closes at column');
  });
});

describe('2. an open quote on the last line', () => {
  it('is named without a range of one line', () => {
    const ds = check(utf8([HEADER, row('grain-output', 'target', '73', '"粮食73万吨'), ''].join('\n')));
    expect(errorsOf(ds).map((p) => [p.line, p.message.slice(0, 40)])).toEqual([[2, 'A quote opened at line 2, column 77 is n']]);
  });
});

describe('2. one open quote: the message says where the merged cell ends and how many lines it hides', () => {
  const rows = [HEADER];
  for (let k = 2; k <= 65; k++) rows.push(row('grain-output', k % 2 ? 'actual' : 'target', String(k), `粮食${k}万吨`, `d${k}`));
  rows[6] = rows[6]!.replace(',粮食', ',"粮食');
  const text = rows.join('\n') + '\n';
  const column = rows[6]!.indexOf('"') + 1;

  it('names lines 7–65, the column of the quote and the 58 lines hidden, in the CLI, the site and the check page', () => {
    const ds = check(utf8(text));
    const p = errorsOf(ds).find((x) => x.code === 'structure')!;
    expect(p.message).toBe(
      `Lines 7–65 read as one cell: a quote opened at line 7, column ${column} is never closed, so 58 line(s) after it are not read as rows. Delete the stray quote, or close it; a quote inside a cell is written twice ("").`,
    );
    expect([p.line, p.column]).toEqual([7, column]);
    // The check page's card lists the same problem.
    const r = checkFiles(worldFiles(), [{ name: '2025.csv', bytes: utf8(text) }]);
    expect(r.files[0]!.problems.some((x) => x.message === p.message)).toBe(true);
  });
});

describe('3. decoding converts only when sure', () => {
  const names = ['id,name_zh,name_en,level,parent,adcode', 'hohhot,呼和浩特市,Hohhot,city,,150100', 'tumed-left,土默特左旗,Tumed Left Banner,banner,hohhot,150121', ''].join('\n');

  it('Big5: encoding unknown, with the line of the first bytes that are not UTF-8; no download', () => {
    const d = decodeBytes('districts.csv', encode(names, 'big5'));
    expect(d.encoding).toBe('unknown');
    expect(d.problems.map((p) => [p.line, p.column, p.code])).toEqual([[2, 8, 'encoding']]);
    expect(d.problems[0]!.message).toContain('not surely GBK/GB18030');
    const r = checkFiles(worldFiles(), [{ name: 'districts.csv', bytes: encode(names, 'big5') }]);
    expect(r.files[0]!.normalised).toBeNull();
  });

  it('Windows-1252 and Latin-1: unknown, the line of the first such byte named', () => {
    const text = 'id,title_zh\nx,Report\ny,Café “Zürich” – Ñandú\n';
    for (const bytes of [encode(text, 'windows-1252'), latin1(text.replace(/[“”–]/g, '"'))]) {
      const d = decodeBytes('sources.csv', bytes);
      expect(d.encoding).toBe('unknown');
      expect(d.problems[0]!.line).toBe(3);
    }
  });

  it('GBK is still read, its Chinese intact', () => {
    const d = decodeBytes('districts.csv', encode(names, 'gbk'));
    expect(d.encoding).toBe('gb18030');
    expect(d.text).toBe(names);
  });
});

describe('4. a stray byte costs only its own row, named by line and column', () => {
  const text = [HEADER, row('grain-output', 'target', '73', '粮食总产量73万吨'), row('gdp-growth', 'target', '6', '增长6%'), row('aq-good-days', 'target', '300', '优良天数300天'), ''].join('\n');

  it('a Latin-1 é in a UTF-8 file', () => {
    const good = utf8(text);
    const at = utf8(text.split('\n').slice(0, 3).join('\n')).length; // the end of line 3, in its note
    const bytes = new Uint8Array([...good.subarray(0, at), 0xe9, ...good.subarray(at)]);
    const ds = check(bytes);
    expect(of2025(ds).map((o) => o.indicator).sort()).toEqual(['aq-good-days', 'grain-output']);
    const e = errorsOf(ds);
    expect(e.map((p) => [p.line, p.code])).toEqual([[3, 'encoding']]);
    expect(e[0]!.column).toBeGreaterThan(1);
    expect(e[0]!.message).toContain('0xE9');
  });

  it('a lone surrogate (CESU bytes) in a quote', () => {
    const bytes = utf8(text.replace('优良天数300天', '优良天数300天X'));
    const x = bytes.lastIndexOf(0x58);
    const withSurrogate = new Uint8Array([...bytes.subarray(0, x), 0xed, 0xa0, 0x80, ...bytes.subarray(x + 1)]);
    const ds = check(withSurrogate);
    expect(of2025(ds).map((o) => o.indicator).sort()).toEqual(['gdp-growth', 'grain-output']);
    expect(errorsOf(ds).map((p) => [p.line, p.code])).toEqual([[4, 'encoding']]);
  });
});

describe('5. the year must be given', () => {
  it('an empty or non-numeric year is an error at its cell, and the row is not read', () => {
    const text = [HEADER, row('grain-output', 'target', '73', '粮食73万吨', 'tumed-left', ''), row('gdp-growth', 'target', '6', '增长6%', 'tumed-left', '二〇二五'), row('aq-good-days', 'target', '300', '优良300天'), ''].join('\n');
    const ds = check(utf8(text));
    expect(of2025(ds).map((o) => o.indicator)).toEqual(['aq-good-days']);
    expect(errorsOf(ds).map((p) => [p.line, p.column, p.columnName, p.code])).toEqual([
      [2, 3, 'year', 'required'],
      [3, 3, 'year', 'number'],
    ]);
  });
});

describe('6. a missing or broken index.json', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });
  const serve = (index: string | null) => {
    const files = Object.fromEntries(worldFiles().map((f) => [`data/${f.path}`, f.bytes!]));
    vi.stubGlobal('fetch', (url: string) => {
      if (url === 'data/index.json') return Promise.resolve(index === null ? new Response('gone', { status: 404 }) : new Response(index));
      const b = files[url];
      return Promise.resolve(b ? new Response(new Uint8Array(b)) : new Response('missing', { status: 404 }));
    });
  };

  it.each([
    ['missing', null, 'HTTP 404'],
    ['not JSON', '{"years": [20', 'not JSON'],
    ['without years', '{"year": 2024}', 'no list of years'],
  ])('%s: the years found are loaded, and a notice says so', async (_, index, reason) => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-06T09:00:00Z'));
    serve(index);
    const loaded = await loadPublished();
    expect(loaded.available).toEqual([2024, 2025]);
    expect(new Set(loaded.dataset.observations.map((o) => o.year))).toEqual(new Set([2024, 2025]));
    const notice = loaded.dataset.problems.filter((p) => p.severity === 'error');
    expect(notice).toHaveLength(1);
    expect(notice[0]!.file).toBe('index.json');
    expect(notice[0]!.message).toContain(`(${reason}); the yearly files found are shown: 2024, 2025`);
  });

  it('a server error is not taken for a missing index: it fails, for the query to retry', async () => {
    vi.stubGlobal('fetch', () => Promise.resolve(new Response('boom', { status: 503 })));
    await expect(loadPublished()).rejects.toThrow('index.json: HTTP 503');
  });
});

describe('7. numbers are exported as the file holds them; absurd ones are flagged', () => {
  it('1e30 is written in full, 15 significant digits are kept on screen and in the export', () => {
    expect(numberCell(1e30)).toBe('1' + '0'.repeat(30));
    expect(numberCell(123456789012345)).toBe('123456789012345');
    expect(numberCell(1234567.12345678)).toBe('1234567.12345678');
    expect(formatNumber(123456789012345, 'zh')).toBe('123456789012345');
    expect(numberCell(18.5 * 1e4 / 1e3)).toBe('185');
  });

  it('a GDP of 1e30 亿元 and a growth of 5,000 % are kept with a warning in both readers', () => {
    const big = '1' + '0'.repeat(30);
    const text = [HEADER, row('grain-output', 'target', big, `粮食${big}万吨`), 'tumed-left,gdp-growth,2025,target,>=,5000,%,false,tumed-left-report-2025,8,增长5000%,', ''].join('\n');
    const ds = check(utf8(text));
    expect(of2025(ds)).toHaveLength(2);
    const w = ds.problems.filter((p) => p.code === 'implausible');
    expect(w.map((p) => [p.line, p.severity])).toEqual([[2, 'warning'], [3, 'warning']]);
    const csv = observationsCsv(of2025(ds), new Map());
    expect(csv).toContain(`,${big},`);
  });

  it('scientific notation is named as such, not as a unit', () => {
    const ds = check(utf8([HEADER, row('grain-output', 'target', '1e309', '粮食1万吨'), ''].join('\n')));
    const e = errorsOf(ds);
    expect(e[0]!.message).toBe('"1e309" is written in scientific notation. Write the number in digits as the source does (e.g. 1200, not 1.2e3).');
  });
});

describe('8. the check page says what happened to each file', () => {
  it('an image named 2024.csv is unreadable, not "no problems"', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 1, 2]);
    const r = checkFiles(worldFiles(), [{ name: '2024.csv', bytes: png }]);
    expect(verdictOf(r.files[0]!)).toEqual({ tone: 'bad', key: 'unreadable' });
  });

  it('a file superseded by a later one of the same year names it', () => {
    const text = utf8([HEADER, row('grain-output', 'target', '73', '粮食73万吨'), ''].join('\n'));
    const r = checkFiles(worldFiles(), [{ name: '2025-draft.csv', bytes: text }, { name: '2025年目标.csv', bytes: text }]);
    expect(verdictOf(r.files[0]!)).toEqual({ tone: 'none', key: 'superseded', name: '2025年目标.csv' });
    expect(verdictOf(r.files[1]!).key).not.toBe('superseded');
  });
});

describe('9. control characters never reach the terminal raw', () => {
  it('escapes, carriage returns and bidi overrides are shown as escapes', () => {
    expect(printable('a\u001b[2J\rAll data OK\u202e')).toBe('a\\e[2J\\rAll data OK\\u202e');
    expect(printable('粮食\t73')).toBe('粮食\\t73');
  });
});

describe('11. smaller', () => {
  it('100,000 ids in districts= are deduplicated in linear time', () => {
    const ids = Array.from({ length: 100_000 }, (_, i) => `d${i % 50_000}`).join(',');
    const t0 = performance.now();
    const s = parseState(`?districts=${ids}`);
    expect(s.districts).toHaveLength(50_000);
    expect(s.districts.slice(0, 2)).toEqual(['d0', 'd1']);
    // Quadratic removal took 28 s; generous for a loaded machine.
    expect(performance.now() - t0).toBeLessThan(3000);
  });

  it('the development server does not copy data/ over dist/data when it stops; a build does', () => {
    const root = mkdtempSync(join(tmpdir(), 'data-folder-'));
    try {
      for (const command of ['serve', 'build'] as const) {
        const p = dataFolder() as unknown as { configResolved(c: unknown): void; closeBundle(): void };
        p.configResolved({ root, command, build: { outDir: command } });
        p.closeBundle();
      }
      expect(existsSync(join(root, 'serve', 'data'))).toBe(false);
      expect(existsSync(join(root, 'build', 'data', 'districts.csv'))).toBe(true);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('the preview sends frame-ancestors as a header, nosniff and a referrer policy', () => {
    expect(SECURITY_HEADERS['Content-Security-Policy']).toContain("frame-ancestors 'none'");
    expect(SECURITY_HEADERS['X-Content-Type-Options']).toBe('nosniff');
    expect(SECURITY_HEADERS['Referrer-Policy']).toBe('strict-origin-when-cross-origin');
  });

  it('a loop of district parents is an error on each district in it', () => {
    const text = 'id,name_zh,name_en,level,parent,adcode\na,甲,A,city,b,150100\nb,乙,B,city,a,150200\nc,丙,C,city,,150300\nd,丁,D,district,c,150301\n';
    const r = readDistricts('districts.csv', text);
    expect(r.rows.map((d) => d.id)).toEqual(['c', 'd']);
    expect(r.problems.map((p) => [p.line, p.columnName, p.message])).toEqual([
      [2, 'parent', "The districts' parents form a loop (a → b → a): one of them must have another parent, or none."],
      [3, 'parent', "The districts' parents form a loop (b → a → b): one of them must have another parent, or none."],
    ]);
  });

  it('a UTF-16 file is told it is UTF-16, not that it may be a workbook', () => {
    const le = new Uint8Array([0xff, 0xfe, ...[...'id,name\n'].flatMap((c) => [c.charCodeAt(0), 0])]);
    const d = decodeBytes('districts.csv', le);
    expect(d.problems[0]!.message).toContain('UTF-16');
    expect(d.problems[0]!.message).not.toContain('xlsx');
  });
});
