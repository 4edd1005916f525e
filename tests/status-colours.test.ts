/** Status colours live twice: in palette.ts for charts, in styles.css for badges and cards. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STATUS_STYLE } from '../src/charts/palette';

const css = readFileSync(new URL('../src/styles.css', import.meta.url), 'utf8');

describe('status colours in the stylesheet', () => {
  for (const [kind, { colour }] of Object.entries(STATUS_STYLE)) {
    it(`${kind} is ${colour} for the badge and the card`, () => {
      const rule = new RegExp(`\\.status-${kind}, \\.ov-${kind} \\{ --status: (#[0-9a-f]{6}); \\}`, 'i').exec(css);
      expect(rule?.[1]?.toLowerCase()).toBe(colour.toLowerCase());
    });
  }
});
