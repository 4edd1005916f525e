/**
 * The check page in Chromium: each bad fixture uploaded as a staff member would, the problem
 * shown with file, line, column and reason; the preview; the normalised download; screenshots.
 * The site is served with the fixture world as its published data.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, ROOT, serve, settle, shot, VIEWPORTS, type Server } from '../../scripts/lib/browser';
import { filesChecked } from './site';

const FIX = join(ROOT, 'tests', 'fixtures');
const DIST = process.env.DIST_DIR ?? join(ROOT, 'dist');

let site = '';
let server: Server;
let browser: Browser;

beforeAll(async () => {
  // A copy of the build whose published data is the small fixture world.
  site = mkdtempSync(join(tmpdir(), 'check-e2e-'));
  cpSync(DIST, site, { recursive: true });
  rmSync(join(site, 'data'), { recursive: true, force: true });
  cpSync(join(FIX, 'world'), join(site, 'data'), { recursive: true });
  writeFileSync(join(site, 'data', 'index.json'), JSON.stringify({ years: [2024, 2025] }));
  server = await serve(site);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (site) rmSync(site, { recursive: true, force: true });
});

interface Shown {
  severity: string;
  file: string;
  line: string;
  column: string;
  name: string;
  cell: string;
  reason: string;
}

async function open(lang: 'zh' | 'en', size: keyof typeof VIEWPORTS = 'desktop') {
  const page = await browser.newPage({ viewport: VIEWPORTS[size], acceptDownloads: true });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await page.goto(`${server.url}?view=check&lang=${lang}`);
  await settle(page);
  return { page, errors, workers };
}

async function upload(page: Page, files: { name: string; path: string }[]) {
  await page.setInputFiles(
    '[data-testid=check-input]',
    files.map((f) => ({ name: f.name, mimeType: f.name.endsWith('.txt') ? 'text/plain' : 'text/csv', buffer: readFileSync(f.path) })),
  );
  await filesChecked(page, files.map((f) => f.name), 15_000);
}

const problems = (page: Page): Promise<Shown[]> =>
  page.$$eval('.check-problem', (rows) =>
    rows.map((r) => {
      const text = (sel: string) => r.querySelector(sel)?.textContent?.trim() ?? '';
      return {
        severity: r.classList.contains('check-row-error') ? 'error' : 'warning',
        file: text('.check-file code'),
        line: text('.check-line'),
        column: text('.check-column'),
        name: text('.check-colname'),
        cell: text('.check-cell'),
        reason: text('.check-reason'),
      };
    }),
  );

const bad = (name: string) => ({ name: '2025.csv', path: join(FIX, 'bad', name) });
const F = 'observations/2025.csv';

describe('each bad input, uploaded', () => {
  const cases: [string, Partial<Shown>[], string[]?][] = [
    ['gbk.csv', [{ severity: 'error', file: F, line: 'whole file', column: 'whole file', name: '—' }], ['GBK/GB18030', 'CSV UTF-8']],
    ['bom.csv', [{ severity: 'warning', file: F, line: 'whole file', column: 'whole file' }], ['byte-order mark']],
    ['crlf.csv', [{ severity: 'warning', file: F, line: '1', column: 'whole row' }], ['Windows line ends (CRLF)']],
    ['fullwidth.csv', [{ severity: 'warning', file: F, line: '2', column: '6', name: 'value', cell: '７３' }], ['Full-width characters in "７３" read as 73.']],
    ['unit-in-cell.csv', [{ severity: 'error', file: F, line: '2', column: '6', name: 'value', cell: '73万吨' }], ['Put the number alone in "value" (73) and the unit in "unit" (万吨).']],
    [
      'unknown-ids.csv',
      [
        { severity: 'error', file: F, line: '2', column: '1', name: 'district', cell: 'tumed-lft' },
        { severity: 'error', file: F, line: '2', column: '2', name: 'indicator', cell: 'grain-outptu' },
      ],
      ['Unknown district "tumed-lft"', 'did you mean grain-output'],
    ],
    ['wrong-year.csv', [{ severity: 'error', file: F, line: '2', column: '3', name: 'year', cell: '2024' }], ['Move the row to observations/2024.csv']],
    ['duplicate.csv', [{ severity: 'error', file: F, line: '3', column: 'whole row' }], ['already appears at line 2. Delete one of the two rows.']],
  ];

  it.each(cases)('%s', async (name, expected, reasons = []) => {
    const { page, errors } = await open('en');
    await upload(page, [bad(name)]);
    const shown = await problems(page);
    expect(shown.map((s) => Object.fromEntries(Object.keys(expected[0]!).map((k) => [k, s[k as keyof Shown]])))).toEqual(expected);
    const all = shown.map((s) => s.reason).join('\n');
    for (const r of reasons) expect(all).toContain(r);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a quote not found at its line, with the source text added, says where it starts', async () => {
    const { page } = await open('en');
    await upload(page, [bad('quote-not-found.csv'), { name: 'report.txt', path: join(FIX, 'texts', 'report.txt') }]);
    const shown = await problems(page);
    const q = shown.find((s) => s.name === 'quote')!;
    expect([q.severity, q.file, q.line, q.column]).toEqual(['error', F, '2', '11']);
    expect(q.reason).toContain('not found at line 7 of report.txt (it starts at line 8)');
    expect(await page.textContent('.check-view')).toContain('Quotes were verified against the source texts you added.');
    await page.close();
  });

  it('a workbook renamed .csv is refused with what it is; the GBK file is decoded and flagged', async () => {
    const { page } = await open('zh');
    await upload(page, [bad('binary.csv')]);
    const shown = await problems(page);
    expect(shown.map((s) => [s.severity, s.line])).toEqual([['error', '整个文件']]);
    expect(shown[0]!.reason).toContain('文件是 Excel 工作簿（.xlsx 或 .xls），不是 CSV');
    expect(await page.textContent('.check-summary')).toContain('无法读取此文件');
    expect(await page.textContent('.check-download')).toContain('此文件无法规范化');
    await upload(page, [bad('gbk.csv')]);
    // The new file takes the old one's place under the same name: wait for its own check, not the list.
    await page.locator('.check-meta', { hasText: 'GBK/GB18030（须另存为 UTF-8）' }).first().waitFor({ timeout: 15_000 });
    expect(await page.locator('.check-file-card').count()).toBe(1);
    // Decoded: the preview shows the row with its Chinese intact.
    expect(await page.textContent('.check-preview-table[data-indicator=grain-output]')).toContain('73万吨以上');
    await page.close();
  });

  it('reasons in Chinese when the page is in Chinese', async () => {
    const { page } = await open('zh');
    await upload(page, [bad('unit-in-cell.csv')]);
    const shown = await problems(page);
    expect(shown[0]!.reason).toBe('“73万吨”含有单位。“value”列只写数字（73），单位写入“unit”列（万吨）。');
    expect(await page.textContent('.check-problems thead')).toContain('原因与改法');
    await page.close();
  });
});

describe('the file list, the preview and the download', () => {
  it('runs the check in a Worker and previews a figure that exists only in the uploaded file', async () => {
    const { page, workers, errors } = await open('en');
    await upload(page, [{ name: '2025.csv', path: join(FIX, 'check', '2025-preview.csv') }]);
    expect(workers.some((w) => /worker/i.test(w))).toBe(true);
    const row = page.locator('.check-preview-table[data-indicator=grain-output] tr[data-district=tumed-left][data-year="2025"]');
    expect(await row.locator('.check-actual .check-value').textContent()).toBe('over 740 thousand t');
    expect(await row.locator('.check-actual').textContent()).toContain('only in your file');
    expect(await row.locator('.check-actual').textContent()).toContain('estimate');
    expect(await row.locator('.status').textContent()).toContain('Met');
    // And charted as the indicator view will chart it once published: the new 2025 bar beside the target.
    const chart = page.locator('.check-preview-group:has(.check-preview-table[data-indicator=grain-output]) .chart-box');
    await chart.locator('svg').first().waitFor({ timeout: 15_000 });
    expect(await chart.getAttribute('aria-label')).toMatch(/2025[^.]*740 thousand t/);
    // ECharts puts its <svg> in before it draws into it: the bar's label is awaited, not assumed.
    await expect.poll(() => chart.locator('svg').first().textContent(), { timeout: 15_000 }).toContain('740');
    // The published target beside it is not marked as new.
    expect(await row.locator('.check-target').textContent()).not.toContain('only in your file');
    // The unknown id is reported and its row left out; the rest are kept.
    const shown = await problems(page);
    expect(shown.filter((s) => s.severity === 'error').map((s) => [s.line, s.column, s.cell])).toEqual([['6', '1', 'tumed-lft']]);
    expect(await page.textContent('[data-testid=row-counts]')).toBe('5 rows, 1 with errors, 1 with warnings');
    expect(await page.textContent('.check-diff')).toBe('The 4 rows without errors against the published data: 2 new, 0 changed, 2 unchanged.');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('downloads the normalised file with every row, keeps the list across views, removes a file', async () => {
    const { page } = await open('en');
    await upload(page, [
      { name: '2025.csv', path: join(FIX, 'check', '2025-preview.csv') },
      { name: '2024.csv', path: join(FIX, 'world', 'observations', '2024.csv') },
    ]);
    const card = page.locator('.check-file-card[data-file="2025.csv"]');
    const [dl] = await Promise.all([page.waitForEvent('download'), card.locator('[data-testid=download-csv]').click()]);
    expect(dl.suggestedFilename()).toBe('2025.csv');
    const text = readFileSync((await dl.path())!, 'utf8');
    // Excel-safe: a byte-order mark, Windows line ends.
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).trim().split('\r\n');
    expect(lines).toHaveLength(6);
    // The full-width digits made ASCII, and the plain comparator written empty.
    expect(lines[4]).toBe('tumed-left,aq-good-days,2025,actual,,300,天,false,tumed-left-report-2025,9,空气质量优良天数达300天,');
    expect(lines[5]).toContain('tumed-lft'); // the bad row is kept for the staff member to fix
    expect(await card.textContent()).toContain('2 changes');

    // Another view and back: the files are still there.
    await page.click('nav a[href*="view=data"]');
    await page.click('nav a[href*="view=check"]');
    await page.waitForSelector('.check-file-card[data-file="2024.csv"]');
    expect(await page.locator('.check-file-card').count()).toBe(2);
    await page.click('button[aria-label="Remove 2024.csv"]');
    expect(await page.locator('.check-file-card').count()).toBe(1);
    await page.click('text=Check again');
    await page.waitForFunction(() => !document.querySelector('.check-files[aria-busy=true]'));
    expect(await page.locator('.check-file-card').count()).toBe(1);
    await page.close();
  });
});

describe('drag and drop', () => {
  it('a file dropped on the drop zone is checked like a chosen one', async () => {
    const { page } = await open('en');
    const text = readFileSync(join(FIX, 'bad', 'wrong-year.csv'), 'utf8');
    await page.evaluate((csv) => {
      const dt = new DataTransfer();
      dt.items.add(new File([csv], '2025.csv', { type: 'text/csv' }));
      const zone = document.querySelector('.check-drop')!;
      zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, text);
    await page.waitForSelector('.check-file-card[data-file="2025.csv"] .check-summary');
    await page.waitForFunction(() => document.querySelector('.check-files')?.getAttribute('aria-busy') === 'false');
    const shown = await problems(page);
    expect(shown.map((s) => [s.line, s.column, s.name])).toEqual([['2', '3', 'year']]);
    await page.close();
  });
});

describe('screenshots', () => {
  for (const lang of ['zh', 'en'] as const) {
    for (const size of ['phone', 'desktop'] as const) {
      it(`${lang} ${size}`, async () => {
        const { page } = await open(lang, size);
        await upload(page, [
          { name: '2025.csv', path: join(FIX, 'check', '2025-preview.csv') },
          { name: '2024.csv', path: join(FIX, 'bad', 'gbk.csv') },
        ]);
        await page.waitForTimeout(200);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width).toBeLessThanOrEqual(VIEWPORTS[size].width);
        await shot(page, `check-${lang}-${size}`);
        await page.close();
      });
    }
  }
});
