/**
 * Reading numbers as staff type them in Excel: full-width digits (７２), thousands
 * separators (1,010), a unit stuck to the number (72万吨 — refused, but named).
 */

const FULL_WIDTH = /[\uff10-\uff19\uff0e\uff0c\uff0d\uff0b]/g;

const ANY_FULL_WIDTH = /[\uff0b-\uff19]/;

export function halfWidth(s: string): string {
  // Nearly every cell is plain ASCII: a test is cheaper than a replace with a callback.
  if (!ANY_FULL_WIDTH.test(s)) return s;
  return s.replace(FULL_WIDTH, (c) => {
    const code = c.charCodeAt(0);
    if (code === 0xff0e) return '.';
    if (code === 0xff0c) return ',';
    if (code === 0xff0d) return '-';
    if (code === 0xff0b) return '+';
    return String.fromCharCode(code - 0xff10 + 48);
  });
}

const PLAIN = /^[+-]?(\d+(\.\d+)?|\.\d+)$/;
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const WITH_UNIT = /^([+-]?\d[\d,]*(?:\.\d+)?)\s*([^\d\s.,+-].*)$/;

export type NumberReading =
  | { ok: true; value: number; text: string; fullWidth: boolean; grouped: boolean }
  | { ok: false; reason: 'not-a-number' }
  | { ok: false; reason: 'unit'; number: string; unit: string };

export function readNumber(cell: string): NumberReading {
  // The common case first: a plain number, as typed (no trimming, no full-width digits).
  if (PLAIN.test(cell)) return { ok: true, value: Number(cell), text: cell, fullWidth: false, grouped: false };
  const half = halfWidth(cell.trim());
  const fullWidth = half !== cell.trim();
  if (PLAIN.test(half)) return { ok: true, value: Number(half), text: half, fullWidth, grouped: false };
  if (GROUPED.test(half)) {
    const text = half.replace(/,/g, '');
    return { ok: true, value: Number(text), text, fullWidth, grouped: true };
  }
  const m = WITH_UNIT.exec(half);
  if (m) return { ok: false, reason: 'unit', number: m[1]!.replace(/,/g, ''), unit: m[2]!.trim() };
  return { ok: false, reason: 'not-a-number' };
}

/** Every number written in a text (a quote), full-width and grouped digits read as numbers. */
export function numbersIn(text: string): number[] {
  const h = halfWidth(text);
  const half = h.includes(',') ? h.replace(/(\d),(?=\d{3}(?!\d))/g, '$1') : h;
  return (half.match(/\d+(?:\.\d+)?/g) ?? []).map(Number);
}

export function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}
