/** No two files of src/ or scripts/ import each other, even through others, and imports only point down the layers. */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../scripts/lib/fsdata';
import { findCycles, importGraph, layerViolations } from '../scripts/lib/importGraph';

describe('the import graph of our code', () => {
  const graph = importGraph(ROOT, ['src', 'scripts']);

  it('is read: it sees the files and their imports, static, type-only and lazy', () => {
    expect(graph.size).toBeGreaterThan(80);
    expect(graph.get('src/model/dataTable.ts')).toEqual(expect.arrayContaining(['src/core/job.ts', 'src/core/url.ts', 'src/model/sortKernels.ts']));
    expect(graph.get('src/app/views.ts')).toContain('src/views/overview/OverviewView.tsx');
  });

  it('has no cycles', () => {
    expect(findCycles(graph)).toEqual([]);
  });

  it('points only down the layers, never from a view into another, never from scripts/ into tests/', () => {
    expect(layerViolations(graph)).toEqual([]);
  });
});

describe('the checks themselves', () => {
  it('find a cycle of two files, a longer one, and a file importing itself', () => {
    const g = new Map([
      ['a', ['b']],
      ['b', ['a', 'c']],
      ['c', ['d']],
      ['d', ['e']],
      ['e', ['c']],
      ['f', ['f']],
      ['g', ['a']],
    ]);
    expect(findCycles(g).sort()).toEqual([['a', 'b'], ['c', 'd', 'e'], ['f']]);
    expect(findCycles(new Map([['a', ['b']], ['b', []]]))).toEqual([]);
  });

  it('read imports from real files, and flag an import up a layer or into a sibling view', () => {
    const root = mkdtempSync(join(tmpdir(), 'imports-'));
    const write = (path: string, text: string) => {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), text);
    };
    write('src/model/a.ts', "import type { X } from '../ui/b';\nexport const a = 1;\n");
    write('src/ui/b.tsx', "export { a } from '../model/a';\nexport type X = number;\n");
    write('src/views/one/v.tsx', "const m = () => import('../two/w');\n");
    write('src/views/two/w.tsx', "import '../../ui/b';\n");
    write('scripts/s.ts', "import '../tests/t';\n");
    write('tests/t.ts', '');
    const g = importGraph(root, ['src', 'scripts']);
    expect(findCycles(g)).toEqual([['src/model/a.ts', 'src/ui/b.tsx']]);
    expect(layerViolations(g).sort()).toEqual([
      'scripts/s.ts → tests/t.ts: scripts/ import tests/',
      'src/model/a.ts → src/ui/b.tsx: points up a layer',
      'src/views/one/v.tsx → src/views/two/w.tsx: a view imports another view',
    ]);
  });
});
