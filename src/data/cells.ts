/** Reading one row's cells with the contract's rules; each failure becomes a positioned problem. */
import type { Cell, TableRow } from './csv';
import { readNumber } from './numbers';
import { isSpace } from './whitespace';
import { problem } from './problems';
import type { Problem } from './types';

export const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** `s.trim() === s`, looking at the two ends only. */
export function isTrimmed(s: string): boolean {
  const n = s.length;
  return n === 0 || (!isSpace(s.charCodeAt(0)) && !isSpace(s.charCodeAt(n - 1)));
}

export class RowReader {
  ok = true;
  constructor(
    readonly file: string,
    readonly row: TableRow,
    readonly problems: Problem[],
  ) {}

  private at(name: string, c: Cell) {
    return { file: this.file, line: this.row.line, column: c.column, columnName: name, cell: c.raw };
  }

  error(name: string, code: Problem['code'], key: Parameters<typeof problem>[3], params = {}) {
    this.ok = false;
    this.problems.push(problem('error', code, this.at(name, this.row.cell(name)), key, params));
  }

  warn(name: string, code: Problem['code'], key: Parameters<typeof problem>[3], params = {}) {
    this.problems.push(problem('warning', code, this.at(name, this.row.cell(name)), key, params));
  }

  /** Trimmed text; trailing spaces are fixed with a warning. */
  text(name: string, required = false): string {
    const raw = this.row.rawOf(name);
    const text = raw.trim();
    if (text !== raw) this.warn(name, 'normalised', 'trimmed');
    if (required && text === '') this.error(name, 'required', 'required');
    return text;
  }

  id(name: string): string {
    const v = this.text(name, true);
    if (v !== '' && !ID.test(v)) this.error(name, 'id-format', 'id-format');
    return v;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[]): T {
    const v = this.text(name, true);
    if (v !== '' && !allowed.includes(v as T)) this.error(name, 'enum', 'enum', { allowed: allowed.join(', ') });
    return v as T;
  }

  /** A number cell; `null` when empty. Full-width digits and thousands separators are read with a warning. */
  number(name: string, unitHint = ''): number | null {
    const v = this.text(name);
    if (v === '') return null;
    const r = readNumber(v);
    if (r.ok) {
      if (r.fullWidth) this.warn(name, 'normalised', 'fullwidth', { fixed: r.text });
      if (r.grouped) this.warn(name, 'normalised', 'thousands', { fixed: r.text });
      return r.value;
    }
    if (r.reason === 'unit') this.error(name, 'unit-in-value', 'unit-in-value', { number: r.number, unit: r.unit || unitHint });
    else if (r.reason === 'exponent') this.error(name, 'number', 'exponent');
    else this.error(name, 'number', 'number');
    return null;
  }

  integer(name: string): number | null {
    const n = this.number(name);
    if (n !== null && !Number.isInteger(n)) {
      this.error(name, 'number', 'integer');
      return null;
    }
    return n;
  }
}
