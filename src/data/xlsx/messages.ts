/**
 * The workbook reader's messages, in English and Chinese, each saying what to do. Kept apart
 * from problems.ts so the site's first load (which needs that catalogue) does not carry them.
 */
import type { Problem, ProblemCode, Severity } from '../types';

type Params = Record<string, string | number>;
type Text = (p: Params) => string;

const MESSAGES = {
  'xlsx-broken': {
    en: () => 'The workbook cannot be read: it is damaged or not an .xlsx workbook. Open it in Excel or WPS and save it again as "Excel Workbook (.xlsx)", or save the sheet as "CSV UTF-8".',
    zh: () => '无法读取该工作簿：文件已损坏或不是 .xlsx 工作簿。请在 Excel 或 WPS 中打开后另存为“Excel 工作簿（.xlsx）”，或把工作表另存为“CSV UTF-8”。',
  },
  'xlsx-old': {
    en: () => 'This is an old .xls workbook or a workbook with a password. Remove the password and save it as "Excel Workbook (.xlsx)".',
    zh: () => '这是旧版 .xls 工作簿或设有密码的工作簿。请取消密码并另存为“Excel 工作簿（.xlsx）”。',
  },
  'xlsx-too-large': {
    en: (p) => `The workbook unpacks to ${p.size} MB, more than the ${p.limit} MB a data workbook may hold; it is not read. Keep only the data sheets, or save each year as "CSV UTF-8".`,
    zh: (p) => `该工作簿解压后为 ${p.size} MB，超过数据工作簿上限 ${p.limit} MB，未读取。请只保留数据工作表，或把每年另存为“CSV UTF-8”。`,
  },
  'xlsx-huge-sheet': {
    en: (p) => `Sheet "${p.sheet}" has content at cell ${p.cell}, beyond the ${p.rows} rows and ${p.columns} columns a data sheet may use; the workbook is not read. Delete the stray content.`,
    zh: (p) => `工作表“${p.sheet}”的单元格 ${p.cell} 有内容，超出数据表可用的 ${p.rows} 行、${p.columns} 列，工作簿未读取。请删除多余内容。`,
  },
  'xlsx-formula': {
    en: (p) => `Cell ${p.cell} of sheet "${p.sheet}" holds a formula with no saved value; formulas are never calculated here. Type the figure itself into the cell (or open the workbook in Excel and save it again).`,
    zh: (p) => `工作表“${p.sheet}”的单元格 ${p.cell} 是没有保存结果的公式；此处从不计算公式。请在单元格中直接填写数字（或在 Excel 中打开后重新保存）。`,
  },
  'xlsx-formula-value': {
    en: (p) => `Cell ${p.cell} of sheet "${p.sheet}" holds a formula: the value saved with the workbook was read, the formula was not calculated. Type the figure itself to be sure.`,
    zh: (p) => `工作表“${p.sheet}”的单元格 ${p.cell} 是公式：已读取工作簿中保存的结果，未计算公式。为稳妥起见，请直接填写数字。`,
  },
  'xlsx-no-sheet': {
    en: () => 'The workbook has no sheet of yearly data: name a sheet for its year (e.g. 2026), or give one sheet a "year" column.',
    zh: () => '该工作簿中没有年度数据工作表：请以年份命名工作表（如 2026），或在一个工作表中设“year”列。',
  },
  'xlsx-sheet-skipped': {
    en: (p) => `Sheet "${p.sheet}" is not read: its name is not a year and it has no "year" column.`,
    zh: (p) => `工作表“${p.sheet}”未读取：名称不是年份，也没有“year”列。`,
  },
  'xlsx-same-year': {
    en: (p) => `Sheet "${p.sheet}" is for the same file (${p.path}) as sheet "${p.first}" and is not read: put each year's rows in one sheet.`,
    zh: (p) => `工作表“${p.sheet}”与工作表“${p.first}”对应同一文件（${p.path}），未读取：每年的行请放在同一个工作表中。`,
  },
  'xlsx-no-year': {
    en: (p) => `Row of sheet "${p.sheet}" without a year (4 digits) in the "year" column: the row cannot be placed in a yearly file.`,
    zh: (p) => `工作表“${p.sheet}”中此行“year”列没有年份（4 位数字），无法归入年度文件。`,
  },
} satisfies Record<string, { en: Text; zh: Text }>;

export type XlsxMessage = keyof typeof MESSAGES;

export interface XlsxAt {
  file: string;
  line?: number;
  column?: number;
  columnName?: string;
  cell?: string;
}

/** A problem of a workbook, in the shape of every other problem (problems.ts). */
export function xlsxProblem(severity: Severity, code: ProblemCode, at: XlsxAt, key: XlsxMessage, params: Params = {}): Problem {
  const m = MESSAGES[key];
  const out: Problem = { severity, file: at.file, line: at.line ?? 0, column: at.column ?? 0, code, message: m.en(params), messageZh: m.zh(params) };
  if (at.columnName !== undefined) out.columnName = at.columnName;
  if (at.cell !== undefined) out.cell = at.cell;
  return out;
}
