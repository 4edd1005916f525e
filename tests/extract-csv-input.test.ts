/** Draft rows as CSV (the command's format), and a report file's bytes read or refused. */
import { csvParseRows } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import { DRAFT_COLUMNS, draftsToCsv, MAX_REPORT_BYTES, readReport } from '../src/extract/index';
import type { DraftRow } from '../src/extract/types';

const row = (over: Partial<DraftRow>): DraftRow => ({
  district: 'test-county',
  indicator: 'gdp-growth',
  year: 2024,
  kind: 'actual',
  comparator: '=',
  value: 5.2,
  unit: '%',
  estimate: false,
  source: 'src-1',
  line: 12,
  quote: '地区生产总值增长5.2%',
  note: '',
  nameAsWritten: '地区生产总值',
  confidence: 'high',
  ...over,
});

describe('draftsToCsv', () => {
  it('writes the observation columns, then name_as_written and confidence; the plain comparator empty', () => {
    const [header, first] = csvParseRows(draftsToCsv([row({})]));
    expect(header).toEqual([...DRAFT_COLUMNS]);
    expect(header!.slice(-2)).toEqual(['name_as_written', 'confidence']);
    expect(first).toEqual(['test-county', 'gdp-growth', '2024', 'actual', '', '5.2', '%', 'false', 'src-1', '12', '地区生产总值增长5.2%', '', '地区生产总值', 'high']);
  });

  it('keeps qualifiers, a fall as a plain negative number, an undecided year and a text target', () => {
    const rows = csvParseRows(
      draftsToCsv([row({ comparator: '~', value: -3 }), row({ year: null, comparator: '>=' }), row({ comparator: 'text', value: null, quote: '与经济增长同步' })]),
    ).slice(1);
    expect(rows.map((r) => [r[2], r[4], r[5]])).toEqual([
      ['2024', '~', '-3'],
      ['', '>=', '5.2'],
      ['2024', 'text', ''],
    ]);
  });

  it('quotes commas and line breaks, and neutralises a cell a spreadsheet would run', () => {
    const text = draftsToCsv([row({ quote: '=HYPERLINK("x")', nameAsWritten: '增长，同比' })]);
    const [, r] = csvParseRows(text);
    expect(r![10]).toBe('\'=HYPERLINK("x")');
    expect(r![12]).toBe('增长，同比');
    expect(text.endsWith('\n')).toBe(true);
  });
});

const gbk = new Uint8Array([0xb5, 0xd8, 0xc7, 0xf8, 0xc9, 0xfa, 0xb2, 0xfa, 0xd7, 0xdc, 0xd6, 0xb5, 0x35, 0x25]); // 地区生产总值5%

describe('readReport', () => {
  it('reads UTF-8, drops a BOM', () => {
    const bytes = new TextEncoder().encode('\uFEFF粮食产量72万吨');
    expect(readReport(bytes)).toMatchObject({ ok: true, text: '粮食产量72万吨', encoding: 'utf-8', note: null });
  });

  it('decodes GBK and says so', () => {
    const r = readReport(gbk);
    expect(r).toMatchObject({ ok: true, text: '地区生产总值5%', encoding: 'gb18030' });
    expect(r.ok && r.note?.en).toContain('GBK');
    expect(r.ok && r.note?.zh).toContain('GBK');
  });

  it('refuses an empty file, a binary file and a file over the limit, naming the limit', () => {
    expect(readReport(new Uint8Array())).toMatchObject({ ok: false, reason: 'empty' });
    expect(readReport(new TextEncoder().encode(' \n\n  '))).toMatchObject({ ok: false, reason: 'empty' });
    const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 0x00, 0x01, 0x02, 0xff]);
    expect(readReport(pdf)).toMatchObject({ ok: false, reason: 'binary' });
    const big = readReport(new Uint8Array(MAX_REPORT_BYTES + 1));
    expect(big).toMatchObject({ ok: false, reason: 'too-large' });
    expect(!big.ok && big.message.en).toContain('10 MB limit');
    expect(!big.ok && big.message.zh).toContain('10 MB');
  });
});
