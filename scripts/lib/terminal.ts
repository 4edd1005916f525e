/**
 * Text for the terminal: a cell may hold escape sequences, carriage returns or other control
 * characters, which a terminal would obey (clear the screen, overwrite a line with a fake "All
 * data OK"). Every line the tools print goes through `printable`, which shows them as escapes.
 */

/** C0 and C1 controls, DEL, and the bidirectional overrides and isolates that reorder a line. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\u001b': '\\e' };

/** `s` with each control character written as an escape (\e, \r, \n, \t, \u202e …). */
export function printable(s: string): string {
  return s.replace(CONTROL, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Print one line, its control characters escaped. */
export function say(line: string): void {
  console.log(printable(line));
}

/** A mistake in how the tool was called: one line on stderr, exit status 2. */
export function usageError(message: string, usage: string): never {
  console.error(printable(message));
  console.error(usage.split('\n')[0]);
  process.exit(2);
}
