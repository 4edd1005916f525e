/**
 * The loader's fast checks against the plain definitions they stand for: each must give the
 * same answer on any input, or the data check would report differently.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isTrimmed } from '../src/data/cells';
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
