/**
 * `npm run new-year -- 2026`: observations/2026.csv with the header and one target row to fill
 * for each (district, indicator) that had a target the year before. Never overwrites.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { csvFormatRows } from 'd3-dsv';
import type { Dataset } from '../../src/data/types';
import { OBSERVATION_COLUMNS, observationFile } from '../../src/data/schema';

export interface Skeleton {
  path: string;
  text: string;
  rows: number;
}

/** The rows to fill: district, indicator, year, kind=target and the unit of last year's target. */
export function skeletonRows(ds: Dataset, year: number): string[][] {
  const districtOrder = ds.districts.map((d) => d.id);
  const indicatorOrder = ds.indicators.map((i) => i.id);
  const units = new Map<string, string>();
  for (const o of ds.observations) {
    if (o.kind !== 'target' || o.year !== year - 1) continue;
    const k = `${o.district}|${o.indicator}`;
    if (!units.has(k) || (units.get(k) === '' && o.unit !== '')) units.set(k, o.unit);
  }
  return [...units]
    .map(([k, unit]) => {
      const [district, indicator] = k.split('|') as [string, string];
      return { district, indicator, unit };
    })
    .sort(
      (a, b) =>
        districtOrder.indexOf(a.district) - districtOrder.indexOf(b.district) ||
        indicatorOrder.indexOf(a.indicator) - indicatorOrder.indexOf(b.indicator),
    )
    .map(({ district, indicator, unit }) =>
      OBSERVATION_COLUMNS.map((c) =>
        c === 'district' ? district : c === 'indicator' ? indicator : c === 'year' ? String(year) : c === 'kind' ? 'target' : c === 'unit' ? unit : '',
      ),
    );
}

export function newYearFile(dataDir: string, ds: Dataset, year: number): Skeleton {
  const path = join(dataDir, observationFile(year));
  if (existsSync(path)) throw new Error(`exists:${path}`);
  const rows = skeletonRows(ds, year);
  const text = csvFormatRows([[...OBSERVATION_COLUMNS], ...rows]) + '\n';
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text, { flag: 'wx' });
  return { path, text, rows: rows.length };
}
