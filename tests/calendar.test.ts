/** The reporting calendar: what a missing figure may be called on a given day (DESIGN.md). */
import { describe, expect, it } from 'vitest';
import type { Source } from '../src/data/types';
import { dataAsOf, heldReports, isoDay, latestReportDue, reportYear, reportsDueNotHeld, resultsDue, targetReportWindow } from '../src/model/calendar';

const origin = { file: 'sources.csv', line: 2 };
const src = (id: string, district: string, published: string, kind: Source['kind'] = 'work-report'): Source => ({
  id, title_zh: id, publisher_zh: 'p', district, published, kind, text: '', url: 'https://example.org', origin,
});

describe('results due', () => {
  it('a year\'s results are pending until 31 March of the next year, then due', () => {
    expect(resultsDue(2023, '2024-03-31')).toBe(false);
    expect(resultsDue(2023, '2024-04-01')).toBe(true);
    expect(resultsDue(2023, '2026-12-06')).toBe(true);
    expect(resultsDue(2026, '2026-12-06')).toBe(false);
    expect(resultsDue(2025, '2026-12-06')).toBe(true);
  });
});

describe('the report that sets a year\'s targets', () => {
  it('is delivered from December of the year before to March of the year', () => {
    expect(targetReportWindow(2025)).toEqual({ from: '2024-12-01', to: '2025-03-31' });
    expect(reportYear('2024-12-26')).toBe(2025);
    expect(reportYear('2025-01-10')).toBe(2025);
    expect(reportYear('2025-11-30')).toBe(2025);
  });

  it('is held only as a work report of that district inside the window', () => {
    const held = heldReports([
      src('a', 'east', '2024-12-26'),
      src('b', 'west', '2024-01-05', 'news'), // a news summary does not make other targets "not set"
      src('c', 'west', '2023-06-01'), // a work report outside any window
      src('d', 'north', '2023-03-31'),
      src('e', 'north', '2022-11-30', 'work-report'),
    ]);
    expect([...(held.get('east') ?? [])]).toEqual([2025]);
    expect(held.get('west')).toBeUndefined();
    expect([...(held.get('north') ?? [])]).toEqual([2023]);
  });
});

describe('data as of, and reports due but not held', () => {
  it('the latest published date among all sources, of any kind', () => {
    expect(dataAsOf([src('a', 'x', '2024-12-26'), src('b', 'x', '2025-02-26', 'plan'), src('c', 'y', '2025-01-10')])).toBe('2025-02-26');
    expect(dataAsOf([])).toBeNull();
  });

  it('the latest report whose window has closed, per district', () => {
    expect(latestReportDue('2026-12-06')).toBe(2026);
    expect(latestReportDue('2026-03-31')).toBe(2025);
    expect(latestReportDue('2026-04-01')).toBe(2026);
    const held = heldReports([src('a', 'east', '2025-12-20'), src('b', 'west', '2025-01-10')]);
    expect(reportsDueNotHeld(held, ['east', 'west', 'south'], '2026-12-06')).toEqual([
      { district: 'west', year: 2026 },
      { district: 'south', year: 2026 },
    ]);
    expect(reportsDueNotHeld(held, ['west'], '2026-02-01')).toEqual([]);
  });

  it('today is the local calendar day', () => {
    expect(isoDay(new Date(2026, 11, 6, 23, 59))).toBe('2026-12-06');
    expect(isoDay(new Date(2027, 0, 1, 0, 0))).toBe('2027-01-01');
  });
});
