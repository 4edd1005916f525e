import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byCodeUnits } from '../src/core/compare';
import { ID } from '../src/data/cells';

const sign = (x: number) => Math.sign(x);
const id = fc.stringMatching(/^[a-z0-9]{1,6}(-[a-z0-9]{1,6}){0,3}$/);
const day = fc.date({ min: new Date('1990-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const path = fc.integer({ min: 1900, max: 2200 }).map((y) => `observations/${y}.csv`);

describe('byCodeUnits', () => {
  it.each(['zh-CN', 'en-US', undefined])('orders ids, dates and yearly files as localeCompare does (%s)', (locale) => {
    for (const arb of [id, day, path, fc.constantFrom('economy', 'agriculture', 'environment', 'society')]) {
      fc.assert(
        fc.property(arb, arb, (a, b) => {
          expect(sign(byCodeUnits(a, b))).toBe(sign(a.localeCompare(b, locale)));
        }),
        { numRuns: 500 },
      );
    }
  });

  it('draws ids from the grammar the files allow', () => {
    fc.assert(fc.property(id, (x) => ID.test(x)));
  });

  it('is not a locale order for other text (which it is not used for)', () => {
    expect(sign(byCodeUnits('a_b', 'a1'))).toBe(1);
    expect(sign('a_b'.localeCompare('a1', 'en-US'))).toBe(-1);
  });
});
