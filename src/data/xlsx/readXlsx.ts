/**
 * An .xlsx workbook → its sheets as rows of strings, each with its spreadsheet row number.
 * Reads only what a data sheet needs (shared and inline strings, numbers, booleans, cached
 * formula results) with a small scanner: no XML entities beyond the five predefined ones and
 * character references, no formula ever evaluated (a formula without a saved value is refused
 * with its cell named), and limits on rows and columns so a hostile sheet cannot stall the
 * check. Throws XlsxRefusal (zip.ts) with the reason. Pure: bytes in, sheets out.
 */
import { XlsxRefusal, ZipReader, ZIP_LIMITS, type ZipLimits } from './zip';

export interface SheetRow {
  /** 1-based spreadsheet row. */
  row: number;
  /** Cells from column A, '' where empty. */
  cells: string[];
}

export interface Sheet {
  name: string;
  rows: SheetRow[];
}

/** A formula cell whose saved value was read (never evaluated): `Sheet1!C5`. */
export interface FormulaCell {
  sheet: string;
  cell: string;
  row: number;
  column: number;
}

export interface Workbook {
  sheets: Sheet[];
  formulas: FormulaCell[];
}

export interface SheetLimits extends ZipLimits {
  rows: number;
  columns: number;
}

export const SHEET_LIMITS: SheetLimits = { ...ZIP_LIMITS, rows: 200_000, columns: 64 };

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML text → string: predefined entities, character references and Excel's _xHHHH_ escapes. */
export function xmlText(s: string): string {
  return s
    .replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
      e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENTITY[e]!,
    )
    .replace(/_x([0-9a-fA-F]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out[m[1]!] = xmlText(m[2] ?? m[3] ?? '');
  return out;
}

/** The text of every <t> of a string item, leaving out phonetic guides (<rPh>). */
function runText(xml: string): string {
  const body = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  let out = '';
  for (const m of body.matchAll(/<t\b[^>]*?(?:\/>|>([\s\S]*?)<\/t>)/g)) out += xmlText(m[1] ?? '');
  return out;
}

/** `C12` → { column: 3, row: 12 }. */
export function cellRef(ref: string): { column: number; row: number } | null {
  const m = /^([A-Z]{1,3})(\d+)$/.exec(ref);
  if (!m) return null;
  let column = 0;
  for (const ch of m[1]!) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { column, row: Number(m[2]) };
}

export function columnLetters(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A number as Excel stores it (`0.30000000000000004`, `1E-3`) → the figure staff typed. */
function numberText(v: string): string {
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n)) return v;
  return String(Number(n.toPrecision(15)));
}

const decoder = new TextDecoder('utf-8', { fatal: false });

function part(zip: ZipReader, name: string): string | null {
  const b = zip.read(name);
  return b === null ? null : decoder.decode(b);
}

function resolveTarget(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = `xl/${target}`.split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.') out.push(p);
  }
  return out.join('/');
}

export function readXlsx(bytes: Uint8Array, limits: SheetLimits = SHEET_LIMITS): Workbook {
  const zip = new ZipReader(bytes, limits);
  const book = part(zip, 'xl/workbook.xml');
  if (book === null) throw new XlsxRefusal('xlsx-broken', { why: 'workbook' });
  const rels = new Map<string, string>();
  for (const m of (part(zip, 'xl/_rels/workbook.xml.rels') ?? '').matchAll(/<Relationship\b[^>]*>/g)) {
    const a = attrs(m[0]);
    if (a.Id && a.Target) rels.set(a.Id, resolveTarget(a.Target));
  }
  const shared: string[] = [];
  const sst = part(zip, 'xl/sharedStrings.xml');
  if (sst !== null) for (const m of sst.matchAll(/<si\b[^>]*?(?:\/>|>([\s\S]*?)<\/si>)/g)) shared.push(runText(m[1] ?? ''));

  const sheets: Sheet[] = [];
  const formulas: FormulaCell[] = [];
  for (const m of book.matchAll(/<sheet\b[^>]*>/g)) {
    const a = attrs(m[0]);
    const name = a.name ?? `Sheet${sheets.length + 1}`;
    const path = rels.get(a['r:id'] ?? '') ?? null;
    const xml = path === null ? null : part(zip, path);
    if (xml === null) throw new XlsxRefusal('xlsx-broken', { why: 'sheet', sheet: name });
    sheets.push({ name, rows: readSheet(xml, name, shared, formulas, limits) });
  }
  if (sheets.length === 0) throw new XlsxRefusal('xlsx-no-sheet');
  return { sheets, formulas };
}

function readSheet(xml: string, sheet: string, shared: string[], formulas: FormulaCell[], limits: SheetLimits): SheetRow[] {
  const start = xml.indexOf('<sheetData');
  if (start < 0) return [];
  const end = xml.indexOf('</sheetData>', start);
  const data = xml.slice(start, end < 0 ? xml.length : end);
  const rows: SheetRow[] = [];
  let rowNo = 0;
  for (const r of data.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const ra = attrs(r[1] ?? '');
    rowNo = ra.r ? Number(ra.r) : rowNo + 1;
    if (!Number.isInteger(rowNo) || rowNo < 1) throw new XlsxRefusal('xlsx-broken', { why: 'sheet', sheet });
    const cells: string[] = [];
    let col = 0;
    for (const c of (r[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const ca = attrs(c[1] ?? '');
      const at = ca.r ? cellRef(ca.r) : null;
      col = at ? at.column : col + 1;
      const inner = c[2] ?? '';
      const v = /<v\b[^>]*>([\s\S]*?)<\/v>/.exec(inner);
      const hasFormula = /<f\b/.test(inner);
      let text: string;
      if (ca.t === 'inlineStr') text = runText(/<is\b[^>]*>([\s\S]*?)<\/is>/.exec(inner)?.[1] ?? '');
      else if (!v) text = '';
      else if (ca.t === 's') text = shared[Number(v[1])] ?? '';
      else if (ca.t === 'b') text = v[1]!.trim() === '1' ? 'true' : 'false';
      else if (ca.t === 'str' || ca.t === 'e' || ca.t === 'd') text = xmlText(v[1]!);
      else text = numberText(xmlText(v[1]!));
      const ref = `${columnLetters(col)}${rowNo}`;
      if (hasFormula) {
        if (!v && ca.t !== 'inlineStr') throw new XlsxRefusal('xlsx-formula', { sheet, cell: ref });
        formulas.push({ sheet, cell: ref, row: rowNo, column: col });
      }
      if (text === '') continue;
      if (col > limits.columns) throw new XlsxRefusal('xlsx-huge-sheet', { sheet, cell: ref, rows: limits.rows, columns: limits.columns });
      while (cells.length < col - 1) cells.push('');
      cells[col - 1] = text;
    }
    if (cells.length === 0) continue;
    if (rowNo > limits.rows) throw new XlsxRefusal('xlsx-huge-sheet', { sheet, cell: `A${rowNo}`, rows: limits.rows, columns: limits.columns });
    rows.push({ row: rowNo, cells });
  }
  return rows;
}
