/**
 * `check-data --fix`: each data file rewritten as normaliseCsv makes it (UTF-8, canonical
 * digits and columns), the original kept beside it as `<file>.bak`, and every change told.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { brokenQuoteProblem } from '../../src/data/csv';
import { decodeBytes } from '../../src/data/decode';
import type { Problem } from '../../src/data/types';
import { kindOfPath, normaliseCsv, type FileKind } from '../../src/data/normalise';
import { defineMessages, messageOf, translate, type Params } from '../../src/core/i18n';
import type { Lang } from '../../src/core/url';

export interface FixOutcome {
  /** Path as given (relative to data/ or as typed). */
  name: string;
  changed: boolean;
  backup: string | null;
  /** What was changed, one line each, in the chosen language. */
  notes: string[];
  /** Why the file was left alone, when it was. */
  refused: string | null;
}

/** `<file>.bak`, or `<file>.bak.2` … when an earlier backup must not be overwritten. */
export function backupPath(full: string): string {
  if (!existsSync(`${full}.bak`)) return `${full}.bak`;
  for (let i = 2; ; i++) if (!existsSync(`${full}.bak.${i}`)) return `${full}.bak.${i}`;
}

const words = defineMessages({
  zh: {
    where: '第 {line} 行第 {column} 列：',
    notData: '不是数据文件名（districts.csv、indicators.csv、sources.csv、observations/YYYY.csv）',
    gbk: '已由 GBK/GB18030 转为 UTF-8',
    bom: '已去除 BOM',
    crlf: 'Windows 换行符（CRLF）改为 LF',
    blank: '已删除 {n} 个空行',
    reordered: '列已按规定顺序排列',
    added: '已添加空列：{columns}',
    listSep: '、',
    change: '第 {line} 行 {column}：“{from}” → “{to}”',
    kept: '第 {line} 行单元格数与表头不符，原样保留，请手工修改',
  },
  en: {
    where: 'line {line}, column {column}: ',
    notData: 'not a data file name (districts.csv, indicators.csv, sources.csv, observations/YYYY.csv)',
    gbk: 'converted from GBK/GB18030 to UTF-8',
    bom: 'byte-order mark (BOM) removed',
    crlf: 'Windows line ends (CRLF) made LF',
    blank: '{n} blank line(s) removed',
    reordered: 'columns put in the standard order',
    added: 'empty column(s) added: {columns}',
    listSep: ', ',
    change: 'line {line}, {column}: "{from}" → "{to}"',
    kept: 'line {line} kept as given: its number of cells differs from the header — fix it by hand',
  },
});
const say = (lang: Lang, key: keyof (typeof words)['zh'], params?: Params) => translate(words, lang, key, params);

/** Why a file is left alone: where (line and column, when known) and how to mend it. */
function refusal(p: Problem, lang: Lang): string {
  const where = p.line > 0 ? say(lang, 'where', { line: p.line, column: p.column }) : '';
  return where + messageOf(p, lang);
}

export function fixFile(full: string, name: string, lang: Lang = 'en', kindHint?: FileKind): FixOutcome {
  const out: FixOutcome = { name, changed: false, backup: null, notes: [], refused: null };
  const kind = kindHint ?? kindOfPath(name);
  if (!kind) {
    out.refused = say(lang, 'notData');
    return out;
  }
  const bytes = new Uint8Array(readFileSync(full));
  const decoded = decodeBytes(name, bytes);
  // Bytes that are not surely text of one encoding, or a quote that breaks the rows: rewriting
  // would lose or change what was typed, so the file is left for the staff member to mend.
  if (decoded.encoding === 'unknown' || decoded.badLines.length > 0) {
    out.refused = refusal(decoded.problems.find((p) => p.severity === 'error')!, lang);
    return out;
  }
  const n = normaliseCsv(decoded.text, kind);
  if (n.broken.length > 0) {
    out.refused = refusal(brokenQuoteProblem(name, n.broken[0]!), lang);
    return out;
  }
  const next = Buffer.from(n.text, 'utf8');
  if (next.equals(Buffer.from(bytes))) return out;

  if (decoded.encoding === 'gb18030') out.notes.push(say(lang, 'gbk'));
  if (n.bomRemoved || decoded.encoding === 'utf-8-bom') out.notes.push(say(lang, 'bom'));
  if (n.crlf) out.notes.push(say(lang, 'crlf'));
  if (n.blankLinesRemoved) out.notes.push(say(lang, 'blank', { n: n.blankLinesRemoved }));
  if (n.reordered) out.notes.push(say(lang, 'reordered'));
  if (n.addedColumns.length) out.notes.push(say(lang, 'added', { columns: n.addedColumns.join(say(lang, 'listSep')) }));
  for (const c of n.changes) {
    out.notes.push(say(lang, 'change', { line: c.line, column: c.column, from: c.from, to: c.to }));
  }
  for (const l of n.keptAsGiven) {
    out.notes.push(
      say(lang, 'kept', { line: l }),
    );
  }
  out.backup = backupPath(full);
  writeFileSync(out.backup, bytes);
  writeFileSync(full, next);
  out.changed = true;
  return out;
}
