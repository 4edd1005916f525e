/**
 * The loader's fast checks against the plain definitions they stand for: each must give the
 * same answer on any input, or the data check would report differently.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvParseRows } from 'd3-dsv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, generate } from '../scripts/lib/synthetic';
import { isTrimmed } from '../src/data/cells';
import { buildDataset } from '../src/data/dataset';
import { textsInMemory } from '../src/data/quotes';
import { isPlainNumber, plainNumberAt } from '../src/data/numbers';
import { isIsoDate, quoteHolds, quoteHoldsAt } from '../src/data/validate';

const SEED = Number(process.env.FUZZ_SEED ?? 20261128);
const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);
const params = { seed: SEED, numRuns: RUNS };
const TIMEOUT = Math.max(30_000, RUNS * 2);

const PLAIN = /^[+-]?(\d+(\.\d+)?|\.\d+)$/;
const numberish = fc.string({ unit: fc.constantFrom('0', '1', '5', '9', '.', '-', '+', 'e', ' ', ',', '７', '０'), maxLength: 24 });

describe('isTrimmed', () => {
  it('is s.trim() === s for every UTF-16 code unit at either end', () => {
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      for (const s of [ch, `a${ch}`, `${ch}a`, `${ch}a${ch}`]) {
        if (isTrimmed(s) !== (s.trim() === s)) throw new Error(`differs at U+${c.toString(16)}: ${JSON.stringify(s)}`);
      }
    }
    expect(isTrimmed('')).toBe(true);
  });
});

describe('plain numbers', () => {
  it('isPlainNumber is the PLAIN pattern', () => {
    fc.assert(
      fc.property(numberish, (s) => {
        expect(isPlainNumber(s)).toBe(PLAIN.test(s));
      }),
      params,
    );
  }, TIMEOUT);

  it('plainNumberAt reads in place exactly what Number() reads', () => {
    const decimal = fc
      .tuple(fc.constantFrom('', '-', '+'), fc.stringMatching(/^\d{0,17}$/), fc.option(fc.stringMatching(/^\d{0,17}$/)))
      .map(([sign, a, b]) => (b === null ? `${sign}${a}` : `${sign}${a}.${b}`));
    const number = fc.oneof(numberish, decimal, fc.double({ noNaN: true }).map(String));
    fc.assert(
      fc.property(number, fc.string({ maxLength: 3 }), fc.string({ maxLength: 3 }), (s, before, after) => {
        const text = before + s + after;
        const got = plainNumberAt(text, before.length, before.length + s.length);
        expect(Object.is(got, PLAIN.test(s) ? Number(s) : NaN), `${JSON.stringify(s)} → ${got}`).toBe(true);
      }),
      { ...params, numRuns: RUNS * 10 },
    );
  }, TIMEOUT);
});

describe('quoteHoldsAt', () => {
  it('answers as quoteHolds', () => {
    const quote = fc.string({
      unit: fc.constantFrom('1', '2', '6', '5', '.', ',', '０', '６', '．', '，', '增长', '下降', '%', '万吨', ' ', '-', '−'),
      maxLength: 30,
    });
    const cell = fc.oneof(fc.stringMatching(/^\d{1,4}(\.\d{1,2})?$/), fc.constantFrom('6.5', '65', '5', '0', '1,010', '-3', '.5', '+6'));
    fc.assert(
      fc.property(quote, cell, fc.string({ maxLength: 2 }), (q, v, pad) => {
        const text = pad + v + ',';
        const value = Number(v.replace(/,/g, ''));
        if (!Number.isFinite(value)) return;
        expect(quoteHoldsAt(q, text, pad.length, pad.length + v.length, value)).toBe(quoteHolds(q, value));
      }),
      { ...params, numRuns: RUNS * 10 },
    );
  }, TIMEOUT);
});

describe('isIsoDate', () => {
  // The definition it stands for: the pattern, and a Date that keeps the day it was given.
  const byDate = (s: string) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
    if (!m) return false;
    const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
  };
  const pad = (n: number, w: number) => String(n).padStart(w, '0');

  it('agrees with a Date on every month and day of years around leap-year rules', () => {
    const years = [0, 1, 4, 96, 99, 100, 400, 1600, 1899, 1900, 1999, 2000, 2023, 2024, 2100, 2400, 9999];
    for (const y of years) {
      for (let m = 0; m <= 13; m++) {
        for (let d = 0; d <= 32; d++) {
          const s = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
          expect(isIsoDate(s), s).toBe(byDate(s));
        }
      }
    }
  });

  it('agrees with a Date on near-dates', () => {
    const dateish = fc.string({ unit: fc.constantFrom('0', '1', '2', '9', '-', ' ', '/', '２', 'T', '\n'), minLength: 8, maxLength: 12 });
    fc.assert(fc.property(dateish, (s) => isIsoDate(s) === byDate(s)), params);
    expect(['2024-02-29', '1900-02-29', '0000-02-29', '2023-02-29', '2024-2-9', ' 2024-01-01', '2024-01-01\n'].map(isIsoDate)).toEqual([true, false, false, false, false, false, false]);
  });
});

describe('observation rows: the fast path reads what RowReader reads', () => {
  // A quoted cell among the in-place columns sends a row to RowReader: the same rows written
  // both ways must give the same observations, notes, remarks and plain comparators.
  const head = 'district,indicator,year,kind,comparator,value,unit,estimate,source,line,quote,note';
  const rows = [
    ['tumed-left', 'aq-good-days', '2025', 'actual', '', '297', '天', 'false', 'tumed-left-report-2025', '6', '空气质量优良天数达 297 天', '累计数', 'Cumulative', 'widened to name the indicator'],
    ['tumed-left', 'grain-output', '2025', 'target', '=', '73', '万吨', 'false', 'tumed-left-report-2025', '8', '粮食总产量稳定在73万吨以上', '', '', ''],
    ['tumed-left', 'gdp-growth', '2025', 'target', '~', '6', '%', 'false', 'tumed-left-report-2025', '8', '地区生产总值增长6%左右', '主要预期目标', '', 'x, "y"'],
  ];
  const csvCell = (c: string) => (/[",]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  const fileOf = (header: string, cells: string[][], quoteDistrict: boolean) =>
    [header, ...cells.map((r) => r.map((c, i) => (i === 0 && quoteDistrict ? `"${c}"` : csvCell(c))).join(','))].join('\n') + '\n';
  const read = async (text: string) => {
    const { buildDataset } = await import('../src/data/dataset');
    const { worldFiles, worldTexts } = await import('./world.sample');
    const ds = buildDataset([...worldFiles().filter((f) => f.path !== 'observations/2025.csv'), { path: 'observations/2025.csv', text }], { texts: worldTexts });
    return { obs: ds.observations.filter((o) => o.year === 2025), problems: ds.problems.filter((p) => p.file === 'observations/2025.csv') };
  };

  it('with note_en and remark in the header', async () => {
    const fast = await read(fileOf(`${head},note_en,remark`, rows, false));
    const slow = await read(fileOf(`${head},note_en,remark`, rows, true));
    expect(fast.problems).toEqual([]);
    expect(slow.problems).toEqual([]);
    expect(fast.obs.map(({ origin: _, ...o }) => o)).toEqual(slow.obs.map(({ origin: _, ...o }) => o));
    expect(fast.obs.map((o) => [o.comparator, o.note, o.noteEn, o.remark])).toEqual([
      ['=', '累计数', 'Cumulative', 'widened to name the indicator'],
      ['=', '', '', ''],
      ['~', '主要预期目标', '', 'x, "y"'],
    ]);
  });

  it('with note_en and remark left out of the header, and in another order', async () => {
    for (const quoted of [false, true]) {
      const out = await read(fileOf(head, rows.map((r) => r.slice(0, 12)), quoted));
      expect(out.problems).toEqual([]);
      expect(out.obs.map((o) => [o.comparator, o.note, o.noteEn, o.remark])).toEqual([
        ['=', '累计数', '', ''],
        ['=', '', '', ''],
        ['~', '主要预期目标', '', ''],
      ]);
      const swapped = await read(fileOf(`${head},remark,note_en`, rows.map((r) => [...r.slice(0, 12), r[13]!, r[12]!]), quoted));
      expect(swapped.obs.map((o) => [o.noteEn, o.remark])).toEqual([['Cumulative', 'widened to name the indicator'], ['', ''], ['', 'x, "y"']]);
      expect(swapped.problems.map((p) => p.code)).toEqual(['header']); // a warning: columns out of order
    }
  });

  it('a note or remark with spaces around it is read trimmed, with a warning, on either path', async () => {
    const spaced = rows.map((r, i) => (i === 0 ? [...r.slice(0, 13), ' padded '] : r));
    const out = await read(fileOf(`${head},note_en,remark`, spaced, false));
    expect(out.obs[0]!.remark).toBe('padded');
    expect(out.problems.map((p) => [p.line, p.columnName, p.severity])).toEqual([[2, 'remark', 'warning']]);
  });
});

describe('building a data set: the fast path on and off give the same result', () => {
  // Valid files (scripts/lib/synthetic: every row passes) with random staff mistakes mixed in,
  // built twice: rows, problems and their order must be identical. A rule added to the plain
  // rules (RowReader) and not to a fast path, or the other way round, makes a slip that one
  // checks and the other lets through, and this test fails.
  const indicatorsCsv = readFileSync(join(__dirname, '../data/indicators.csv'), 'utf8');

  type Slip = (cell: string, other: string) => string;
  const anyCell: Slip[] = [(c) => ` ${c}`, (c) => `${c} `, () => '', (c) => `\t${c}`];
  /** Mistakes staff make in each column; `other` is the same column's cell of another row. */
  const SLIPS: Record<string, Slip[]> = {
    district: [(_, o) => o, () => 'nowhere', (c) => c.toUpperCase(), (c) => `${c}x`],
    indicator: [(_, o) => o, (c) => c.slice(0, -1), () => 'gdp', (c) => c.toUpperCase()],
    year: [(c) => String(Number(c) + 1), (c) => `+${c}`, (c) => `${c}.0`, (c) => c.slice(2), () => '２０２５', () => 'x'],
    kind: [(_, o) => o, () => 'Target', () => 'plan', (c) => (c === 'target' ? 'actual' : 'target')],
    comparator: [(_, o) => o, () => 'text', () => '≥', () => '=>', () => '', () => '='],
    value: [(c) => `${c}0`, (c) => `-${c}`, (c) => `+${c}`, (c) => `${c}.0`, () => '７', (c) => `1,0${c}`, () => '99999999', () => '1e3', (_, o) => o, () => '-0'],
    unit: [(_, o) => o, () => '吨', () => '万吨', () => 'kg', () => '%', () => '亿元', () => '万元'],
    estimate: [() => 'true', () => 'false', () => 'TRUE', () => 'yes'],
    source: [(_, o) => o, () => 'unknown-src', (c) => c.replace(/-(\d+)$/, (_, y: string) => `-${Number(y) + 1}`)],
    line: [(c) => String(Number(c) + 1), () => '0', () => '99999', () => 'x', (c) => `+${c}`, (c) => `${c}.0`, (_, o) => o],
    quote: [(c) => `预计${c}`, (c) => `${c}，有望更好`, (c) => c.replace(/\d/, (d) => String((Number(d) + 1) % 10)), (c) => `${c}下降`, (_, o) => o, (c) => c.slice(0, 4)],
    note: [() => 'a, b', () => '说"明"', () => '第一行\n第二行', () => ' 说明 '],
    note_en: [() => 'a, b', () => ' padded ', () => 'x'],
    remark: [() => 'a, b', () => ' padded ', () => 'y'],
    id: [(_, o) => o, (c) => c.toUpperCase(), (c) => `${c}_x`],
    title_zh: [(_, o) => o],
    publisher_zh: [(_, o) => o],
    published: [() => '2024-02-30', () => '2024/01/10', () => '0000-02-29', () => '2024-02-29', (c) => c.replace(/-(\d)(\d)$/, '-$2$1')],
    text: [() => '', () => 'bad name.txt', () => 'missing.txt', (_, o) => o],
    url: [() => '', () => 'ftp://example.org/a', () => 'http://a b', () => 'https://example.org/x'],
  };

  const FILE_NAMES = ['sources.csv', 'observations/2024.csv', 'observations/2025.csv'] as const;
  const mistake = fc.record({ file: fc.constantFrom(...FILE_NAMES), row: fc.nat(), col: fc.nat(), slip: fc.nat(), other: fc.nat(), quoted: fc.boolean() });
  const rowMistake = fc.record({ file: fc.constantFrom(...FILE_NAMES), row: fc.nat(), what: fc.constantFrom('duplicate', 'skeleton', 'delete', 'move') });
  const optional = fc.constantFrom(null, ['note_en', 'remark'], ['remark', 'note_en'], ['remark']);
  const world = fc.record({
    seed: fc.integer({ min: 1, max: 1_000_000 }),
    mistakes: fc.array(mistake, { maxLength: 14 }),
    rowMistakes: fc.array(rowMistake, { maxLength: 3 }),
    optional,
    withTexts: fc.boolean(),
  });

  /** The generated files with the mistakes made: cells changed, quoted, rows copied, emptied or dropped. */
  function mistaken(files: Record<string, string>, m: { mistakes: { file: string; row: number; col: number; slip: number; other: number; quoted: boolean }[]; rowMistakes: { file: string; row: number; what: string }[]; optional: readonly string[] | null }): Record<string, string> {
    const out = { ...files };
    for (const name of FILE_NAMES) {
      const [head, ...rows] = csvParseRows(files[name]!);
      if (!head || rows.length === 0) continue;
      if (name !== 'sources.csv' && m.optional) {
        head.push(...m.optional);
        rows.forEach((r, i) => r.push(...m.optional!.map((c, k) => (i % 3 === k ? `${c} of row ${i}` : ''))));
      }
      const forced = new Set<string[]>();
      const quotedCells = new Map<string[], Set<number>>();
      for (const x of m.mistakes.filter((x) => x.file === name)) {
        const r = rows[x.row % rows.length]!;
        const col = x.col % head.length;
        const slips = [...anyCell, ...(SLIPS[head[col]!] ?? [])];
        const other = rows[x.other % rows.length]![col] ?? '';
        r[col] = slips[x.slip % slips.length]!(r[col] ?? '', other);
        if (x.quoted) {
          if (!quotedCells.has(r)) quotedCells.set(r, new Set());
          quotedCells.get(r)!.add(col);
          forced.add(r);
        }
      }
      for (const x of m.rowMistakes.filter((x) => x.file === name)) {
        const at = x.row % rows.length;
        const r = rows[at]!;
        if (x.what === 'duplicate') rows.splice(at + 1, 0, [...r]);
        else if (x.what === 'delete' && rows.length > 1) rows.splice(at, 1);
        else if (x.what === 'move') rows.push(...rows.splice(at, 1));
        else if (x.what === 'skeleton' && name !== 'sources.csv') {
          for (const c of ['comparator', 'value', 'estimate', 'source', 'line', 'quote', 'note']) r[head.indexOf(c)] = '';
        }
      }
      const line = (r: string[]) => r.map((c, i) => (quotedCells.get(r)?.has(i) ? `"${c.replace(/"/g, '""')}"` : csvCell(c))).join(',');
      out[name] = [head.join(','), ...rows.map(line)].join('\n') + '\n';
    }
    return out;
  }

  const build = (files: Record<string, string>, texts: Record<string, string> | null, fastPath: boolean) =>
    buildDataset(
      Object.entries(files).map(([path, text]) => ({ path, text })),
      { ...(texts ? { texts: textsInMemory(texts) } : {}), fastPath },
    );

  it('rows, problems and their order are identical for valid files with random staff mistakes', () => {
    const seen = new Set<string>();
    let kept = 0;
    fc.assert(
      fc.property(world, (w) => {
        const d = generate({ indicatorsCsv, districts: 4, years: [2024, 2025], indicators: 6, secondSource: 0.3, seed: w.seed });
        const files = mistaken(d.files, w);
        const on = build(files, w.withTexts ? d.texts : null, true);
        const off = build(files, w.withTexts ? d.texts : null, false);
        expect(on.problems).toEqual(off.problems);
        expect(on.observations).toEqual(off.observations);
        expect(on.sources).toEqual(off.sources);
        expect(on).toEqual(off);
        kept += on.observations.length;
        for (const p of on.problems) seen.add(p.code);
      }),
      { ...params, numRuns: Math.max(100, Math.round(RUNS / 10)) },
    );
    // The mistakes did reach the rules: the test compared more than clean files.
    expect(kept).toBeGreaterThan(0);
    for (const code of ['value-not-in-quote', 'duplicate', 'unknown-id', 'estimate-flag', 'quote-not-found', 'year-mismatch', 'unit', 'date', 'normalised', 'enum', 'required', 'conflict', 'quote-unverified', 'line']) {
      expect([...seen], code).toContain(code);
    }
  }, TIMEOUT);
});
