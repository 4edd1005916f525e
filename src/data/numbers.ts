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

/** Powers of ten that a double holds exactly. */
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * `PLAIN.test(x) ? Number(x) : NaN` for x = text.slice(s, e), read in place without making the
 * string. With at most 15 digits, the digits as a whole number m and the count k after the
 * point give Number()'s value as m / 10^k: both are exact doubles and one division rounds
 * correctly, as Number() does.
 */
export function plainNumberAt(text: string, s: number, e: number): number {
  let i = s;
  let c = i < e ? text.charCodeAt(i) : -1;
  const negative = c === 45;
  if (negative || c === 43) i++;
  let m = 0;
  const start = i;
  for (; i < e; i++) {
    c = text.charCodeAt(i);
    if (c < 48 || c > 57) break;
    m = m * 10 + (c - 48);
  }
  const whole = i - start;
  let fraction = 0;
  if (i < e) {
    if (c !== 46) return NaN;
    const point = ++i;
    for (; i < e; i++) {
      c = text.charCodeAt(i);
      if (c < 48 || c > 57) return NaN;
      m = m * 10 + (c - 48);
    }
    fraction = i - point;
    if (fraction === 0) return NaN;
  } else if (whole === 0) return NaN;
  if (whole + fraction > 15) return Number(text.slice(s, e));
  const v = fraction === 0 ? m : m / POW10[fraction]!;
  return negative ? -v : v;
}

/** `PLAIN.test(s)` by hand: the check runs on most cells of every row. */
export function isPlainNumber(s: string): boolean {
  const n = s.length;
  let i = 0;
  let c = s.charCodeAt(0);
  if (c === 43 || c === 45) c = s.charCodeAt(++i);
  const start = i;
  while (c >= 48 && c <= 57) c = s.charCodeAt(++i);
  const whole = i - start;
  if (i === n) return whole > 0;
  if (c !== 46) return false;
  c = s.charCodeAt(++i);
  const point = i;
  while (c >= 48 && c <= 57) c = s.charCodeAt(++i);
  return i > point && i === n;
}
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const EXPONENT = /^[+-]?(\d+(\.\d*)?|\.\d+)[eE][+-]?\d+$/;
const WITH_UNIT = /^([+-]?\d[\d,]*(?:\.\d+)?)\s*([^\d\s.,+-].*)$/;

export type NumberReading =
  | { ok: true; value: number; text: string; fullWidth: boolean; grouped: boolean }
  | { ok: false; reason: 'not-a-number' | 'exponent' }
  | { ok: false; reason: 'unit'; number: string; unit: string };

export function readNumber(cell: string): NumberReading {
  // The common case first: a plain number, as typed (no trimming, no full-width digits).
  if (isPlainNumber(cell)) return { ok: true, value: Number(cell), text: cell, fullWidth: false, grouped: false };
  const half = halfWidth(cell.trim());
  const fullWidth = half !== cell.trim();
  if (PLAIN.test(half)) return { ok: true, value: Number(half), text: half, fullWidth, grouped: false };
  if (GROUPED.test(half)) {
    const text = half.replace(/,/g, '');
    return { ok: true, value: Number(text), text, fullWidth, grouped: true };
  }
  // 1e309 is a number in scientific notation, not 1 with the unit e309.
  if (EXPONENT.test(half)) return { ok: false, reason: 'exponent' };
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

/**
 * Why a value is implausible for a figure in `unit`, or null: no rate or share of a county's
 * report goes beyond ±1,000 %, and no figure reaches a trillion in its own unit (万吨, 亿元 …).
 */
export function implausible(value: number, unit: string): { en: string; zh: string } | null {
  const size = Math.abs(value);
  if (unit.trim() === '%') return size > 1000 ? { en: 'a rate or share beyond ±1,000 %', zh: '比率或占比超过 ±1000%' } : null;
  return size >= 1e12 ? { en: 'a figure of a trillion or more in its unit', zh: '以其单位计达万亿以上' } : null;
}
