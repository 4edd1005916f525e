/** The workbook reader and writer: round trip, sheets to yearly files, and hostile workbooks refused with a reason. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvParseRows } from 'd3-dsv';
import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { checkFiles } from '../src/data/worker/checkFiles';
import { readXlsx, SHEET_LIMITS } from '../src/data/xlsx/readXlsx';
import { workbookFiles } from '../src/data/xlsx/sheetFiles';
import { writeXlsx } from '../src/data/xlsx/writeXlsx';
import { XlsxRefusal } from '../src/data/xlsx/zip';
import { FIXTURES, worldFiles } from './world.sample';
import { book, rowsXml } from './xlsx-book';

const HEAD = 'district,indicator,year,kind,comparator,value,unit,estimate,source,line,quote,note';

/** Forge the uncompressed size the central directory declares for one entry. */
function setDeclaredSize(zip: Uint8Array, name: string, size: number) {
  const dv = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const at = new TextDecoder('latin1').decode(zip).lastIndexOf(name) - 46;
  expect(dv.getUint32(at, true)).toBe(0x02014b50);
  dv.setUint32(at + 24, size, true);
}

const refusal = (f: () => unknown): XlsxRefusal => {
  try {
    f();
  } catch (e) {
    if (e instanceof XlsxRefusal) return e;
    throw e;
  }
  throw new Error('not refused');
};

describe('writeXlsx → readXlsx', () => {
  it('gives back every cell as typed; numbers stay numbers, text stays text; the plain comparator is written empty', () => {
    const rows = [HEAD.split(','), ['a', 'b', '2026', 'target', '=', '12.50', '万吨', 'false', 's', '7', '“引文” & <符号>', 'x\ny'], ['a', 'b', '2026', 'actual', '>=', '0.3', '%', 'true', 's', '8', '=SUM(A1)', '']];
    const wb = readXlsx(writeXlsx(rows, '2026'));
    expect(wb.sheets.map((s) => s.name)).toEqual(['2026']);
    expect(wb.sheets[0]!.rows.map((r) => r.row)).toEqual([1, 2, 3]);
    expect(wb.sheets[0]!.rows[1]!.cells).toEqual(['a', 'b', '2026', 'target', '', '12.50', '万吨', 'false', 's', '7', '“引文” & <符号>', 'x\ny']);
    // Text that looks like a formula is kept as text, never a formula.
    expect(wb.sheets[0]!.rows[2]!.cells.slice(4, 11)).toEqual(['>=', '0.3', '%', 'true', 's', '8', '=SUM(A1)']);
    expect(wb.formulas).toEqual([]);
  });

  it('reads shared strings (without phonetic guides), booleans and stored floats as staff typed them', () => {
    const sst = strToU8('<sst><si><t>粮食</t></si><si><r><t>总</t></r><r><t xml:space="preserve">产量 </t></r><rPh><t>x</t></rPh></si></sst>');
    const bytes = book({ S: '<row r="3"><c r="B3" t="s"><v>1</v></c><c r="C3" t="b"><v>1</v></c><c r="D3"><v>0.30000000000000004</v></c><c r="E3"><v>1E-3</v></c><c r="F3" t="s"><v>0</v></c></row>' }, { 'xl/sharedStrings.xml': sst });
    expect(readXlsx(bytes).sheets[0]!.rows).toEqual([{ row: 3, cells: ['', '总产量 ', 'true', '0.3', '0.001', '粮食'] }]);
  });
});

describe('sheets to yearly files', () => {
  it('one sheet per year, or one sheet split by its year column; lines map to spreadsheet rows', () => {
    const perYear = workbookFiles('b.xlsx', writeXlsx([HEAD.split(','), ['a', 'b', '2026', 'target', '', '1', '%', 'false', 's', '1', 'q', '']], '2026年'));
    expect(perYear.files.map((f) => [f.sheet, f.path])).toEqual([['2026年', 'observations/2026.csv']]);
    const rows = [HEAD.split(','), ['a', 'b', '2025', 'target'], ['a', 'b', '2026', 'target'], ['a', 'b', '', 'actual'], ['a', 'b', '2025', 'actual']];
    const split = workbookFiles('b.xlsx', writeXlsx(rows, 'data'));
    expect(split.files.map((f) => [f.path, f.lines])).toEqual([
      ['observations/2025.csv', [1, 2, 5]],
      ['observations/2026.csv', [1, 3]],
    ]);
    expect(csvParseRows(split.files[0]!.text)[2]!.slice(0, 4)).toEqual(['a', 'b', '2025', 'actual']);
    expect(split.problems.map((p) => [p.severity, p.file, p.line, p.column, p.messageZh])).toEqual([
      ['error', 'b.xlsx', 4, 3, '工作表“data”中此行“year”列没有年份（4 位数字），无法归入年度文件。'],
    ]);
  });

  it('a sheet neither named for a year nor with a year column is listed, not read', () => {
    const r = workbookFiles('b.xlsx', writeXlsx([['x', 'y'], ['1', '2']], '说明'));
    expect(r.problems.map((p) => p.code)).toEqual(['header', 'header']);
    expect(r.problems[0]!.message).toBe('Sheet "说明" is not read: its name is not a year and it has no "year" column.');
    expect(r.files).toEqual([]);
  });

  it('the same rows as CSV or as a workbook give the same problems at the same rows', () => {
    // `=` is swapped for `>=`: the writer writes the plain comparator empty, which the loader reads as `=` only once the contract's change lands.
    const csv = readFileSync(join(FIXTURES, 'check', '2025-preview.csv'), 'utf8').replace(/,=,/g, ',>=,');
    const rows = csvParseRows(csv);
    const fromCsv = checkFiles(worldFiles(), [{ name: '2025.csv', bytes: strToU8(csv) }]).files[0]!;
    const r = checkFiles(worldFiles(), [{ name: '2025.xlsx', bytes: writeXlsx(rows, '2025') }]);
    expect(r.files.map((f) => [f.role, f.path, f.sheet])).toEqual([['workbook', null, null], ['data', 'observations/2025.csv', '2025']]);
    const fromXlsx = r.files[1]!;
    const shape = (f: typeof fromCsv) => f.problems.map((p) => [p.severity, p.file, p.line, p.column, p.code, p.cell]);
    expect(shape(fromXlsx)).toEqual(shape(fromCsv));
    expect(fromXlsx.rows).toEqual(fromCsv.rows);
    // With blank rows above the header, the rows are still the spreadsheet's own.
    const shifted = checkFiles(worldFiles(), [{ name: '2025.xlsx', bytes: book({ 2025: rowsXml(rows, 3) }) }]).files[1]!;
    expect(shifted.problems.map((p) => p.line)).toEqual(fromCsv.problems.map((p) => p.line + 2));
  });
});

describe('hostile workbooks', () => {
  it('a formula with a saved value: the value is read, never calculated, and the cell named', () => {
    const r = workbookFiles('b.xlsx', book({ 2026: `<row r="1"><c r="A1" t="inlineStr"><is><t>year</t></is></c></row><row r="2"><c r="A2"><f>2025+1</f><v>2026</v></c></row>` }));
    expect(r.files[0]!.text).toBe('year\n2026\n');
    expect(r.problems.map((p) => [p.severity, p.line, p.column, p.message])).toEqual([
      ['warning', 2, 1, 'Cell A2 of sheet "2026" holds a formula: the value saved with the workbook was read, the formula was not calculated. Type the figure itself to be sure.'],
    ]);
  });

  it('a formula without a saved value is refused with its cell named', () => {
    const r = workbookFiles('b.xlsx', book({ 2026: '<row r="1"><c r="A1"><v>1</v></c></row><row r="7"><c r="C7"><f>A1*2</f></c></row>' }));
    expect(r.files).toEqual([]);
    expect(r.problems.map((p) => [p.severity, p.code])).toEqual([['error', 'encoding']]);
    expect(r.problems[0]!.messageZh).toContain('工作表“2026”的单元格 C7 是没有保存结果的公式');
  });

  it('a zip bomb is refused by its declared size, before anything is inflated', () => {
    // A real bomb of 1 MB zeros, declared (as such a file does) at 3 GB.
    const bomb = book({ 2026: '<row r="1"><c r="A1"><v>1</v></c></row>' }, { 'xl/media/big.bin': new Uint8Array(1024 * 1024) });
    setDeclaredSize(bomb, 'xl/media/big.bin', 3_000_000_000);
    const e = refusal(() => readXlsx(bomb));
    expect(e.key).toBe('xlsx-too-large');
    const r = workbookFiles('b.xlsx', bomb);
    expect(r.problems[0]!.message).toMatch(/^The workbook unpacks to 2861 MB, more than the 48 MB/);
    expect(r.problems[0]!.messageZh).toContain('未读取');
  });

  it('a zip whose directory understates a size is refused once inflation passes it', () => {
    const bytes = book({ 2026: `<row r="1">${'<c><v>1</v></c>'.repeat(5000)}</row>` });
    setDeclaredSize(bytes, 'xl/worksheets/sheet1.xml', 100);
    expect(refusal(() => readXlsx(bytes)).params).toEqual({ why: 'size' });
  });

  it('a broken, truncated, old or encrypted workbook gets a clear message', () => {
    const good = writeXlsx([['year'], ['2026']], '2026');
    expect(refusal(() => readXlsx(good.slice(0, good.length - 30))).key).toBe('xlsx-broken');
    expect(refusal(() => readXlsx(strToU8('not a workbook at all'))).key).toBe('xlsx-broken');
    const ole = new Uint8Array(512);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(refusal(() => readXlsx(ole)).key).toBe('xlsx-old');
    // A damaged deflate stream inside a well-formed directory.
    const damaged = good.slice();
    const body = new TextDecoder('latin1').decode(damaged).indexOf('xl/worksheets/sheet1.xml') + 24;
    damaged.fill(0xff, body, body + 20);
    expect(refusal(() => readXlsx(damaged)).key).toBe('xlsx-broken');
    expect(workbookFiles('b.xlsx', damaged).problems[0]!.message).toContain('The workbook cannot be read');
  });

  it('a huge sheet (too many rows or a cell far to the right) is refused with the cell named', () => {
    const limits = { ...SHEET_LIMITS, rows: 10, columns: 5 };
    const many = book({ 2026: Array.from({ length: 12 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>1</v></c></row>`).join('') });
    expect(refusal(() => readXlsx(many, limits)).params).toMatchObject({ cell: 'A11', rows: 10 });
    const wide = book({ 2026: '<row r="1"><c r="A1"><v>1</v></c><c r="XFD1"><v>1</v></c></row>' });
    expect(refusal(() => readXlsx(wide, limits)).params).toMatchObject({ sheet: '2026', cell: 'XFD1' });
    // An empty cell far to the right is no content: the sheet is read.
    expect(readXlsx(book({ 2026: '<row r="1"><c r="A1"><v>1</v></c><c r="XFD1"/></row>' }), limits).sheets[0]!.rows[0]!.cells).toEqual(['1']);
  });

  it('entities are never expanded beyond the predefined ones', () => {
    const r = readXlsx(book({ 2026: '<row r="1"><c r="A1" t="inlineStr"><is><t>&lol;&amp;&#x4E2D;</t></is></c></row>' }));
    expect(r.sheets[0]!.rows[0]!.cells).toEqual(['&lol;&中']);
  });
});
