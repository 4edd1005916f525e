/**
 * The import graph of our own files: every static, type-only and dynamic import between files
 * under one folder, resolved the way the bundler does (extension and index omitted), and the
 * cycles in it. `npm run check-imports` and tests/import-graph.test.ts fail on any cycle or import against the
 * layers.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const SOURCE = /\.(ts|tsx)$/;
const EXTENSIONS = ['.ts', '.tsx', '/index.ts', '/index.tsx'];

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listFiles(path);
    return SOURCE.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function resolveImport(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = resolve(dirname(from), spec);
  if (SOURCE.test(base) && existsSync(base)) return base;
  for (const ext of EXTENSIONS) if (existsSync(base + ext)) return base + ext;
  return null;
}

/** File (relative to `root`) → the files it imports, relative to `root`, within `folders`. */
export function importGraph(root: string, folders: string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const folder of folders) {
    for (const file of listFiles(join(root, folder))) {
      // preProcessFile finds import/export-from specifiers and import() calls without type-checking.
      const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
      const targets = info.importedFiles
        .map((f) => resolveImport(file, f.fileName))
        .filter((f): f is string => f !== null)
        .map((f) => relative(root, f));
      graph.set(relative(root, file), [...new Set(targets)]);
    }
  }
  return graph;
}

/** Every strongly connected group of more than one file (or a file importing itself), each sorted. */
export function findCycles(graph: Map<string, string[]>): string[][] {
  // Tarjan's algorithm, iterative so a deep graph cannot overflow the stack.
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const groups: string[][] = [];
  for (const start of graph.keys()) {
    if (index.has(start)) continue;
    const work: { node: string; next: number }[] = [{ node: start, next: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length) {
      const top = work[work.length - 1]!;
      const edges = graph.get(top.node) ?? [];
      if (top.next < edges.length) {
        const to = edges[top.next++]!;
        if (!index.has(to)) {
          index.set(to, counter);
          low.set(to, counter++);
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, next: 0 });
        } else if (onStack.has(to)) {
          low.set(top.node, Math.min(low.get(top.node)!, index.get(to)!));
        }
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1]!.node;
        low.set(parent, Math.min(low.get(parent)!, low.get(top.node)!));
      }
      if (low.get(top.node) === index.get(top.node)) {
        const group: string[] = [];
        let n: string;
        do {
          n = stack.pop()!;
          onStack.delete(n);
          group.push(n);
        } while (n !== top.node);
        if (group.length > 1 || (graph.get(top.node) ?? []).includes(top.node)) groups.push(group.sort());
      }
    }
  }
  return groups;
}

/** The layers of src/, bottom to top (README "Code layout"); prerender and main.tsx sit on top. */
export const LAYERS = ['core', 'data', 'extract', 'model', 'charts', 'ui', 'views', 'app', 'prerender'] as const;

function layerOf(file: string): number {
  const m = /^src\/([^/]+)\//.exec(file);
  return m ? LAYERS.indexOf(m[1] as (typeof LAYERS)[number]) : -1;
}

/** Imports that point up a layer, from one view's folder into another's, or from scripts/ into tests/. */
export function layerViolations(graph: Map<string, string[]>): string[] {
  const out: string[] = [];
  for (const [from, targets] of graph) {
    for (const to of targets) {
      const a = layerOf(from);
      const b = layerOf(to);
      if (a >= 0 && b > a) out.push(`${from} → ${to}: points up a layer`);
      const view = (f: string) => /^src\/views\/([^/]+)\//.exec(f)?.[1];
      if (view(from) && view(to) && view(from) !== view(to)) out.push(`${from} → ${to}: a view imports another view`);
      if (from.startsWith('scripts/') && to.startsWith('tests/')) out.push(`${from} → ${to}: scripts/ import tests/`);
    }
  }
  return out;
}
