/**
 * The streaming CSV scanner against d3-dsv's csvParseRows: the same rows on any text, and each
 * row's line the previous row's plus one plus the line breaks inside its cells.
 */
import { csvParseRows } from 'd3-dsv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellsOf, parseRowsWithLines, readCells, readTable, scanRows } from '../src/data/csv';
import { OBSERVATION_COLUMNS } from '../src/data/schema';

const SEED = Number(process.env.FUZZ_SEED ?? 20261128);
const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);
const params = { seed: SEED, numRuns: RUNS };
// A long run (FUZZ_RUNS=200000) takes minutes; give it room.
const TIMEOUT = Math.max(30_000, RUNS * 2);

function breaks(s: string): number {
  return s.match(/\r\n|\r|\n/g)?.length ?? 0;
}

/** What the reader gave before it streamed: d3-dsv's rows, lines counted afterwards. */
function reference(text: string): { line: number; cells: string[] }[] {
  let line = 1;
  return csvParseRows(text).map((cells) => {
    const r = { line, cells };
    line += 1 + cells.reduce((n, c) => n + breaks(c), 0);
    return r;
  });
}

const csvish = fc.string({
  unit: fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(',', '"', '""', '\n', '\r', '\r\n', '\n\r', '"\n', '\r"') },
    { weight: 4, arbitrary: fc.constantFrom('a', '1', ' ', '，', '万', '\t', '\u2028') },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 3 }) },
  ),
  maxLength: 200,
});

describe('scanRows', () => {
  it('gives d3-dsv’s rows with their lines on arbitrary text', () => {
    fc.assert(
      fc.property(fc.oneof(csvish, fc.string({ unit: 'binary', maxLength: 200 })), (text) => {
        expect(parseRowsWithLines(text)).toEqual(reference(text));
      }),
      params,
    );
  }, TIMEOUT);

  it('handles the edges of d3-dsv’s scan', () => {
    for (const text of ['', '\n', '\r', '\r\n', '\n\n', 'a', 'a\n', 'a\r\n\r\n', '"', '""', '"a', '"a"b,c', '"a""b"', 'a,"b\nc"\nd', '"\r"\r\n"x"', ',', ',\n,', 'a\n\r', '"a\n', 'x\n"a\n']) {
      expect(parseRowsWithLines(text), JSON.stringify(text)).toEqual(reference(text));
    }
  });

  it('hands each row over as soon as it is read', () => {
    const seen: number[] = [];
    scanRows('a\n"b\nc"\nd', (_, line) => seen.push(line));
    expect(seen).toEqual([1, 2, 4]);
  });
});

describe('readCells with a sink', () => {
  it('streams the rows readTable keeps, with the same problems', () => {
    const header = OBSERVATION_COLUMNS.join(',');
    fc.assert(
      fc.property(fc.boolean(), csvish, (withHeader, body) => {
        const text = withHeader ? `${header}\n${body}` : body;
        const whole = readTable('observations/2024.csv', text, OBSERVATION_COLUMNS);
        const streamed: { line: number; raw: string[] }[] = [];
        const t = readCells('observations/2024.csv', text, OBSERVATION_COLUMNS, () => ({ row: (t, b, n, line) => streamed.push({ line, raw: cellsOf(t, b, n) }) }));
        expect(t.problems).toEqual(whole.problems);
        expect(t.header).toEqual(whole.header);
        expect(t.readable).toBe(whole.readable);
        expect(streamed).toEqual(whole.rows.map((r) => ({ line: r.line, raw: r.raw })));
      }),
      params,
    );
  }, TIMEOUT);
});
