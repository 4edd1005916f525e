/**
 * What the check page hands back to staff: the normalised file as an Excel-safe CSV (UTF-8
 * with a byte-order mark, Windows line ends), the same rows as an .xlsx workbook, and the
 * publishing bundle (a zip of the checked files under data/ and the refreshed index.json).
 * The workbook writer and the zip are loaded only when a button asks for them.
 */
import { csvFormatRow, csvParseRows } from 'd3-dsv';
import type { FileReport } from '../../data/worker/client';
import { INDEX_FILE, yearOfFile } from '../../data/schema';
import { saveUrl } from '../../ui/saveFile';

/** CSV text → what Excel and WPS open without garbling Chinese: BOM first, CRLF between rows. */
export function excelCsv(text: string): string {
  const rows = csvParseRows(text);
  return '\uFEFF' + rows.map((r) => csvFormatRow(r)).join('\r\n') + (rows.length ? '\r\n' : '');
}

export function saveBytes(name: string, bytes: Uint8Array | string, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  saveUrl(url, name);
  // Revoked later: some browsers start reading the blob only after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

const baseName = (path: string) => path.replace(/^.*\//, '');
const stem = (path: string) => baseName(path).replace(/\.[^.]*$/, '');

export const csvName = (r: FileReport) => baseName(r.path ?? r.name);

export function saveExcelCsv(r: FileReport): void {
  if (r.normalised) saveBytes(csvName(r), excelCsv(r.normalised.text), 'text/csv;charset=utf-8');
}

export async function saveWorkbook(r: FileReport): Promise<void> {
  if (!r.normalised) return;
  const { writeXlsx } = await import('../../data/xlsx/writeXlsx');
  const name = stem(r.path ?? r.name);
  saveBytes(`${name}.xlsx`, writeXlsx(csvParseRows(r.normalised.text), name), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
}

/** The files of a clean check as they go onto the server: `data/<path>` and `data/index.json`. */
export function bundleFiles(reports: FileReport[], years: number[]): Record<string, string> {
  const files: Record<string, string> = {};
  for (const r of reports) if (r.role === 'data' && r.path && r.normalised) files[`data/${r.path}`] = r.normalised.text;
  files[`data/${INDEX_FILE}`] = JSON.stringify({ years }) + '\n';
  return files;
}

export function bundleName(reports: FileReport[]): string {
  const years = [...new Set(reports.map((r) => (r.path ? yearOfFile(r.path) : null)).filter((y) => y !== null))].sort();
  return `data-${years.length ? years.join('-') : 'update'}.zip`;
}

export async function saveBundle(reports: FileReport[], years: number[]): Promise<void> {
  const { zipTexts } = await import('../../data/xlsx/writeXlsx');
  saveBytes(bundleName(reports), zipTexts(bundleFiles(reports, years)), 'application/zip');
}
