import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { measureBudget, type Manifest } from '../scripts/budget';

const ROOT = join(__dirname, '..');
const dirs: string[] = [];

/** A fake build: random bytes do not compress, so gzip size ≈ file size. */
function fakeBuild(sizesKb: { entry: number; overview: number; echarts: number; other: number; html?: number; css?: number }): string {
  const dir = mkdtempSync(join(tmpdir(), 'budget-'));
  dirs.push(dir);
  mkdirSync(join(dir, '.vite'), { recursive: true });
  mkdirSync(join(dir, 'assets'));
  const file = (name: string, kb: number) => {
    writeFileSync(join(dir, 'assets', name), randomBytes(kb * 1024));
    return `assets/${name}`;
  };
  if (sizesKb.html) writeFileSync(join(dir, 'index.html'), randomBytes(sizesKb.html * 1024));
  const manifest: Manifest = {
    'index.html': {
      file: file('index.js', sizesKb.entry),
      isEntry: true,
      css: sizesKb.css ? [file('index.css', sizesKb.css)] : [],
      dynamicImports: ['src/views/overview/OverviewView.tsx', 'src/views/data/DataView.tsx'],
    },
    '_shared.js': { file: file('shared.js', 2), imports: ['index.html'] },
    '_EChart.js': { file: file('EChart.js', 1), imports: ['index.html'], dynamicImports: ['src/charts/EChartCore.tsx'] },
    'src/charts/EChartCore.tsx': { file: file('EChartCore.js', sizesKb.echarts), isDynamicEntry: true, imports: ['index.html'] },
    'src/views/overview/OverviewView.tsx': {
      file: file('OverviewView.js', sizesKb.overview),
      isDynamicEntry: true,
      imports: ['index.html', '_shared.js', '_EChart.js'],
    },
    'src/views/data/DataView.tsx': { file: file('DataView.js', sizesKb.other), isDynamicEntry: true, imports: ['index.html', '_shared.js'] },
  };
  writeFileSync(join(dir, '.vite', 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('npm run budget', { timeout: 30_000 }, () => {
  it('sums the entry with its static imports, and the overview with its view, shared and ECharts chunks', () => {
    const dir = fakeBuild({ entry: 50, overview: 10, echarts: 100, other: 400 });
    const [entry, overview] = measureBudget(dir);
    const kb = (n: number) => Math.round(n / 1024);
    expect(kb(entry!.gzip)).toBe(50);
    expect(entry!.ok).toBe(true);
    // 50 + 10 + 2 + 1 + 100; the data view (400) is not loaded by the overview.
    expect(kb(overview!.gzip)).toBe(163);
    expect(overview!.files.map((f) => f.file).sort()).toEqual(
      ['assets/EChart.js', 'assets/EChartCore.js', 'assets/OverviewView.js', 'assets/index.js', 'assets/shared.js'].sort(),
    );
    expect(overview!.ok).toBe(true);
  });

  it('fails (exit 1) on an over-budget build and says which budget', () => {
    const dir = fakeBuild({ entry: 120, overview: 10, echarts: 250, other: 1 });
    const lines = measureBudget(dir);
    expect(lines.map((l) => l.ok)).toEqual([false, false, true]);
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/budget.ts'), '--dir', dir], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/OVER\s+entry JS/);
    expect(run.stderr).toMatch(/Over budget/);
  });

  it('counts index.html (the pages made at build time) and the entry CSS toward the first paint', () => {
    const [, , paint] = measureBudget(fakeBuild({ entry: 20, overview: 5, echarts: 30, other: 1, html: 40, css: 8 }));
    expect(Math.round(paint!.gzip / 1024)).toBe(48);
    expect(paint!.files.map((f) => f.file).sort()).toEqual(['assets/index.css', 'index.html']);
    expect(paint!.ok).toBe(true);
    const over = measureBudget(fakeBuild({ entry: 20, overview: 5, echarts: 30, other: 1, html: 50, css: 8 }));
    expect(over[2]!.ok).toBe(false);
    expect(over[2]!.name).toMatch(/first paint/);
  });

  it('passes (exit 0) within budget, and fails plainly without a manifest', () => {
    const dir = fakeBuild({ entry: 20, overview: 5, echarts: 30, other: 1 });
    const ok = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/budget.ts'), '--dir', dir], { cwd: ROOT, encoding: 'utf8' });
    expect(ok.status).toBe(0);
    const empty = mkdtempSync(join(tmpdir(), 'budget-'));
    dirs.push(empty);
    const none = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/budget.ts'), '--dir', empty], { cwd: ROOT, encoding: 'utf8' });
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/No manifest/);
  });
});
