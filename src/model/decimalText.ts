/**
 * A number as Intl.NumberFormat writes it in 'zh-CN' or 'en-US' (at most so many decimals, with
 * or without grouping), without Intl. The first Intl object a page makes loads the browser's
 * locale data: on a slow phone about 100–150 ms, before the app's first figure could be drawn. Intl rounds the shortest decimal form of a double half away from
 * zero, and so does this. Returns null where it would not be sure to agree (exponent forms,
 * -0, a negative that rounds to zero, non-finite numbers): the caller then asks Intl.
 * tests/format.test.ts checks the agreement on random numbers.
 */
export interface DecimalOptions {
  maximumFractionDigits: number;
  useGrouping: boolean; // commas every three digits, as 'en-US' writes them
}

export function decimalText(x: number, { maximumFractionDigits: max, useGrouping }: DecimalOptions): string | null {
  if (!Number.isFinite(x) || Object.is(x, -0)) return null;
  const s = String(x); // the shortest decimal form that reads back as x
  if (s.includes('e')) return null;
  const negative = x < 0;
  const body = negative ? s.slice(1) : s;
  const dot = body.indexOf('.');
  let whole = dot < 0 ? body : body.slice(0, dot);
  let decimals = dot < 0 ? '' : body.slice(dot + 1);
  if (decimals.length > max) {
    const up = decimals.charCodeAt(max) >= 53; // '5' or more: away from zero
    decimals = decimals.slice(0, max);
    if (up) [whole, decimals] = addOneUlp(whole, decimals);
  }
  decimals = decimals.replace(/0+$/, '');
  if (negative && decimals === '' && /^0+$/.test(whole)) return null; // Intl writes "-0"
  if (useGrouping && whole.length > 3) whole = whole.replace(/\B(?=(\d{3})+$)/g, ',');
  return (negative ? '-' : '') + whole + (decimals ? '.' + decimals : '');
}

/** whole.decimals plus one in the last decimal place, carried leftwards. */
function addOneUlp(whole: string, decimals: string): [string, string] {
  const digits = (whole + decimals).split('');
  let i = digits.length - 1;
  while (i >= 0 && digits[i] === '9') digits[i--] = '0';
  if (i >= 0) digits[i] = String(Number(digits[i]) + 1);
  else digits.unshift('1');
  const cut = digits.length - decimals.length;
  return [digits.slice(0, cut).join(''), digits.slice(cut).join('')];
}
