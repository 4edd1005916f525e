/**
 * Every message the checker can give, in English and Chinese, each saying how to fix it.
 * One catalogue so the command line, the notices and the check page speak alike.
 */
import { defineMessages, messageOf, translate } from '../core/i18n';
import type { Lang } from '../core/url';
import type { Problem, ProblemCode, Severity } from './types';

type Params = Record<string, string | number>;
type Text = (p: Params) => string;

const MESSAGES = {
  bom: {
    en: () => 'UTF-8 byte-order mark (BOM) removed; the file is read as UTF-8.',
    zh: () => '已去除 UTF-8 字节顺序标记（BOM），按 UTF-8 读取。',
  },
  gbk: {
    en: () =>
      'The file is encoded as GBK/GB18030, not UTF-8. It was decoded for this preview, but must be saved as UTF-8 before publishing: in Excel choose "Save As" → "CSV UTF-8 (Comma delimited)"; in WPS or Notepad choose encoding UTF-8.',
    zh: () =>
      '文件编码为 GBK/GB18030，而非 UTF-8。本次已解码供预览，发布前须另存为 UTF-8：Excel 中选“另存为”→“CSV UTF-8（逗号分隔）”；WPS 或记事本中选择编码 UTF-8。',
  },
  unknown: {
    en: (p) =>
      `The file is not UTF-8, and its bytes are not surely GBK/GB18030 either (Big5 or Windows-1252?): the first bytes that are not UTF-8 (${p.byte}) are here. Nothing was converted; open the file in the program that made it and save it as "CSV UTF-8".`,
    zh: (p) =>
      `文件不是 UTF-8，也不能确定是 GBK/GB18030（可能是 Big5 或 Windows-1252）：第一个非 UTF-8 字节（${p.byte}）在此处。未做任何转换；请用制作该文件的程序打开，另存为“CSV UTF-8”。`,
  },
  'bad-bytes': {
    en: (p) =>
      `Bytes here are not UTF-8 (${p.byte}, e.g. a character pasted from another program): this row is not read; the other rows are. Retype the character at this place and save as "CSV UTF-8".`,
    zh: (p) => `此处有非 UTF-8 字节（${p.byte}，如从其他程序粘贴的字符）：此行未读入，其他行照常读入。请在此处重新输入该字符，并另存为“CSV UTF-8”。`,
  },
  utf16: {
    en: () => 'The file is UTF-16 text (Excel\'s "Unicode Text"), not UTF-8. Save it from Excel as "CSV UTF-8 (Comma delimited)".',
    zh: () => '文件为 UTF-16 文本（Excel 的“Unicode 文本”），而非 UTF-8。请在 Excel 中另存为“CSV UTF-8（逗号分隔）”。',
  },
  workbook: {
    en: () => 'The file is an Excel workbook (.xlsx or .xls), not a CSV. Open it in Excel and save it as "CSV UTF-8 (Comma delimited)".',
    zh: () => '文件是 Excel 工作簿（.xlsx 或 .xls），不是 CSV。请在 Excel 中打开，另存为“CSV UTF-8（逗号分隔）”。',
  },
  binary: {
    en: () => 'The file is not text (an image or another binary file?). Choose the CSV file.',
    zh: () => '文件不是文本（图片或其他二进制文件？）。请选择 CSV 文件。',
  },
  'quote-open': {
    en: (p) =>
      `Lines ${p.from}–${p.to} read as one cell: a quote opened at line ${p.from}, column ${p.column} is never closed, so ${p.hidden} line(s) after it are not read as rows. Delete the stray quote, or close it; a quote inside a cell is written twice ("").`,
    zh: (p) =>
      `第 ${p.from}–${p.to} 行被读成一个单元格：第 ${p.from} 行第 ${p.column} 列的引号没有闭合，其后 ${p.hidden} 行未被读作数据行。请删除多余的引号，或将其闭合；单元格内的引号须写两次（""）。`,
  },
  'quote-open-line': {
    en: (p) =>
      `A quote opened at line ${p.from}, column ${p.column} is never closed: the rest of the file is read as one cell, and this row is not read. Delete the stray quote, or close it; a quote inside a cell is written twice ("").`,
    zh: (p) => `第 ${p.from} 行第 ${p.column} 列的引号没有闭合：文件其余部分被读成一个单元格，此行未读入。请删除多余的引号，或将其闭合；单元格内的引号须写两次（""）。`,
  },
  'quote-span': {
    en: (p) =>
      `Lines ${p.from}–${p.to} read as one cell: a quote opened at line ${p.from}, column ${p.column} closes only at line ${p.to}, column ${p.close}, so ${p.hidden} line(s) after it are not read as rows. Delete the stray quote at line ${p.from}, or write it twice ("") if it belongs to the text.`,
    zh: (p) =>
      `第 ${p.from}–${p.to} 行被读成一个单元格：第 ${p.from} 行第 ${p.column} 列的引号直到第 ${p.to} 行第 ${p.close} 列才闭合，其后 ${p.hidden} 行未被读作数据行。请删除第 ${p.from} 行多余的引号；如引号属于文字，请写两次（""）。`,
  },
  'quote-junk': {
    en: (p) =>
      `The quote opened at column ${p.column} closes at column ${p.close}, before the cell ends: the character after it would be lost. Wrap the whole cell in quotes ("...") and write a quote inside it twice ("").`,
    zh: (p) => `第 ${p.column} 列开始的引号在第 ${p.close} 列闭合，而单元格尚未结束：其后的字符会丢失。请用引号括起整个单元格（"..."），单元格内的引号写两次（""）。`,
  },
  exponent: {
    en: (p) => `"${p.cell}" is written in scientific notation. Write the number in digits as the source does (e.g. 1200, not 1.2e3).`,
    zh: (p) => `“${p.cell}”是科学计数法。请按原文用数字写出（如 1200，而非 1.2e3）。`,
  },
  implausible: {
    en: (p) => `The value ${p.cell} is implausible for this indicator (${p.limit}): check for extra digits or a wrong unit.`,
    zh: (p) => `数值 ${p.cell} 对该指标不合常理（${p.limitZh}）：请检查是否多写了数字或单位有误。`,
  },
  'parent-cycle': {
    en: (p) => `The districts' parents form a loop (${p.cycle}): one of them must have another parent, or none.`,
    zh: (p) => `地区的上级形成循环（${p.cycle}）：其中一个须改为其他上级，或留空。`,
  },
  'index-missing': {
    en: (p) => `The list of years (data/index.json) could not be read (${p.reason}); the yearly files found are shown: ${p.years}. Run npm run check-data to write the list again.`,
    zh: (p) => `无法读取年份列表（data/index.json，${p.reason}）；显示找到的年度文件：${p.years}。运行 npm run check-data 可重新生成该列表。`,
  },
  'case-clash': {
    en: (p) => `${p.other} has the same name but for upper and lower case: the site reads only ${p.other}. Merge the rows into it and delete this file.`,
    zh: (p) => `${p.other} 与此文件仅大小写不同：网站只读取 ${p.other}。请把行合并到该文件，并删除此文件。`,
  },
  empty: {
    en: () => 'The file is empty: it needs at least the header row.',
    zh: () => '文件为空：至少需要表头一行。',
  },
  crlf: {
    en: () => 'Windows line ends (CRLF) read as plain line ends.',
    zh: () => 'Windows 换行符（CRLF）已按普通换行读取。',
  },
  blank: {
    en: (p) => `Blank line skipped (${p.count} blank line(s) in the file).`,
    zh: (p) => `已跳过空行（文件中共 ${p.count} 个空行）。`,
  },
  'header-missing': {
    en: (p) => `The header lacks the column "${p.name}". The header must be: ${p.expected}`,
    zh: (p) => `表头缺少列“${p.name}”。表头应为：${p.expected}`,
  },
  'header-extra': {
    en: (p) => `Unknown column "${p.name}" is ignored by the site (it is kept in the normalised file).`,
    zh: (p) => `未知列“${p.name}”不被网站使用（规范化文件中保留）。`,
  },
  'header-order': {
    en: (p) => `Columns are in an unusual order; read by name. The usual order is: ${p.expected}`,
    zh: (p) => `列的顺序与规定不同，已按列名读取。规定顺序为：${p.expected}`,
  },
  'column-count': {
    en: (p) =>
      `The row has ${p.got} cells but the header has ${p.want}. A cell with a comma must be wrapped in double quotes ("..."); check for a stray comma.`,
    zh: (p) => `此行有 ${p.got} 个单元格，表头有 ${p.want} 列。含逗号的单元格须用英文双引号括起（"..."）；请检查多余的逗号。`,
  },
  required: {
    en: (p) => `The column "${p.column}" must not be empty.`,
    zh: (p) => `“${p.column}”列不能为空。`,
  },
  enum: {
    en: (p) => `"${p.cell}" is not allowed in "${p.column}"; use one of: ${p.allowed}.`,
    zh: (p) => `“${p.column}”列不允许“${p.cell}”；可用值：${p.allowed}。`,
  },
  number: {
    en: (p) => `"${p.cell}" in "${p.column}" is not a number. Write digits only, e.g. 72 or 6.5.`,
    zh: (p) => `“${p.column}”列的“${p.cell}”不是数字。只写数字，如 72 或 6.5。`,
  },
  integer: {
    en: (p) => `"${p.cell}" in "${p.column}" must be a whole number.`,
    zh: (p) => `“${p.column}”列的“${p.cell}”须为整数。`,
  },
  'unit-in-value': {
    en: (p) => `"${p.cell}" holds a unit. Put the number alone in "value" (${p.number}) and the unit in "unit" (${p.unit}).`,
    zh: (p) => `“${p.cell}”含有单位。“value”列只写数字（${p.number}），单位写入“unit”列（${p.unit}）。`,
  },
  'value-for-text': {
    en: () => 'A "text" target has no number: leave "value" empty and keep the words in "quote".',
    zh: () => '“text”（定性）目标没有数字：“value”留空，文字写在“quote”中。',
  },
  'value-missing': {
    en: () => 'The value is empty. Only a target with comparator "text" may have no number.',
    zh: () => '数值为空。只有比较符为“text”的目标可以没有数字。',
  },
  fullwidth: {
    en: (p) => `Full-width characters in "${p.cell}" read as ${p.fixed}.`,
    zh: (p) => `“${p.cell}”中的全角字符已按 ${p.fixed} 读取。`,
  },
  thousands: {
    en: (p) => `Thousands separators in "${p.cell}" read as ${p.fixed}.`,
    zh: (p) => `“${p.cell}”中的千位分隔符已去除，读作 ${p.fixed}。`,
  },
  trimmed: {
    en: (p) => `Spaces around "${p.cell}" removed.`,
    zh: (p) => `已去除“${p.cell}”前后的空格。`,
  },
  'id-format': {
    en: (p) => `"${p.cell}" is not a valid id: use lower-case letters, digits and hyphens (e.g. tumed-left).`,
    zh: (p) => `“${p.cell}”不是有效的 id：只能用小写字母、数字和连字符（如 tumed-left）。`,
  },
  'unknown-district': {
    en: (p) => `Unknown district "${p.cell}". Use an id from districts.csv (${p.known}), or add the district there first.`,
    zh: (p) => `未知地区“${p.cell}”。请使用 districts.csv 中的 id（${p.known}），或先在该文件中添加。`,
  },
  'unknown-indicator': {
    en: (p) => `Unknown indicator "${p.cell}". Use an id from indicators.csv${p.near ? ` (did you mean ${p.near}?)` : ''}, or add the indicator there first.`,
    zh: (p) => `未知指标“${p.cell}”。请使用 indicators.csv 中的 id${p.near ? `（是否应为 ${p.near}？）` : ''}，或先在该文件中添加。`,
  },
  'unknown-source': {
    en: (p) => `Unknown source "${p.cell}". Add the document to sources.csv first (id, title, date, text or url).`,
    zh: (p) => `未知来源“${p.cell}”。请先在 sources.csv 中登记该文件（id、标题、日期、文本或网址）。`,
  },
  'unknown-parent': {
    en: (p) => `Unknown parent "${p.cell}": it must be another district's id, or empty.`,
    zh: (p) => `未知上级“${p.cell}”：须为另一地区的 id，或留空。`,
  },
  'year-mismatch': {
    en: (p) => `The year ${p.cell} does not match the file ${p.file}: every row of it must be ${p.year}. Move the row to observations/${p.cell}.csv.`,
    zh: (p) => `年份 ${p.cell} 与文件 ${p.file} 不符：该文件每行须为 ${p.year}。请把此行移到 observations/${p.cell}.csv。`,
  },
  'file-name': {
    en: () => 'A yearly file must be named observations/YYYY.csv (e.g. observations/2026.csv).',
    zh: () => '年度文件须命名为 observations/YYYY.csv（如 observations/2026.csv）。',
  },
  duplicate: {
    en: (p) => `Duplicate: ${p.key} already appears at line ${p.first}. Delete one of the two rows.`,
    zh: (p) => `重复：${p.key} 已在第 ${p.first} 行出现。请删除其中一行。`,
  },
  'duplicate-id': {
    en: (p) => `The id "${p.cell}" already appears at line ${p.first}.`,
    zh: (p) => `id“${p.cell}”已在第 ${p.first} 行出现。`,
  },
  unit: {
    en: (p) => `The unit "${p.cell}" cannot be converted to the indicator's unit "${p.unit}". Write the unit as the source does, but one of: ${p.allowed}.`,
    zh: (p) => `单位“${p.cell}”无法换算为该指标的单位“${p.unit}”。请按原文写单位，但须为以下之一：${p.allowed}。`,
  },
  'quote-not-found': {
    en: (p) => `The quote is not found at line ${p.line} of ${p.text}${p.where}. Copy the words exactly from the source (spaces and line breaks do not matter) and give the line where they start.`,
    zh: (p) => `在 ${p.text} 第 ${p.line} 行未找到引文${p.where}。请从原文逐字复制（空格与换行不计），并填写引文起始行号。`,
  },
  'quote-unverified': {
    en: (p) => `The source "${p.source}" keeps no text, so this quote could not be verified; check it against ${p.url}.`,
    zh: (p) => `来源“${p.source}”没有保存文本，引文无法核对；请对照 ${p.url} 核实。`,
  },
  'texts-missing': {
    en: (p) => `Source texts not found at ${p.dir}: quotes were not verified. Pass --texts DIR or set SOURCE_TEXTS.`,
    zh: (p) => `未找到来源文本目录 ${p.dir}：引文未核对。请用 --texts DIR 或环境变量 SOURCE_TEXTS 指定。`,
  },
  'text-file-missing': {
    en: (p) => `The text "${p.cell}" is not in ${p.dir}: quotes of this source were not verified.`,
    zh: (p) => `${p.dir} 中没有文本“${p.cell}”：该来源的引文未核对。`,
  },
  'value-not-in-quote': {
    en: (p) => `The value ${p.value} does not appear in the quote "${p.quote}". The value must be the number the quote holds.`,
    zh: (p) => `数值 ${p.value} 不在引文“${p.quote}”中。数值须为引文中的数字。`,
  },
  unfilled: {
    en: () =>
      'This row is still an empty skeleton (as npm run new-year writes it): fill in comparator, value, estimate, source, line and quote from the report, or delete the row.',
    zh: () => '此行尚未填写（npm run new-year 生成的空行）：请按报告填写 comparator、value、estimate、source、line 和 quote，或删除此行。',
  },
  'line-missing': {
    en: () => 'The source keeps a text: give the line where the quote starts.',
    zh: () => '该来源保存了文本：请填写引文起始行号。',
  },
  'line-range': {
    en: (p) => `Line ${p.cell} is outside the text ${p.text} (it has ${p.count} lines).`,
    zh: (p) => `第 ${p.cell} 行超出文本 ${p.text} 的范围（共 ${p.count} 行）。`,
  },
  'line-without-text': {
    en: () => 'The source keeps no text, so "line" must be empty.',
    zh: () => '该来源没有保存文本，“line”须留空。',
  },
  'source-location': {
    en: () => 'A source needs a "text" (file name of its plain text) or a "url".',
    zh: () => '来源须有“text”（文本文件名）或“url”。',
  },
  'text-name': {
    en: (p) => `"${p.cell}" is not a plain file name (e.g. yuquan-work-report-2025.txt).`,
    zh: (p) => `“${p.cell}”不是文件名（如 yuquan-work-report-2025.txt）。`,
  },
  url: {
    en: (p) => `"${p.cell}" is not an http(s) address.`,
    zh: (p) => `“${p.cell}”不是 http(s) 网址。`,
  },
  date: {
    en: (p) => `"${p.cell}" is not a date: write YYYY-MM-DD, e.g. 2024-12-26.`,
    zh: (p) => `“${p.cell}”不是日期：请写成 YYYY-MM-DD，如 2024-12-26。`,
  },
  adcode: {
    en: (p) => `"${p.cell}" is not a 6-digit administrative division code (e.g. 150121).`,
    zh: (p) => `“${p.cell}”不是 6 位行政区划代码（如 150121）。`,
  },
  estimate: {
    en: (p) => `"${p.cell}" in "estimate" must be true or false.`,
    zh: (p) => `“estimate”列的“${p.cell}”须为 true 或 false。`,
  },
  'estimate-word': {
    en: (p) => `The quote says "${p.word}" but "estimate" is false; if the figure is an estimate, write true.`,
    zh: (p) => `引文含“${p.word}”，但“estimate”为 false；如为预计数，请填 true。`,
  },
  conflict: {
    en: (p) => `Sources disagree on ${p.key}: ${p.values}. The latest-published source (${p.shown}) is shown; the disagreement is flagged on the site.`,
    zh: (p) => `来源对 ${p.key} 说法不一：${p.values}。网站显示最新发布的来源（${p.shown}），并标注分歧。`,
  },
  fetch: {
    en: (p) => `Could not load the file (${p.reason}). Other files are still shown.`,
    zh: (p) => `无法加载该文件（${p.reason}）。其他文件照常显示。`,
  },
  'too-large': {
    en: (p) => `The file is ${p.size} MB, more than the ${p.limit} MB a yearly file may be; split it or remove stray content.`,
    zh: (p) => `文件大小 ${p.size} MB，超过年度文件上限 ${p.limit} MB；请拆分或删除多余内容。`,
  },
} satisfies Record<string, { en: Text; zh: Text }>;

export type MessageKey = keyof typeof MESSAGES;

export interface At {
  file: string;
  line?: number;
  column?: number;
  columnName?: string;
  cell?: string;
}

export function problem(
  severity: Severity,
  code: ProblemCode,
  at: At,
  key: MessageKey,
  params: Params = {},
): Problem {
  const p: Params = { ...params };
  if (at.cell !== undefined && p.cell === undefined) p.cell = at.cell;
  if (at.columnName !== undefined && p.column === undefined) p.column = at.columnName;
  const m = MESSAGES[key];
  const out: Problem = {
    severity,
    file: at.file,
    line: at.line ?? 0,
    column: at.column ?? 0,
    code,
    message: m.en(p),
    messageZh: m.zh(p),
  };
  if (at.columnName !== undefined) out.columnName = at.columnName;
  if (at.cell !== undefined) out.cell = at.cell;
  return out;
}

const severityWords = defineMessages({ zh: { error: '错误', warning: '警告' }, en: { error: 'error', warning: 'warning' } });

/** `file:line:column: severity: reason`, the form editors and CI logs understand. */
export function formatProblem(p: Problem, lang: Lang = 'en'): string {
  const where = `${p.file}:${p.line}:${p.column}`;
  return `${where}: ${translate(severityWords, lang, p.severity)}: ${messageOf(p, lang)}`;
}

/** Sorted by file, line, column, so a report reads top to bottom like the file. */
export function sortProblems(ps: Problem[]): Problem[] {
  return [...ps].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.code.localeCompare(b.code),
  );
}
