/**
 * Does a quote hold a value: the number a row gives must be one its quote writes (a negative one
 * written with a sign or a word of decrease). quoteHoldsAt answers the same in place, faster.
 */
import { numbersIn, sameNumber } from '../numbers';

/** Words by which a report writes a negative figure without a minus sign (下降1.5% is −1.5). */
const FALL = /[-−－]|下降|减少|降低|下滑|回落|负增长|萎缩/;

/** The value is a number the quote holds; a negative value, its size with a sign or a word of decrease. */
export function quoteHolds(quote: string, value: number): boolean {
  const size = Math.abs(value);
  if (!numbersIn(quote).some((n) => sameNumber(n, size))) return false;
  return value >= 0 || FALL.test(quote);
}

const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

const isNumberChar = (c: number) => (c >= 48 && c <= 57) || c === 46 || c === 44 || (c >= 0xff0b && c <= 0xff19);

/**
 * quoteHolds for the value cell text[s, e) that reads as `value`, answered without reading every
 * number of the quote when the cell's digits stand in the quote as a number of their own (no
 * digit, point, comma or full-width digit beside them): numbersIn then finds exactly that number.
 */
export function quoteHoldsAt(quote: string, text: string, s: number, e: number, value: number): boolean {
  const c0 = text.charCodeAt(s);
  const n = e - s;
  if (c0 >= 48 && c0 <= 57) {
    // indexOf finds the first digit natively: about twice as fast as reading the quote here.
    const lead = DIGITS[c0 - 48]!;
    for (let i = quote.indexOf(lead); i >= 0 && i + n <= quote.length; i = quote.indexOf(lead, i + 1)) {
      let k = 1;
      while (k < n && quote.charCodeAt(i + k) === text.charCodeAt(s + k)) k++;
      if (k < n) continue;
      const end = i + n;
      if ((i === 0 || !isNumberChar(quote.charCodeAt(i - 1))) && (end === quote.length || !isNumberChar(quote.charCodeAt(end)))) return true;
    }
  }
  return quoteHolds(quote, value);
}
