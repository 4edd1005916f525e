/**
 * Property tests of the data check: whatever staff (or a broken server) hand us, the readers
 * never throw and every problem points at a real place in the file. Fixed seed so a failure
 * reproduces; `FUZZ_RUNS=10000 npx vitest run tests/fuzz.test.ts` for a longer run.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRowsWithLines, readTable } from '../src/data/csv';
import { buildDataset, type RawFile } from '../src/data/dataset';
import { decodeBytes } from '../src/data/decode';
import { normaliseCsv } from '../src/data/normalise';
import { OBSERVATION_COLUMNS } from '../src/data/schema';
import type { Problem } from '../src/data/types';

const SEED = Number(process.env.FUZZ_SEED ?? 20261128);
const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const params = { seed: SEED, numRuns: RUNS };
// The long run takes minutes; give it room.
const TIMEOUT = Math.max(30_000, RUNS * 60);

const WORLD = join(__dirname, 'fixtures', 'world');
const ref = (f: string) => readFileSync(join(WORLD, f), 'utf8');
const REFERENCE: RawFile[] = [
  { path: 'districts.csv', text: ref('districts.csv') },
  { path: 'indicators.csv', text: ref('indicators.csv') },
  { path: 'sources.csv', text: ref('sources.csv') },
];

/** Lines a text has, counting \r\n, \n and a lone \r as one break each, as the reader does. */
function lineCount(text: string): number {
  const breaks = text.match(/\r\n|\r|\n/g)?.length ?? 0;
  return breaks + 1;
}

/** Problems that concern a whole file (a failed fetch, an undecodable file) may sit at 0:0. */
const FILE_LEVEL = new Set(['encoding', 'fetch', 'file-name']);

/**
 * Every problem is positioned within its file: line 1…lines(+1), column 0 (whole row) or a field
 * of the row. A file-level problem may use line 0.
 */
function expectPositioned(problems: Problem[], texts: Map<string, string>) {
  for (const p of problems) {
    const where = `${p.code} at ${p.file}:${p.line}:${p.column} — ${p.message}`;
    expect(Number.isInteger(p.line), where).toBe(true);
    expect(Number.isInteger(p.column), where).toBe(true);
    expect(p.message.length, where).toBeGreaterThan(0);
    expect(p.messageZh.length, where).toBeGreaterThan(0);
    expect(p.column, where).toBeGreaterThanOrEqual(0);
    const text = texts.get(p.file);
    if (FILE_LEVEL.has(p.code) && p.line === 0) {
      expect(p.column, where).toBe(0);
      continue;
    }
    expect(p.line, where).toBeGreaterThanOrEqual(1);
    if (text !== undefined) {
      expect(p.line, where).toBeLessThanOrEqual(lineCount(text) + 1);
      if (p.column > 0) {
        // The column is a field of the row that starts at that line.
        const row = parseRowsWithLines(text).find((r) => r.line === p.line);
        expect(row, where).toBeDefined();
        expect(p.column, where).toBeLessThanOrEqual(row!.cells.length);
      }
    }
  }
}

/** Text with the characters CSV readers trip over: quotes, commas, every kind of line end. */
const csvish = fc.string({
  unit: fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(',', '"', '\n', '\r', '\r\n', ' ', '\t', '\uFEFF', '，', '７', '万吨') },
    { weight: 4, arbitrary: fc.constantFrom('a', '1', '.', '-', '=', '~', '>', '<', 'target', 'actual', 'true') },
    { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 3 }) },
  ),
  maxLength: 300,
});
const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), csvish);
const header = OBSERVATION_COLUMNS.join(',');

describe('CSV reader on arbitrary text', () => {
  it('parseRowsWithLines never throws and lines increase within the file', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const rows = parseRowsWithLines(text);
        const n = lineCount(text);
        let last = 0;
        for (const r of rows) {
          expect(r.line).toBeGreaterThan(last);
          expect(r.line).toBeLessThanOrEqual(n + 1);
          last = r.line;
        }
      }),
      params,
    );
  }, TIMEOUT);

  it('readTable never throws and positions every problem', () => {
    fc.assert(
      fc.property(fc.boolean(), anyText, (withHeader, body) => {
        const text = withHeader ? `${header}\n${body}` : body;
        const t = readTable('observations/2024.csv', text, OBSERVATION_COLUMNS);
        expectPositioned(t.problems, new Map([['observations/2024.csv', text]]));
        for (const row of t.rows) {
          expect(row.raw.length).toBe(t.header.length);
          for (const c of OBSERVATION_COLUMNS) expect(row.cell(c).column).toBeGreaterThanOrEqual(1);
        }
      }),
      params,
    );
  }, TIMEOUT);
});

describe('decoding arbitrary bytes', () => {
  it('never throws; unknown bytes give no text and an error', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        const d = decodeBytes('observations/2024.csv', bytes);
        expect(typeof d.text).toBe('string');
        if (d.encoding === 'unknown') {
          expect(d.text).toBe('');
          expect(d.problems.some((p) => p.severity === 'error')).toBe(true);
        }
        expectPositioned(d.problems, new Map());
      }),
      params,
    );
  }, TIMEOUT);
});

/** A cell that is nearly right: the value domains staff type, plus their usual slips. */
const cell = {
  district: fc.constantFrom('tumed-left', 'yuquan', 'hohhot', 'nowhere', 'Tumed-Left', '', ' yuquan '),
  indicator: fc.constantFrom('grain-output', 'gdp-growth', 'aq-good-days', 'grain', '', 'GDP'),
  year: fc.constantFrom('2024', '2023', '２０２４', '24', '', 'x'),
  kind: fc.constantFrom('target', 'actual', 'Target', '', 'plan'),
  comparator: fc.constantFrom('=', '~', '>=', '>', '<=', '<', 'text', '≥', '', '=>'),
  value: fc.oneof(
    fc.constantFrom('72', '6.5', '', '７２', '1,010', '72万吨', '-3', '1e3', 'NaN', 'Infinity', '.'),
    fc.double({ noNaN: false }).map(String),
  ),
  unit: fc.constantFrom('万吨', '吨', '%', '天', '', '亿元', 'kg'),
  estimate: fc.constantFrom('true', 'false', 'TRUE', '', 'yes'),
  source: fc.constantFrom('tumed-left-report-2025', 'tumed-left-news-2024', '', 'unknown-src'),
  line: fc.constantFrom('', '1', '3', '0', '-1', '99999', 'x'),
  quote: fc.oneof(fc.constantFrom('粮食产量72万吨', '', '增长6.5%左右'), fc.string({ maxLength: 40 })),
  note: fc.oneof(fc.constant(''), fc.string({ maxLength: 40 })),
  note_en: fc.oneof(fc.constant(''), fc.string({ maxLength: 40 })),
  remark: fc.oneof(fc.constant(''), fc.string({ maxLength: 40 })),
} as const;
const row = fc.tuple(...OBSERVATION_COLUMNS.map((c) => cell[c]));
const quoteCsv = (s: string) => (/[",\r\n]/.test(s) || s.trim() !== s ? `"${s.replace(/"/g, '""')}"` : s);

describe('buildDataset', () => {
  it('never throws on arbitrary text or bytes for a yearly file', () => {
    fc.assert(
      fc.property(fc.oneof(anyText.map((text) => ({ text })), fc.uint8Array({ maxLength: 500 }).map((bytes) => ({ bytes }))), (f) => {
        const file: RawFile = { path: 'observations/2024.csv', ...f };
        const ds = buildDataset([...REFERENCE, file]);
        const texts = new Map(REFERENCE.map((r) => [r.path, r.text!]));
        if ('text' in f) texts.set(file.path, f.text.replace(/^\uFEFF/, ''));
        else {
          const d = decodeBytes(file.path, f.bytes);
          if (d.encoding !== 'unknown') texts.set(file.path, d.text);
        }
        expectPositioned(ds.problems, texts);
      }),
      params,
    );
  }, TIMEOUT);

  it('arbitrary rows of valid-ish cells: each row is kept or reported at its own line', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 25 }), fc.boolean(), (rows, crlf) => {
        const eol = crlf ? '\r\n' : '\n';
        const text = [header, ...rows.map((r) => r.map(quoteCsv).join(','))].join(eol) + eol;
        const ds = buildDataset([...REFERENCE, { path: 'observations/2024.csv', text }]);
        expectPositioned(ds.problems, new Map([...REFERENCE.map((r) => [r.path, r.text!] as const), ['observations/2024.csv', text]]));
        const starts = new Set(parseRowsWithLines(text).map((r) => r.line));
        const yearly = ds.problems.filter((p) => p.file === 'observations/2024.csv' && p.line > 1);
        for (const p of yearly) expect(starts.has(p.line), `${p.code} at line ${p.line}`).toBe(true);
        // No row silently dropped: every data row either became an observation or has an error.
        const kept = new Set(ds.observations.map((o) => o.origin.line));
        const erred = new Set(yearly.filter((p) => p.severity === 'error').map((p) => p.line));
        const dataLines = parseRowsWithLines(text).slice(1).filter((r) => r.cells.some((c) => c.trim() !== '')).map((r) => r.line);
        for (const l of dataLines) expect(kept.has(l) || erred.has(l), `line ${l} neither kept nor reported`).toBe(true);
        for (const o of ds.observations) {
          expect(o.year).toBe(2024);
          if (o.comparator !== 'text') expect(Number.isFinite(o.value)).toBe(true);
        }
      }),
      params,
    );
  }, TIMEOUT);
});

describe('source links', () => {
  it('only http(s) addresses become links, whatever the url cell holds', async () => {
    const { safeHref } = await import('../src/ui/SourceNote');
    const scheme = fc.constantFrom('javascript:', 'JavaScript:', ' javascript:', 'java\tscript:', 'data:text/html,', 'vbscript:', 'http://', 'https://', 'HTTPS://', '//', 'ftp://', '');
    fc.assert(
      fc.property(scheme, fc.string({ maxLength: 60 }), (s, rest) => {
        const href = safeHref(s + rest);
        if (href !== null) expect(href).toMatch(/^https?:\/\//);
      }),
      params,
    );
    expect(safeHref('javascript:window.__pwned=1')).toBeNull();
    expect(safeHref('https://example.org/a?b=1')).toBe('https://example.org/a?b=1');
  }, TIMEOUT);
});

describe('normalise, then check again', () => {
  // A static import: were the module renamed or gone, this file fails instead of skipping the property.
  const normalise = normaliseCsv;
  it('normalising twice gives the same text, and the result reads without throwing', () => {
    fc.assert(
      fc.property(fc.oneof(anyText.map((b) => `${header}\n${b}`), fc.array(row, { maxLength: 12 }).map((rs) => [header, ...rs.map((r) => r.map(quoteCsv).join(','))].join('\r\n'))), (text) => {
        const once = normalise(text, 'observations').text;
        const twice = normalise(once, 'observations').text;
        expect(twice).toBe(once);
        const ds = buildDataset([...REFERENCE, { path: 'observations/2024.csv', text: once }]);
        expectPositioned(ds.problems, new Map([['observations/2024.csv', once]]));
        // Normalising never turns a good row bad: the rows with errors after it (by their
        // position among the data rows) had errors before. Blank lines removed shift lines, so
        // compare by row order.
        const errorRows = (t: string, ps: Problem[]) => {
          const order = parseRowsWithLines(t).filter((r) => r.cells.some((c) => c.trim() !== '')).map((r) => r.line);
          const bad = new Set(ps.filter((p) => p.severity === 'error' && p.file === 'observations/2024.csv').map((p) => p.line));
          return order.map((l, i) => (bad.has(l) ? i : -1)).filter((i) => i >= 0);
        };
        const before = new Set(errorRows(text, buildDataset([...REFERENCE, { path: 'observations/2024.csv', text }]).problems));
        for (const i of errorRows(once, ds.problems)) expect(before.has(i), `row ${i} became bad`).toBe(true);
      }),
      params,
    );
  }, TIMEOUT);
});
