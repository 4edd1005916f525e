/** The catalogue's indicators as the extractor needs them, read from data/indicators.csv. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvParseRows } from 'd3-dsv';
import type { LexiconIndicator } from '../../src/extract/types';
import { DEFAULT_DATA } from './fsdata';

export function readCatalogue(dataDir = DEFAULT_DATA): LexiconIndicator[] {
  const path = join(dataDir, 'indicators.csv');
  if (!existsSync(path)) return [];
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  const [header = [], ...body] = csvParseRows(text);
  const col = (name: string) => header.indexOf(name);
  return body
    .map((cells) => Object.fromEntries(['id', 'name_zh', 'name_en', 'unit', 'measure'].map((k) => [k, col(k) >= 0 ? cells[col(k)] : undefined])) as Record<string, string | undefined>)
    .filter((r) => r.id && r.name_zh)
    .map((r) => ({
      id: r.id!.trim(),
      name_zh: r.name_zh!.trim(),
      name_en: (r.name_en ?? '').trim(),
      unit: (r.unit ?? '').trim(),
      measure: (['growth', 'ratio', 'level'].includes((r.measure ?? '').trim()) ? r.measure!.trim() : 'level') as LexiconIndicator['measure'],
    }));
}
