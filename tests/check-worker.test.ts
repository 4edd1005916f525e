/** The check page's pure core: names to data paths, merging over the published files, the preview model. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFiles, pathForName } from '../src/data/worker/checkFiles';
import { checkInWorker } from '../src/data/worker/client';
import { buildDataset } from '../src/data/dataset';
import { Catalog } from '../src/model/catalog';
import { previewGroups } from '../src/views/check/preview';
import { badBytes, FIXTURES, worldFiles } from './world.sample';

/** The day the statuses are said on (the clock is fixed in tests). */
const TODAY = '2026-12-06';

const enc = (s: string) => new TextEncoder().encode(s);
const preview = new Uint8Array(readFileSync(join(FIXTURES, 'check', '2025-preview.csv')));

describe('pathForName', () => {
  it('maps staff file names to the data file they stand for', () => {
    expect(['2026.csv', '2025年目标 (1).csv', 'C:\\x\\sources.csv', 'Indicators.CSV', 'report.txt', 'book.xlsx', 'data.csv', '2024-2025.csv'].map(pathForName)).toEqual([
      { role: 'data', path: 'observations/2026.csv' },
      { role: 'data', path: 'observations/2025.csv' },
      { role: 'data', path: 'sources.csv' },
      { role: 'data', path: 'indicators.csv' },
      { role: 'text', path: null },
      { role: 'workbook', path: null },
      { role: 'refused', path: null },
      { role: 'refused', path: null },
    ]);
  });
});

describe('checkFiles', () => {
  it('replaces the published file of the same name and reports only that file', () => {
    const r = checkFiles(worldFiles(), [{ name: '2025.csv', bytes: badBytes('unit-in-cell.csv') }]);
    const f = r.files[0]!;
    expect([f.path, f.encoding, f.rowsRead]).toEqual(['observations/2025.csv', 'utf-8', 0]);
    expect(f.problems.map((p) => [p.line, p.column, p.code])).toEqual([[2, 6, 'unit-in-value']]);
    // The published 2025 rows are gone (replaced), the 2024 ones stay.
    expect(r.dataset.observations.map((o) => o.year)).toEqual([2024, 2024, 2024, 2024]);
    expect(f.normalised!.text.split('\n')[1]).toContain(',73,万吨,');
  });

  it('errors first, then warnings, each in file order', () => {
    const r = checkFiles(worldFiles(), [{ name: '2025.csv', bytes: preview }]);
    expect(r.files[0]!.problems.map((p) => [p.severity, p.line])).toEqual([
      ['error', 6],
      ['warning', 5],
    ]);
  });

  it('a new year file is added; a text file verifies quotes; a refused name says how to name it', () => {
    const y2026 = enc('district,indicator,year,kind,comparator,value,unit,estimate,source,line,quote,note\ntumed-left,grain-output,2026,target,>=,75,万吨,false,tumed-left-report-2025,7,粮食总产量稳定在75万吨以上,\n');
    const r = checkFiles(worldFiles(), [
      { name: '2026.csv', bytes: y2026 },
      { name: 'report.txt', bytes: new Uint8Array(readFileSync(join(FIXTURES, 'texts', 'report.txt'))) },
      { name: 'notes.csv', bytes: enc('a,b\n') },
    ]);
    expect(r.dataset.years).toEqual([2024, 2025, 2026]);
    expect(r.quotesVerified).toBe(true);
    expect(r.files[0]!.problems.map((p) => p.code)).toEqual(['quote-not-found']);
    expect(r.files[2]!.role).toBe('refused');
    expect(r.files[2]!.problems[0]!.message).toContain('observations/YYYY.csv');
  });

  it('names the problems a reference file causes in published files, and only the new ones', () => {
    const indicators = readFileSync(join(FIXTURES, 'world', 'indicators.csv'), 'utf8').replace(/^grain-output,.*\n/m, '');
    const r = checkFiles(worldFiles(), [{ name: 'indicators.csv', bytes: enc(indicators) }]);
    expect(r.files[0]!.problems).toEqual([]);
    expect(r.elsewhere.map((p) => [p.file, p.line, p.column, p.code])).toEqual([
      ['observations/2024.csv', 4, 2, 'unknown-id'],
      ['observations/2025.csv', 3, 2, 'unknown-id'],
    ]);
  });

  it('checkInWorker falls back to the main thread where there is no Worker, with the same answer', async () => {
    const dropped = [{ name: '2025.csv', bytes: preview }];
    const viaClient = await checkInWorker(worldFiles(), { dropped });
    expect(viaClient.files[0]!.problems).toEqual(checkFiles(worldFiles(), dropped).files[0]!.problems);
    const ac = new AbortController();
    ac.abort();
    await expect(checkInWorker(worldFiles(), { dropped, signal: ac.signal })).rejects.toThrow(/cancelled/);
  });
});

describe('previewGroups', () => {
  it('marks a figure that exists only in the checked file, and one that changed', () => {
    const changed = new TextDecoder().decode(preview).replace(',73,万吨,false,tumed-left-report-2025,8,粮食总产量稳定在73万吨以上', ',74,万吨,false,tumed-left-report-2025,8,粮食总产量稳定在74万吨以上');
    const r = checkFiles(worldFiles(), [{ name: '2025.csv', bytes: enc(changed) }]);
    const published = new Catalog(buildDataset(worldFiles()), TODAY);
    const groups = previewGroups(new Catalog(r.dataset, TODAY), published, ['observations/2025.csv']);
    expect(groups.map((g) => g.indicator.id)).toEqual(['gdp-growth', 'grain-output', 'aq-good-days']);
    const grain = groups[1]!.rows.map((row) => [row.year, row.target.obs?.value ?? null, row.target.mark, row.target.was?.value ?? null, row.actual.obs?.value ?? null, row.actual.mark, row.pair.status.kind]);
    expect(grain).toEqual([
      [2024, null, null, null, 72, null, 'target-not-held'], // only a news summary of 2024 is held,
      [2025, 74, 'changed', 73, 74, 'new', 'met'],
    ]);
    expect(groups[0]!.rows.find((x) => x.year === 2025)!.target.mark).toBe(null); // same as published
  });
});
