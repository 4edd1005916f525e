/** The small world every data test speaks about: tests/fixtures/world + one source text. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDataset, type RawFile } from '../src/data/dataset';
import { SourceText, type TextLookup } from '../src/data/quotes';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const WORLD = join(FIXTURES, 'world');

export const worldFiles = (): RawFile[] =>
  ['districts.csv', 'indicators.csv', 'sources.csv', 'observations/2024.csv', 'observations/2025.csv'].map((path) => ({
    path,
    bytes: new Uint8Array(readFileSync(join(WORLD, path))),
  }));

export const worldTexts: TextLookup = {
  where: 'tests/fixtures/texts',
  get: (name) => {
    try {
      return new SourceText(readFileSync(join(FIXTURES, 'texts', name), 'utf8'));
    } catch {
      return null;
    }
  },
};

export const badBytes = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, 'bad', name)));

/** The world with observations/2025.csv replaced by a bad fixture, checked with texts. */
export function checkBad(name: string) {
  const files = worldFiles().map((f) => (f.path === 'observations/2025.csv' ? { path: f.path, bytes: badBytes(name) } : f));
  return buildDataset(files, { texts: worldTexts });
}
