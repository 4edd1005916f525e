/**
 * The scorecard and the data view in Chromium: statuses in words, cells that link to their
 * indicator, the data table's filters, sort and CSV download, phone layout without page-wide
 * overflow, and both views windowed with 3,000 districts.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, ROOT, serve, settle, shot, VIEWPORTS, type Server } from '../../scripts/lib/browser';

const DIST = process.env.DIST_DIR ?? join(ROOT, 'dist');

let browser: Browser;
let server: Server;

beforeAll(async () => {
  server = await serve(DIST);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function open(query: string, size: keyof typeof VIEWPORTS = 'desktop', base = server.url): Promise<Page> {
  const page = await browser.newPage({ viewport: VIEWPORTS[size], acceptDownloads: true });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(base + query);
  await settle(page);
  expect(errors).toEqual([]);
  return page;
}

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
const rowOf = (page: Page, name: string) => page.locator('tbody tr').filter({ has: page.locator('th', { hasText: name }) });

describe('scorecard', () => {
  it('2024 in Chinese: 土默特左旗 with statuses in words, the city without figures named', async () => {
    const page = await open('?view=scorecard&year=2024');
    expect(await page.locator('h2').first().textContent()).toBe('2024 年记分卡');
    const row = rowOf(page, '土默特左旗');
    await expect.poll(() => row.count()).toBe(1);
    // The GDP growth cell: about 6% (estimate) against about 8%: missed, provisional.
    const head = await page.locator('thead th').allTextContents();
    const gdpCol = head.findIndex((h) => h.startsWith('地区生产总值增速'));
    expect(gdpCol).toBeGreaterThan(0);
    const gdp = row.locator('td').nth(gdpCol - 1);
    expect(await gdp.locator('.status').textContent()).toContain('未达成');
    expect(await gdp.locator('.status').textContent()).toContain('预计数');
    expect(await gdp.textContent()).toContain('6%左右');
    expect(await gdp.textContent()).toContain('8%左右');
    // The row's tally: icons and counts on screen, words for assistive technology.
    expect(await row.locator('.sc-count-missed').textContent()).toMatch(/^✖\d+$/);
    expect(await row.locator('.sc-tally').getAttribute('aria-label')).toMatch(/^\d+ 项达成，\d+ 项接近，\d+ 项未达成，\d+ 项待公布，\d+ 项结果未收录$/);
    // A link's name: its district, its indicator and its own words, estimate included.
    expect(await page.getByRole('link', { name: '土默特左旗 地区生产总值增速 未达成（预计数，待确认） 实际 6%左右 目标 8%左右', exact: true }).count()).toBe(1);
    expect(await page.locator('.sc-without').textContent()).toContain('呼和浩特市');
    expect(await page.locator('tbody th', { hasText: '呼和浩特市' }).count()).toBe(0);
    await shot(page, 'scorecard-zh-desktop');
    await page.close();
  });

  it('2024 in English on a phone: words, a box that scrolls inside itself, no page overflow', async () => {
    const page = await open('?view=scorecard&year=2024&lang=en', 'phone');
    const row = rowOf(page, 'Tumed Left Banner');
    expect(await row.count()).toBe(1);
    expect(await row.locator('.status').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/Missed/)]));
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    const box = await page.locator('.sc-box').evaluate((el) => ({ client: el.clientWidth, scroll: el.scrollWidth }));
    expect(box.scroll).toBeGreaterThan(box.client);
    // Scrolled sideways, the district column stays put (sticky).
    const before = await row.locator('th').boundingBox();
    await page.locator('.sc-box').evaluate((el) => el.scrollBy(600, 0));
    const after = await row.locator('th').boundingBox();
    expect(after!.x).toBe(before!.x);
    await page.locator('.sc-box').evaluate((el) => el.scrollTo(0, 0));
    await shot(page, 'scorecard-en-phone');
    await page.close();
  });

  it('a cell is a real link to its indicator view, followed without a page load', async () => {
    const page = await open('?view=scorecard&year=2024&lang=en');
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
    const head = await page.locator('thead th').allTextContents();
    const col = head.findIndex((h) => h.startsWith('Retail sales growth'));
    const link = rowOf(page, 'Tumed Left Banner').locator('td').nth(col - 1).locator('a');
    expect(await link.getAttribute('href')).toBe('?view=indicator&indicator=retail-sales-growth&districts=tumed-left&year=2024&lang=en');
    await link.click();
    await page.waitForURL(/view=indicator/);
    const url = new URL(page.url());
    expect(url.searchParams.get('indicator')).toBe('retail-sales-growth');
    expect(url.searchParams.get('districts')).toBe('tumed-left');
    expect(url.searchParams.get('year')).toBe('2024');
    expect(url.searchParams.get('lang')).toBe('en');
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
    expect(await page.locator('nav a[aria-current="page"]').textContent()).toBe('Indicator');
    await settle(page);
    expect(await page.locator('main').textContent()).toContain('Retail sales growth');
    await page.goBack();
    await page.waitForURL(/view=scorecard/);
    await page.close();
  });

  it('the year selector and the district search are in the URL', async () => {
    const page = await open('?view=scorecard');
    expect(await page.locator('select').first().inputValue()).toBe('2024');
    await page.locator('select').first().selectOption('2025');
    await page.waitForURL(/year=2025/);
    expect(await page.locator('h2').first().textContent()).toBe('2025 年记分卡');
    await page.locator('input[type="search"]').fill('玉泉');
    await expect.poll(() => page.locator('tbody th.sc-name').allTextContents()).toEqual([expect.stringContaining('玉泉区')]);
    expect(new URL(page.url()).searchParams.get('q')).toBe('玉泉');
    await page.locator('input[type="search"]').fill('nowhere');
    await expect.poll(() => page.locator('.scorecard .empty').textContent()).toContain('nowhere');
    await page.close();
  });
});

describe('data view', () => {
  it('filters by indicator=grain-output: the 72万吨 row with its quote, and the count', async () => {
    const page = await open('?view=data&indicator=grain-output');
    const rows = page.locator('tbody tr:not(.spacer-row)');
    const n = await rows.count();
    expect(n).toBeGreaterThan(1);
    expect(await page.locator('.dt-count').textContent()).toMatch(new RegExp(`^显示 ${n} / \\d+ 条$`));
    const row = rows.filter({ hasText: '粮食总产量突破72万吨' });
    expect(await row.count()).toBe(1);
    expect(await row.locator('th').textContent()).toBe('土默特左旗');
    expect(await row.locator('.dt-figure').textContent()).toBe('突破72万吨');
    expect(await row.locator('.dt-year').textContent()).toBe('2024');
    expect(await row.locator('.dt-source').textContent()).toContain('2024-12-26');
    expect(await page.locator('select').first().inputValue()).toBe('grain-output');
    for (const ind of await rows.locator('.dt-indicator').allTextContents()) expect(ind).toBe('粮食总产量');
    await shot(page, 'data-zh-desktop');
    await page.close();
  });

  it('sorts by a column header click, with aria-sort and the URL', async () => {
    const page = await open('?view=data&indicator=grain-output&lang=en');
    const values = () => page.locator('tbody tr:not(.spacer-row) .dt-figure').allTextContents();
    const header = page.locator('th.dt-value');
    expect(await header.getAttribute('aria-sort')).toBe('none');
    await header.locator('button').click();
    await page.waitForURL(/sort=value/);
    expect(await header.getAttribute('aria-sort')).toBe('ascending');
    const up = await values();
    await header.locator('button').click();
    await page.waitForURL(/sort=-value/);
    expect(await header.getAttribute('aria-sort')).toBe('descending');
    const down = await values();
    expect(down).not.toEqual(up);
    expect(down[0]).toBe(up.at(-1));
    // The largest figure in 万吨 is 土默特左旗's target of at least 73万吨 (2025).
    expect(down[0]).toBe('at least 730 thousand t');
    await page.close();
  });

  it('downloads what is shown as CSV: BOM, the contract’s columns plus source title, the quotes', async () => {
    const page = await open('?view=data&indicator=grain-output&year=2024&kind=actual');
    const n = await page.locator('tbody tr:not(.spacer-row)').count();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.dt-download').click()]);
    expect(download.suggestedFilename()).toBe('observations-grain-output-2024-actual.csv');
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    const lines = text.split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('district,indicator,year,kind,comparator,value,unit,estimate,source,line,quote,note,note_en,source_title');
    expect(lines).toHaveLength(n + 1);
    expect(text).toContain('tumed-left,grain-output,2024,actual,>,72,万吨,false,tumed-left-work-report-2025,94,粮食总产量突破72万吨,');
    // Yuquan's quote holds a comma: quoted, not split.
    expect(text).toContain('"粮食播种面积8.4万亩,总产量稳定在4万吨以上"');
    await page.close();
  });

  it('on a phone: filters wrap, the table scrolls in its own box, no page overflow', async () => {
    const page = await open('?view=data&lang=en', 'phone');
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await page.locator('.dt-count').textContent()).toMatch(/^Showing (\d+) of \1 rows$/);
    await shot(page, 'data-en-phone');
    await page.close();
  });
});

describe('3,000 districts', () => {
  let big: Server;
  let dir: string;
  const N = 3000;
  // Eight columns: wider than a phone's or a laptop's scroll box, so the columns are windowed too.
  const INDICATORS = [
    ['gdp-growth', '%', 6],
    ['grain-output', '万吨', 50],
    ['retail-sales-growth', '%', 5],
    ['income-growth', '%', 6],
    ['trade-growth', '%', 4],
    ['budget-revenue-growth', '%', 3],
    ['fixed-investment-growth', '%', 7],
    ['industrial-va-growth', '%', 8],
  ] as const;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'scorecard-e2e-'));
    cpSync(DIST, dir, { recursive: true });
    const districts = ['id,name_zh,name_en,level,parent,adcode'];
    const obs = ['district,indicator,year,kind,comparator,value,unit,estimate,source,line,quote,note'];
    for (let i = 0; i < N; i++) {
      districts.push(`p${i},测试${i}县,Testville ${i},county,,${String(100000 + i)}`);
      for (const [ind, unit, v] of INDICATORS) {
        const a = v + (i % 3) - 1;
        obs.push(`p${i},${ind},2024,target,>=,${v},${unit},false,bulletin,,目标${v}${unit}以上,`);
        obs.push(`p${i},${ind},2024,actual,=,${a},${unit},false,bulletin,,实际${a}${unit},`);
      }
    }
    writeFileSync(join(dir, 'data/districts.csv'), districts.join('\n') + '\n');
    writeFileSync(join(dir, 'data/sources.csv'), 'id,title_zh,publisher_zh,district,published,kind,text,url\nbulletin,统计公报,统计局,p0,2025-03-01,statistics,,https://example.org/b\n');
    writeFileSync(join(dir, 'data/observations/2024.csv'), obs.join('\n') + '\n');
    rmSync(join(dir, 'data/observations/2022.csv'), { force: true });
    rmSync(join(dir, 'data/observations/2023.csv'), { force: true });
    rmSync(join(dir, 'data/observations/2025.csv'), { force: true });
    writeFileSync(join(dir, 'data/index.json'), '{"years":[2024]}\n');
    big = await serve(dir);
  });

  afterAll(async () => {
    await big?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the scorecard keeps only the rows on screen in the page, and scrolls to the last district', async () => {
    const page = await open('?view=scorecard', 'desktop', big.url);
    expect(await page.locator('.sc-table').getAttribute('aria-rowcount')).toBe(String(N + 1));
    const rendered = await page.locator('tbody tr:not(.spacer-row)').count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(80);
    const t0 = Date.now();
    await page.locator('.sc-box').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect.poll(() => page.locator('tbody th.sc-name', { hasText: `测试${N - 1}县` }).count()).toBe(1);
    const scrollMs = Date.now() - t0;
    expect(scrollMs).toBeLessThan(3000);
    expect(await page.locator('tbody tr:not(.spacer-row)').count()).toBeLessThan(80);
    await page.locator('input[type="search"]').fill('测试2999');
    await expect.poll(() => page.locator('tbody th.sc-name').count()).toBe(1);
    await shot(page, 'scorecard-3000-desktop');
    await page.close();
  });

  it('after a jump the rows in view are drawn first, and the row either side follows when the page is idle', async () => {
    const page = await open('?view=scorecard', 'desktop', big.url);
    const box = page.locator('.sc-box');
    const rows = () => box.evaluate((el) => [...el.querySelectorAll('tbody tr[data-index]')].map((tr) => Number(tr.getAttribute('data-index'))));
    await expect.poll(async () => (await rows()).length).toBeGreaterThan(3);
    // The first rows drawn after the jump, whenever that frame comes (a busy machine may take a
    // few): all of them in view, none either side yet.
    const jump = await box.evaluate(
      (el) =>
        new Promise<{ first: number[]; allInView: boolean }>((done) => {
          const drawn = () => [...el.querySelectorAll('tbody tr[data-index]')];
          const before = drawn().map((tr) => tr.getAttribute('data-index')).join();
          const t0 = performance.now();
          el.scrollTop += 20_000;
          const look = () => {
            const trs = drawn();
            if (trs.map((tr) => tr.getAttribute('data-index')).join() === before && performance.now() - t0 < 5000) return requestAnimationFrame(look);
            const b = el.getBoundingClientRect();
            done({
              first: trs.map((tr) => Number(tr.getAttribute('data-index'))),
              allInView: trs.every((tr) => tr.getBoundingClientRect().bottom > b.top && tr.getBoundingClientRect().top < b.bottom),
            });
          };
          requestAnimationFrame(look);
        }),
    );
    expect(jump.first[0]).toBeGreaterThan(50);
    expect(jump.allInView).toBe(true);
    const lo = jump.first[0]!;
    const hi = jump.first.at(-1)!;
    await expect.poll(rows).toEqual(Array.from({ length: hi - lo + 3 }, (_, i) => lo - 1 + i));
    await page.close();
  });

  it('on a phone the scorecard renders only the columns on screen, keeps every heading, and brings the others in when scrolled sideways', async () => {
    const page = await open('?view=scorecard&lang=en', 'phone', big.url);
    const row = page.locator('tbody tr[data-index="0"]');
    const cellIndexes = () => row.locator('td[aria-colindex]').evaluateAll((tds) => tds.map((td) => Number(td.getAttribute('aria-colindex'))));
    expect(await page.locator('.sc-table').getAttribute('aria-colcount')).toBe(String(INDICATORS.length + 1));
    expect(await page.locator('thead th.sc-col').count()).toBe(INDICATORS.length);
    const first = await cellIndexes();
    // Two columns fit a phone's box (three when one is cut at an edge): never all eight.
    expect(first[0]).toBe(2);
    expect(first.length).toBeGreaterThanOrEqual(2);
    expect(first.length).toBeLessThan(5);
    expect(await row.locator('td.sc-gap').getAttribute('colspan')).toBe(String(INDICATORS.length - first.length));
    // Each cell's link is named by its district, its indicator and its own words.
    expect(await page.getByRole('link', { name: /^Testville 0 GDP growth (Met|Near|Missed) Actual [\d.]+% Target at least 6%$/ }).count()).toBe(1);
    // The tally: icons and counts on screen, in words for assistive technology.
    expect(await row.locator('.sc-tally').getAttribute('aria-label')).toMatch(/^\d met, \d near, \d missed, 0 awaiting results, 0 results not in the data$/);
    const x = await page.locator('thead th.sc-col').last().evaluate((th) => th.getBoundingClientRect().x);
    await page.locator('.sc-box').evaluate((el) => el.scrollTo(el.scrollWidth, 0));
    await expect.poll(async () => (await cellIndexes()).at(-1)).toBe(INDICATORS.length + 1);
    const last = await cellIndexes();
    expect(last.length).toBeLessThan(5);
    // The last heading stays where the fixed layout put it, above its own cells.
    const headX = await page.locator('thead th.sc-col').last().evaluate((th) => th.getBoundingClientRect().x);
    const cellX = await row.locator(`td[aria-colindex="${INDICATORS.length + 1}"]`).evaluate((td) => td.getBoundingClientRect().x);
    expect(Math.abs(headX - cellX)).toBeLessThan(1);
    expect(headX).toBeLessThan(x);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await shot(page, 'scorecard-3000-phone-scrolled');
    await page.close();
  });

  it('the data view windows 48,000 observations and sorts them', async () => {
    const page = await open('?view=data&sort=-district', 'desktop', big.url);
    const count = N * INDICATORS.length * 2;
    expect(await page.locator('.dt-count').textContent()).toBe(`显示 ${count} / ${count} 条`);
    expect(await page.locator('tbody tr:not(.spacer-row)').count()).toBeLessThan(80);
    // Descending by name, numbers in names compared as numbers: 测试2999县 comes first.
    expect(await page.locator('tbody tr:not(.spacer-row) th').first().textContent()).toBe(`测试${N - 1}县`);
    await page.close();
  });
});
