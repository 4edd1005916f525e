/** Test workbooks built by hand with fflate: cells exactly as given (`=` included), rows where asked. */
import { strToU8, zipSync } from 'fflate';

/** A workbook of the given sheets (raw <sheetData> bodies). */
export function book(sheets: Record<string, string>, extra: Record<string, Uint8Array> = {}): Uint8Array {
  const names = Object.keys(sheets);
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<Types/>'),
    'xl/workbook.xml': strToU8(
      `<workbook xmlns:r="r"><sheets>${names.map((n, i) => `<sheet name="${n}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<Relationships>${names.map((_, i) => `<Relationship Id="rId${i + 1}" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}</Relationships>`,
    ),
    ...extra,
  };
  names.forEach((n, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(`<worksheet><sheetData>${sheets[n]}</sheetData></worksheet>`)));
  return zipSync(files);
}

/** Rows as <row> elements of inline strings, the first at spreadsheet row `first`. */
export function rowsXml(rows: string[][], first = 1): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return rows.map((r, i) => `<row r="${i + first}">${r.map((c) => `<c t="inlineStr"><is><t xml:space="preserve">${esc(c)}</t></is></c>`).join('')}</row>`).join('');
}
