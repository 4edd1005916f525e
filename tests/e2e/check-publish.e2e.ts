/**
 * The check page on the real published data, as staff use it for a new year: counts that add
 * up for a 63-row file with 2 bad rows, a Chinese page without English words, an Excel-safe
 * download, a workbook giving the same problems at the same rows as its CSV, and after a clean
 * check the publishing steps with a bundle that holds the checked file and index.json.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvParseRows } from 'd3-dsv';
import { unzipSync, strFromU8 } from 'fflate';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { OBSERVATION_COLUMNS, INDICATOR_COLUMNS, SOURCE_COLUMNS, DISTRICT_COLUMNS } from '../../src/data/schema';
import { book, rowsXml } from '../xlsx-book';
import { ROOT, settle, shot, VIEWPORTS } from '../../scripts/lib/browser';
import { openSite } from './site';

const site = openSite();

const published2025 = readFileSync(join(ROOT, 'data', 'observations', '2025.csv'), 'utf8');
const header = published2025.split('\n')[0]!;
const firstRow = csvParseRows(published2025)[1]!;
const publishedRows = csvParseRows(published2025)
  .slice(1)
  .filter((r) => r.some((c) => c !== ''));
/** 61 published rows plus a 2026 row and a row with 七 and a misspelt indicator: 63 rows, 2 bad. */
const badRows = [
  publishedRows.slice(0, 61),
  [[...firstRow.slice(0, 2), '2026', ...firstRow.slice(3)]],
  [[firstRow[0]!, 'grain-outputt', '2025', 'actual', '>=', '七', '万吨', 'false', firstRow[8]!, '', '', '', '', '']],
].flat();
const badCsv = [header, ...badRows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','))].join('\n') + '\n';

async function open(lang: 'zh' | 'en', size: keyof typeof VIEWPORTS = 'desktop') {
  const page = await site.browser.newPage({ viewport: VIEWPORTS[size], acceptDownloads: true });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${site.server.url}?view=check&lang=${lang}`);
  await settle(page);
  return { page, errors };
}

async function upload(page: Page, name: string, content: string | Uint8Array) {
  const mimeType = name.endsWith('.xlsx') ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv';
  await page.setInputFiles('[data-testid=check-input]', [{ name, mimeType, buffer: Buffer.from(content) }]);
  await page.waitForFunction(
    (n) => {
      const list = document.querySelector('.check-files');
      if (!list || list.getAttribute('aria-busy') !== 'false') return false;
      const card = document.querySelector(`.check-file-card[data-file="${n}"]`);
      return !!card?.querySelector('.check-summary');
    },
    name,
    { timeout: 20_000 },
  );
}

const problems = (page: Page) =>
  page.$$eval('.check-problem', (rows) =>
    rows.map((r) => ['.check-file code', '.check-line', '.check-column', '.check-colname', '.check-cell', '.check-reason'].map((s) => r.querySelector(s)?.textContent?.trim() ?? '')),
  );

/** Latin words in the page's visible text, outside code, file names, ids, quoted cells and names of formats. */
async function englishWords(page: Page): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest('code, script, style, noscript, template') || !el.checkVisibility()) continue;
      out.push(n.textContent ?? '');
    }
    return out;
  });
  const columns = new Set<string>([...OBSERVATION_COLUMNS, ...INDICATOR_COLUMNS, ...SOURCE_COLUMNS, ...DISTRICT_COLUMNS]);
  // Names of formats and products, and the language switch's own name for English.
  const proper = new Set(['UTF', 'BOM', 'GBK', 'GB', 'CSV', 'Excel', 'WPS', 'Windows', 'KB', 'MB', 'Ctrl', 'F5', 'English']);
  return texts
    .join('\n')
    .replace(/[\w./\\-]*\.(?:csv|txt|xlsx|json|md|zip)\b/gi, ' ')
    .replace(/“[^”]*”/g, ' ')
    .replace(/\b[a-z0-9]+(?:-[a-z0-9]+)+\b/g, ' ')
    .match(/[A-Za-z][A-Za-z0-9]*/g)
    ?.filter((w) => w.length > 1 && !proper.has(w) && !columns.has(w)) ?? [];
}

describe('a new year checked on the real data', () => {
  it('a 63-row file with 2 bad rows says 共 63 行，其中 2 行有错误, in Chinese only', async () => {
    const { page, errors } = await open('zh');
    await upload(page, '2025.csv', badCsv);
    const card = page.locator('.check-file-card[data-file="2025.csv"]');
    expect(await card.locator('[data-testid=row-counts]').textContent()).toBe('共 63 行，其中 2 行有错误，0 行有警告');
    expect(await card.locator('.check-diff').textContent()).toBe('无错误的 61 行与已发布数据相比：新增 0 行，修改 0 行，未变 61 行。');
    const shown = await problems(page);
    // The bad row is told at its own line with the cells at fault (and the missing line and quote).
    expect(shown.filter((p) => p[1] === '64').map((p) => p[2])).toEqual(expect.arrayContaining(['2', '6']));
    expect(shown.filter((p) => p[1] === '63').map((p) => p[2])).toContain('3');
    expect(shown.find((p) => p[4] === 'grain-outputt')![5]).toContain('（是否应为 grain-output');
    expect(await page.locator('[data-testid=publish]').count()).toBe(0);
    expect(await englishWords(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the normalised download begins with the UTF-8 BOM and uses CRLF; the .xlsx button gives the same rows', async () => {
    const { page } = await open('en');
    await upload(page, '2025.csv', badCsv);
    const card = page.locator('.check-file-card[data-file="2025.csv"]');
    expect(await card.locator('[data-testid=row-counts]').textContent()).toBe('63 rows, 2 with errors, 0 with warnings');
    const [dl] = await Promise.all([page.waitForEvent('download'), card.locator('[data-testid=download-csv]').click()]);
    expect(dl.suggestedFilename()).toBe('2025.csv');
    const bytes = readFileSync((await dl.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = text.split('\r\n');
    expect(lines).toHaveLength(65); // header, 63 rows, the empty string after the last line end
    expect(lines[0]).toBe(header);
    const [x] = await Promise.all([page.waitForEvent('download'), card.locator('[data-testid=download-xlsx]').click()]);
    expect(x.suggestedFilename()).toBe('2025.xlsx');
    const sheet = strFromU8(unzipSync(new Uint8Array(readFileSync((await x.path())!)))['xl/worksheets/sheet1.xml']!);
    expect(sheet.match(/<row /g)).toHaveLength(64);
    expect(sheet).toContain('grain-outputt');
    await page.close();
  });

  it('an .xlsx with the same rows gives the same problems at the same rows', async () => {
    const fromCsv = await (async () => {
      const { page } = await open('zh');
      await upload(page, '2025.csv', badCsv);
      const p = await problems(page);
      await page.close();
      return p;
    })();
    const { page, errors } = await open('zh');
    await upload(page, '2025.xlsx', book({ 2025: rowsXml(csvParseRows(badCsv)) }));
    const card = page.locator('.check-file-card[data-file="2025.xlsx"]');
    expect(await card.locator('.check-sheet h5').textContent()).toBe('工作表“2025”，按 observations/2025.csv 检查');
    expect(await card.locator('[data-testid=row-counts]').textContent()).toBe('共 63 行，其中 2 行有错误，0 行有警告');
    expect(await problems(page)).toEqual(fromCsv);
    expect(fromCsv.length).toBeGreaterThanOrEqual(2);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('after a clean check the page shows 发布步骤 and the bundle downloads with the file and index.json', async () => {
    const { page, errors } = await open('zh');
    await upload(page, '2025.csv', published2025);
    const publish = page.locator('[data-testid=publish]');
    await publish.waitFor({ timeout: 10_000 });
    expect(await publish.locator('h3').textContent()).toBe('发布步骤');
    const text = (await publish.textContent()) ?? '';
    expect(text).toContain('data/observations/2025.csv — 替换同名文件');
    expect(text).toContain('data/index.json — 年份索引，列出 2022、2023、2024、2025 年');
    expect(text).toContain('无需重新构建网站');
    expect(await publish.locator('a[href*="staff-guide"]').count()).toBe(1);
    const [dl] = await Promise.all([page.waitForEvent('download'), publish.locator('.check-publish-download').click()]);
    expect(dl.suggestedFilename()).toBe('data-2025.zip');
    const files = unzipSync(new Uint8Array(readFileSync((await dl.path())!)));
    expect(Object.keys(files).sort()).toEqual(['data/index.json', 'data/observations/2025.csv']);
    expect(JSON.parse(strFromU8(files['data/index.json']!))).toEqual({ years: [2022, 2023, 2024, 2025] });
    const csv = strFromU8(files['data/observations/2025.csv']!);
    expect(csv.split('\n')[0]).toBe(header);
    expect(csvParseRows(csv).length).toBe(publishedRows.length + 1);
    // The preview of an unchanged file says so; everything stays folded.
    expect(await page.textContent('.check-preview')).toContain('没有新数字或改动');
    expect(await englishWords(page)).toEqual([]);
    expect(errors).toEqual([]);
    for (const size of ['phone', 'desktop'] as const) {
      await page.setViewportSize(VIEWPORTS[size]);
      await shot(page, `check-publish-zh-${size}`);
    }
    await page.close();
  });

  for (const lang of ['zh', 'en'] as const) {
    for (const size of ['phone', 'desktop'] as const) {
      it(`screenshot: a changed figure first, ${lang} ${size}`, async () => {
        const { page } = await open(lang, size);
        // One published figure changed (now an estimate): the preview opens on it.
        const rows = csvParseRows(published2025);
        const changed = rows.map((r, i) => (i === 1 ? [...r.slice(0, 7), 'true', ...r.slice(8)] : r));
        const text = changed.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n') + '\n';
        await upload(page, '2025.xlsx', book({ 2025: rowsXml(csvParseRows(text)) }));
        await page.locator('.check-changed-group').first().waitFor();
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width).toBeLessThanOrEqual(VIEWPORTS[size].width);
        await shot(page, `check-changes-${lang}-${size}`);
        await page.close();
      });
    }
  }
});
