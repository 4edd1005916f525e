import { describe, expect, it } from 'vitest';
import { missingResult, missingTarget, status, type MissingContext } from '../src/model/status';

/** Results due and the target-setting report held: the case where every verdict is possible. */
const DUE: MissingContext = { resultsDue: true, targetReportHeld: true };

const growth = { measure: 'growth', better: 'higher' } as const;
const level = { measure: 'level', better: 'higher' } as const;
const ratioLower = { measure: 'ratio', better: 'lower' } as const;
const levelLower = { measure: 'level', better: 'lower' } as const;

const act = (value: number, estimate = false) => ({ value, estimate });

describe('status (DESIGN.md: target versus actual)', () => {
  it.each([
    // [label, indicator, comparator, T, A, kind, gap]
    ['~ growth met exactly', growth, '~', 6.5, 6.5, 'met', 0],
    ['~ growth within tolerance is met', growth, '~', 8, 7.6, 'met', -0.4],
    ['~ growth just past tolerance is missed', growth, '~', 8, 7.4, 'missed', -0.6],
    ['~ growth far below is missed', growth, '~', 16, 9, 'missed', -7],
    ['>= level met above', level, '>=', 72, 72.5, 'met', 0.5],
    ['>= level near within 2 %', level, '>=', 73, 72, 'near', -1],
    ['>= level missed beyond 2 %', level, '>=', 100, 97, 'missed', -3],
    ['> level over is met', level, '>', 17.5, 18.5, 'met', 1],
    ['= growth below by 0.3 is near', growth, '=', 7, 6.7, 'near', -0.3],
    ['<= ceiling met when below', ratioLower, '<=', 0.9, 0.5, 'met', 0.4],
    ['<= ceiling missed when far above', ratioLower, '<=', 0.9, 2, 'missed', -1.1],
    ['< ceiling near', levelLower, '<', 30, 30.5, 'near', -0.5],
    ['= with better=lower uses the ceiling', levelLower, '=', 30, 29, 'met', 1],
    ['~ with better=lower within tolerance', levelLower, '~', 30, 30.5, 'met', -0.5],
  ] as const)('%s', (_label, ind, comparator, T, A, kind, gap) => {
    const s = status(ind, { comparator, value: T }, act(A), DUE);
    expect(s.kind).toBe(kind);
    expect(s.gap).toBeCloseTo(gap, 9);
    expect(s.provisional).toBe(false);
  });

  it('an estimated actual makes the status provisional', () => {
    const s = status(growth, { comparator: '~', value: 8 }, act(6, true), DUE);
    expect(s).toMatchObject({ kind: 'missed', provisional: true, gap: -2, points: -2, ratio: null });
  });

  it('achievement is A / T for a level and percentage points for growth', () => {
    expect(status(level, { comparator: '>=', value: 73 }, act(72), DUE).ratio).toBeCloseTo(72 / 73, 12);
    expect(status(level, { comparator: '>=', value: 73 }, act(72), DUE).points).toBeNull();
    expect(status(growth, { comparator: '~', value: 6 }, act(8), DUE).points).toBe(2);
  });

  it('a level target of 0 has no ratio', () => {
    expect(status(level, { comparator: '>=', value: 0 }, act(5), DUE).ratio).toBeNull();
  });

  it('the tolerance of a level is 2 % of |T|, of growth 0.5 points', () => {
    expect(status(level, { comparator: '=', value: 50 }, act(49), DUE).tolerance).toBe(1);
    expect(status(growth, { comparator: '=', value: 50 }, act(49), DUE).tolerance).toBe(0.5);
  });

  it('a missing figure is named by what the data and the day support', () => {
    const early: MissingContext = { resultsDue: false, targetReportHeld: true };
    const late: MissingContext = { resultsDue: true, targetReportHeld: false };
    expect(status(growth, { comparator: '~', value: 6 }, null, early).kind).toBe('pending');
    expect(status(growth, { comparator: '~', value: 6 }, null, late).kind).toBe('result-not-held');
    expect(status(growth, null, act(6), early).kind).toBe('no-target');
    expect(status(growth, null, act(6), late).kind).toBe('target-not-held');
    expect(status(growth, { comparator: 'text', value: null }, act(6), late).kind).toBe('qualitative');
    expect(status(growth, null, null, early).kind).toBe('pending');
    expect(status(growth, null, null, late).kind).toBe('result-not-held');
    // The words for each missing side follow the same context, whatever the pair's own status.
    const met = status(growth, { comparator: '~', value: 6 }, act(7), late);
    expect([met.kind, missingResult(met), missingTarget(met)]).toEqual(['met', 'result-not-held', 'target-not-held']);
    const m2 = status(growth, { comparator: '~', value: 6 }, act(7), early);
    expect([missingResult(m2), missingTarget(m2)]).toEqual(['pending', 'no-target']);
  });

  it('an actual that is itself qualified is compared by its number', () => {
    // 突破72万吨 as the actual against a target of 73: compared as 72.
    expect(status(level, { comparator: '>=', value: 73 }, act(72), DUE).kind).toBe('near');
  });

  it('reports the direction of the comparison', () => {
    expect(status(growth, { comparator: '<=', value: 3 }, act(2), DUE).direction).toBe('lower');
    expect(status(levelLower, { comparator: '>=', value: 3 }, act(2), DUE).direction).toBe('higher');
  });
});
