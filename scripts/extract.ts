/**
 * npm run extract -- FILE --district ID [--source ID] [--published YYYY-MM-DD] [--data DIR]
 * Drafts observation rows from a report's plain text and prints them as CSV to stdout (the
 * observation columns, then name_as_written and confidence). Exit 0 when it ran, whatever it
 * found; exit 2 with one line on stderr when the input cannot be read (empty, binary, too large,
 * unknown encoding) or the arguments are wrong. A GBK text is decoded and said so on stderr.
 */
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { parseArgs } from './lib/args';
import { readCatalogue } from './lib/catalogue';
import { DEFAULT_DATA } from './lib/fsdata';
import { draftsToCsv, extractDrafts, MAX_REPORT_BYTES, readReport } from '../src/extract/index';
import { tooLarge } from '../src/extract/input';

const USAGE = 'usage: npm run extract -- FILE --district ID [--source ID] [--published YYYY-MM-DD] [--data DIR]';

function fail(message: string): never {
  process.stderr.write(`extract: ${message}\n`);
  process.exit(2);
}

let args;
try {
  args = parseArgs(process.argv.slice(2), ['district', 'source', 'published', 'data'], ['help']);
} catch (e) {
  fail(`${e instanceof Error ? e.message : String(e)}; ${USAGE}`);
}
if (args.flags.help) {
  console.log(USAGE);
  process.exit(0);
}
const file = args.positional[0];
if (!file || args.positional.length > 1) fail(`give one text file; ${USAGE}`);
const district = args.options.district;
if (!district) fail(`--district is required; ${USAGE}`);
if (!/^[a-z0-9-]+$/.test(district)) fail(`--district "${district}" is not an id (lowercase letters, digits and -)`);
const published = args.options.published;
if (published !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(published) || Number.isNaN(Date.parse(published)))) {
  fail(`--published "${published}" is not a date (YYYY-MM-DD)`);
}
if (!existsSync(file)) fail(`${file}: no such file`);
const stat = statSync(file);
if (!stat.isFile()) fail(`${file}: not a file`);
if (stat.size > MAX_REPORT_BYTES) {
  const r = tooLarge(stat.size);
  fail(`${file}: ${r.ok ? '' : r.message.en}`);
}
const bytes = new Uint8Array(stat.size);
const fd = openSync(file, 'r');
readSync(fd, bytes, 0, stat.size, 0);
closeSync(fd);
const input = readReport(bytes);
if (!input.ok) fail(`${file}: ${input.message.en}`);
if (input.note) process.stderr.write(`extract: ${file}: ${input.note.en}\n`);

const indicators = readCatalogue(args.options.data ?? DEFAULT_DATA);
if (indicators.length === 0) process.stderr.write('extract: no indicators.csv found; every row will have an empty indicator\n');
const result = extractDrafts(input.text, indicators, { district, source: args.options.source ?? '', published });
process.stdout.write(draftsToCsv(result.rows));
const high = result.rows.filter((r) => r.confidence === 'high').length;
process.stderr.write(`extract: ${result.rows.length} draft rows (${high} high) from ${result.lineCount} lines\n`);
