/**
 * What the loader finds across rows, against plain definitions: duplicates by a key string per
 * file, conflicts by grouping the kept figures, and sources.csv read row by row with RowReader.
 * The loader does these with numbered ids, tables filled as rows are kept and a fast path for
 * clean rows; each must give what the plain way gives, on any input.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quotedBit, readTable, scanCells } from '../src/data/csv';
import { buildDataset, type RawFile } from '../src/data/dataset';
import { SOURCE_COLUMNS } from '../src/data/schema';
import { SOURCE_KINDS, type Observation, type Problem, type Source } from '../src/data/types';
import { readSources, sourceOfRow, uniqueIds } from '../src/data/validate';

const SEED = Number(process.env.FUZZ_SEED ?? 20261128);
const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const params = { seed: SEED, numRuns: RUNS };
const TIMEOUT = Math.max(60_000, RUNS * 20);

const WORLD = join(__dirname, 'fixtures/world');
const reference = ['districts.csv', 'indicators.csv', 'sources.csv'].map((path) => ({ path, text: readFileSync(join(WORLD, path), 'utf8') }));

const HEADER = 'district,indicator,year,kind,comparator,value,unit,estimate,source,line,quote,note';
const UNITS: Record<string, string[]> = { 'gdp-growth': ['%'], 'grain-output': ['万吨', '吨'], 'aq-good-days': ['天'] };

/** A row the check keeps: known ids, the value in its quote; the news source has no text, so no line. */
const row = fc.record({
  district: fc.constantFrom('tumed-left', 'yuquan', 'hohhot'),
  indicator: fc.constantFrom('gdp-growth', 'grain-output', 'aq-good-days'),
  kind: fc.constantFrom('target', 'actual'),
  comparator: fc.constantFrom('=', '~', '>=', 'text'),
  value: fc.constantFrom('6', '6.5', '73', '72', '297'),
  unitPick: fc.nat(1),
  source: fc.constantFrom('tumed-left-report-2025', 'tumed-left-news-2024'),
});
type GenRow = typeof row extends fc.Arbitrary<infer T> ? T : never;

function csvOf(year: number, rows: GenRow[]): string {
  const lines = rows.map((r) => {
    const text = r.comparator === 'text';
    const units = UNITS[r.indicator]!;
    const unit = text ? '' : units[r.unitPick % units.length]!;
    const line = r.source === 'tumed-left-report-2025' ? '8' : '';
    const quote = text ? '加快发展' : `达${r.value}`;
    return [r.district, r.indicator, year, r.kind, r.comparator, text ? '' : r.value, unit, 'false', r.source, line, quote, ''].join(',');
  });
  return [HEADER, ...lines].join('\n') + '\n';
}

describe('duplicates and conflicts', () => {
  it('are what a key string per row finds', () => {
    const years = fc.array(row, { maxLength: 40 });
    fc.assert(
      fc.property(years, years, (a, b) => {
        const files: RawFile[] = [...reference, { path: 'observations/2024.csv', text: csvOf(2024, a) }, { path: 'observations/2025.csv', text: csvOf(2025, b) }];
        const ds = buildDataset(files);

        // Duplicates: per file, the later of two rows with the same key.
        const kept: [string, number][] = [];
        const dups: [string, number, string][] = [];
        for (const [file, year, rows] of [['observations/2024.csv', 2024, a], ['observations/2025.csv', 2025, b]] as const) {
          const first = new Map<string, number>();
          rows.forEach((r, i) => {
            const line = i + 2;
            const key = `(${r.district}, ${r.indicator}, ${year}, ${r.kind}, ${r.source})`;
            const at = first.get(key);
            if (at === undefined) {
              first.set(key, line);
              kept.push([file, line]);
            } else dups.push([file, line, `${key} already appears at line ${at}.`]);
          });
        }
        expect(ds.observations.map((o) => [o.origin.file, o.origin.line])).toEqual(kept);
        const found = ds.problems.filter((p) => p.code === 'duplicate');
        expect(found.map((p) => [p.file, p.line])).toEqual(dups.map(([f, l]) => [f, l]));
        found.forEach((p, i) => expect(p.message).toContain(dups[i]![2]));
        expect(ds.problems.filter((p) => p.severity === 'error' && p.code !== 'duplicate')).toEqual([]);

        // Conflicts: kept figures of one (district, indicator, year, kind) that differ.
        const groups = new Map<string, Observation[]>();
        for (const o of ds.observations) {
          const key = `(${o.district}, ${o.indicator}, ${o.year}, ${o.kind})`;
          groups.set(key, [...(groups.get(key) ?? []), o]);
        }
        const conflicting = [...groups].filter(([, g]) => new Set(g.map((o) => `${o.comparator}${o.canonicalValue ?? ''}`)).size > 1).map(([k]) => k);
        const flagged = ds.problems.filter((p) => p.code === 'conflict').map((p) => /disagree on (\(.*?\)):/.exec(p.message)![1]!);
        expect(flagged.sort()).toEqual(conflicting.sort());
      }),
      params,
    );
  }, TIMEOUT);
});

/** readSources as it was before its fast path: every row through RowReader. */
function sourcesByRowReader(file: string, text: string, districtIds: Set<string>): { rows: Source[]; problems: Problem[] } {
  const t = readTable(file, text, SOURCE_COLUMNS);
  const problems = [...t.problems];
  const rows: Source[] = [];
  for (const row of t.rows) {
    const s = sourceOfRow(file, row, problems, districtIds);
    if (s) rows.push(s);
  }
  return { rows: uniqueIds(file, rows, problems), problems };
}

describe('readSources', () => {
  const near = (good: string[], bad: string[]) => fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...good) }, { weight: 1, arbitrary: fc.constantFrom(...bad) });
  const source = fc.tuple(
    near(['s1', 's2', 'a-report-2025'], ['', 'S1', ' s1', 's1 ', 'a--b', 's_1']),
    near(['报告', '标题，含逗号'], ['', ' 报告', '报告\u3000']),
    near(['政府', ''], [' 政府', '政府\t']),
    near(['a', 'b'], ['', 'zz', ' a', 'A']),
    near(['2024-12-26', '2024-02-29'], ['', '2023-02-29', '2024-1-1', ' 2024-01-01', '2024-13-01', '２０２４-01-01']),
    near([...SOURCE_KINDS], ['', 'News', ' news', 'report']),
    near(['report.txt', ''], ['a b.txt', ' r.txt', 'r.txt\u00a0', '报告.txt']),
    near(['http://example.org/x', ''], ['ftp://x', 'http://', ' http://x', 'HTTPS://X', 'http://a b']),
  );
  const q = (s: string) => (/[",\r\n]/.test(s) || s.trim() !== s ? `"${s.replace(/"/g, '""')}"` : s);

  it('reads every row as RowReader reads it', () => {
    fc.assert(
      fc.property(fc.array(source, { maxLength: 30 }), fc.boolean(), (rows, crlf) => {
        const eol = crlf ? '\r\n' : '\n';
        const text = [SOURCE_COLUMNS.join(','), ...rows.map((r) => r.map(q).join(','))].join(eol) + eol;
        const ids = new Set(['a', 'b']);
        expect(readSources('sources.csv', text, ids)).toEqual(sourcesByRowReader('sources.csv', text, ids));
      }),
      params,
    );
  }, TIMEOUT);
});

describe('scanCells', () => {
  it('marks exactly the quoted cells in its mask', () => {
    const cellish = fc.oneof(fc.constantFrom('', 'a', '"q"', '"a,b"', '"x""y"', '"l\nm"', ' "s"'), fc.string({ maxLength: 3 }));
    fc.assert(
      fc.property(fc.array(fc.array(cellish, { minLength: 1, maxLength: 40 }), { maxLength: 6 }), (rows) => {
        const text = rows.map((r) => r.join(',')).join('\n');
        scanCells(text, {
          cells(b, n, _line, quoted) {
            let want = 0;
            for (let k = 0; k < n; k++) if (b[2 * k]! < 0) want |= quotedBit(k);
            expect(quoted).toBe(want);
          },
        });
      }),
      params,
    );
  }, TIMEOUT);
});
