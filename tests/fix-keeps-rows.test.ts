/**
 * The promise of `check-data --fix` and the check page's normalised download, as properties on
 * random files with random staff mistakes mixed in (BOM, CRLF, blank lines, spaces, full-width
 * digits, Excel's TRUE, ≥, a unit in the value, columns moved or added, a stray comma, a stray
 * quote): for every file the check can read, every row is kept, every quote byte for byte, and
 * every other cell that differs is listed as a change at its line; a file whose structure a
 * quote breaks is not rewritten at all, and --fix refuses it naming the line.
 */
import { csvFormatRows } from 'd3-dsv';
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { brokenQuotes, parseRowsWithLines } from '../src/data/csv';
import { normaliseCsv } from '../src/data/normalise';
import { OBSERVATION_COLUMNS } from '../src/data/schema';
import { checkFiles } from '../src/data/worker/checkFiles';
import { fixFile } from '../scripts/lib/fix';
import { worldFiles } from './world.sample';

const free = fc.string({ unit: fc.constantFrom('a', '粮', '7', '７', ',', '"', '\n', '\r', ' ', '.', '%', '≥', '-', 'e', '\t', '万'), maxLength: 12 });
const cellOf: Record<string, fc.Arbitrary<string>> = {
  district: fc.constantFrom('tumed-left', ' tumed-left', 'Tumed-Left', 'x'),
  indicator: fc.constantFrom('grain-output', 'gdp-growth', 'grain-output '),
  year: fc.constantFrom('2025', '２０２５', ' 2025', '', '2025.0'),
  kind: fc.constantFrom('target', 'actual', 'Target'),
  comparator: fc.constantFrom('>=', '≥', '~', '＞＝', 'text', ''),
  value: fc.oneof(fc.constantFrom('72', '７２', '1,010', ' 8 ', '73万吨', '1e3', '-3.5', ''), free),
  unit: fc.constantFrom('万吨', '%', '', ' 万吨'),
  estimate: fc.constantFrom('true', 'false', 'TRUE', 'False', ''),
  source: fc.constantFrom('tumed-left-report-2025', 's'),
  line: fc.constantFrom('8', '８', '', '1,2'),
  quote: free,
  note: fc.oneof(fc.constant(''), free),
  note_en: fc.oneof(fc.constant(''), free),
  remark: fc.oneof(fc.constant(''), free),
};

interface Mistakes {
  bom: boolean;
  crlf: boolean;
  blanks: number[];
  /** Rows given one cell too many (an unquoted comma). */
  strayComma: number[];
  /** [row, offset] where a stray " is typed into a line. */
  strayQuote: [number, number][];
  order: number[];
  extra: boolean;
}

const fileArb = fc
  .record({
    rows: fc.array(fc.record(Object.fromEntries(OBSERVATION_COLUMNS.map((c) => [c, cellOf[c]!])) as Record<string, fc.Arbitrary<string>>), { minLength: 1, maxLength: 8 }),
    mistakes: fc.record({
      bom: fc.boolean(),
      crlf: fc.boolean(),
      blanks: fc.array(fc.nat(10), { maxLength: 3 }),
      strayComma: fc.array(fc.nat(10), { maxLength: 2 }),
      strayQuote: fc.array(fc.tuple(fc.nat(10), fc.nat(120)), { maxLength: 1 }),
      order: fc.shuffledSubarray([...OBSERVATION_COLUMNS.keys()], { minLength: OBSERVATION_COLUMNS.length }),
      extra: fc.boolean(),
    }),
  })
  .map(({ rows, mistakes }) => ({ text: fileText(rows, mistakes), rows, mistakes }));

function fileText(rows: Record<string, string>[], m: Mistakes): string {
  const names = m.order.map((i) => OBSERVATION_COLUMNS[i]!);
  const header = m.extra ? [...names, 'remark2'] : names;
  let lines = [csvFormatRows([header]), ...rows.map((r, k) => csvFormatRows([header.map((c) => (c === 'remark2' ? `r${k}` : r[c]!))]))];
  lines = lines.map((l, k) => (k > 0 && m.strayComma.includes(k) ? `${l},stray` : l));
  for (const [k, at] of m.strayQuote) {
    const i = 1 + (k % (lines.length - 1 || 1));
    const l = lines[i]!;
    lines[i] = l.slice(0, at % (l.length + 1)) + '"' + l.slice(at % (l.length + 1));
  }
  for (const b of m.blanks) lines.splice(1 + (b % lines.length), 0, '');
  const eol = m.crlf ? '\r\n' : '\n';
  return (m.bom ? '\ufeff' : '') + lines.join(eol) + eol;
}

/** Rows as the check reads them: blank ones left out. */
const rowsOf = (text: string) => parseRowsWithLines(text.replace(/^\ufeff/, '')).filter((r) => r.cells.some((c) => c.trim() !== ''));

/** Header cell → position, as the normaliser places columns (exact names first). */
function positions(header: string[]): Map<string, number> {
  const at = new Map<string, number>();
  header.forEach((h, i) => {
    const n = h.trim();
    if (!at.has(n)) at.set(n, i);
  });
  return at;
}

/** Every row kept, every quote unchanged, every other changed cell listed at its line. */
function keepsEverything(input: string, typed: Record<string, string>[] | null): void {
  const n = normaliseCsv(input, 'observations');
  // Told apart here, not by the normaliser's own word: a broken file comes back as given.
  if (brokenQuotes(input.replace(/^\ufeff/, '')).length > 0) {
    expect(n.broken.length).toBeGreaterThan(0);
    expect(n.text).toBe(input);
    return;
  }
  if (typed !== null) {
    // No stray quote typed: the rows read back are the rows typed, each quote as typed.
    const out = rowsOf(n.text);
    const q = out[0]!.cells.indexOf('quote');
    const nonBlank = typed.filter((r) => OBSERVATION_COLUMNS.some((c) => r[c]!.trim() !== ''));
    expect(out.slice(1).map((r) => r.cells[q] ?? r.cells[OBSERVATION_COLUMNS.indexOf('quote')])).toEqual(nonBlank.map((r) => r.quote));
  }
  const given = rowsOf(input);
  const made = rowsOf(n.text);
  expect(made.length).toBe(given.length);
  const inAt = positions(given[0]!.cells);
  const outHeader = made[0]!.cells;
  const kept = new Set(n.keptAsGiven);
  for (let k = 1; k < given.length; k++) {
    const g = given[k]!;
    const o = made[k]!.cells;
    if (kept.has(g.line)) {
      expect(o).toEqual(g.cells);
      continue;
    }
    expect(o.length).toBe(outHeader.length);
    outHeader.forEach((name, j) => {
      const i = inAt.get(name);
      const before = i === undefined ? '' : g.cells[i]!;
      if (name === 'quote') expect(o[j]).toBe(before);
      if (o[j] === before) return;
      expect(n.changes).toContainEqual({ line: g.line, column: name, from: before, to: o[j] });
    });
  }
}

describe('--fix and the normalised download keep every row and every quote', { timeout: 120_000 }, () => {
  it('for random files with random mistakes (property)', () => {
    fc.assert(
      fc.property(fileArb, ({ text, rows, mistakes }) => keepsEverything(text, mistakes.strayQuote.length ? null : rows)),
      { numRuns: 400 },
    );
  });

  it('the check page offers exactly that file, or none when a quote breaks the structure (property)', () => {
    const published = worldFiles();
    fc.assert(
      fc.property(fileArb, ({ text }) => {
        const r = checkFiles(published, [{ name: '2025.csv', bytes: new TextEncoder().encode(text) }]);
        const n = normaliseCsv(text, 'observations');
        expect(r.files[0]!.normalised?.text ?? null).toBe(n.broken.length ? null : n.text);
      }),
      { numRuns: 40 },
    );
  });

  it('a quote opened and never closed is always refused by --fix with its line, the file unchanged (property)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fix-refuses-'));
    try {
      fc.assert(
        fc.property(fileArb, fc.nat(), ({ text }, pick) => {
          // A well-formed file, and a row added with a quote typed at the start of one of its cells.
          fc.pre(brokenQuotes(text.replace(/^\ufeff/, '')).length === 0);
          const cells = ['tumed-left', 'grain-output', '2025', 'target', '>=', '72', '万吨', 'false', 's', '8', '粮食72万吨', ''];
          const k = pick % cells.length;
          cells[k] = `"${cells[k]}`;
          const broken = `${text}${cells.join(',')}\n`;
          const b = brokenQuotes(broken.replace(/^\ufeff/, ''));
          expect(b.at(-1)?.close).toBe(0);
          const file = join(dir, '2025.csv');
          writeFileSync(file, broken);
          const out = fixFile(file, 'observations/2025.csv');
          expect(out.changed).toBe(false);
          expect(out.refused).toMatch(/^line \d+, column \d+: /);
          expect(out.refused).toContain(`line ${b[0]!.from}, column ${b[0]!.column}:`);
          expect(readFileSync(file, 'utf8')).toBe(broken);
        }),
        { numRuns: 60 },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
