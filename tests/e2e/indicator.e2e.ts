/**
 * The indicator view in Chromium against the production build: figures in table and tooltip
 * in both languages, both districts side by side, the URL as state (language switch,
 * back/forward), and phone/desktop screenshots.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { settle, shot, VIEWPORTS } from '../../scripts/lib/browser';
import { openSite } from './site';

const site = openSite();
const errors: string[] = [];

const WIDE = { width: 1920, height: 1080 };
type Size = keyof typeof VIEWPORTS | 'wide';
const viewport = (size: Size) => (size === 'wide' ? WIDE : VIEWPORTS[size]);

async function open(query: string, size: Size = 'desktop'): Promise<Page> {
  const page = await site.browser.newPage({ viewport: viewport(size) });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(site.server.url + query);
  await settle(page);
  return page;
}

const rowText = (page: Page, district: string, year: number) =>
  page.locator(`.iv-table table[data-district="${district}"] tr[data-year="${year}"]`).innerText();

/** Hovers the tallest bar drawn in a colour and returns the tooltip's text. */
async function tooltipOfBar(page: Page, fill: string): Promise<string> {
  const box = await page.evaluate((colour) => {
    const paths = [...document.querySelectorAll(`.chart-box svg path[fill="${colour}"]`)].filter((p) => !p.getAttribute('transform'));
    const rects = paths.map((p) => p.getBoundingClientRect()).sort((a, b) => b.height - a.height);
    const r = rects[0];
    return r ? { x: r.x + r.width / 2, y: r.y + r.height / 2 } : null;
  }, fill);
  expect(box).not.toBeNull();
  await page.mouse.move(box!.x, box!.y);
  await page.mouse.move(box!.x + 1, box!.y + 2);
  const tip = page.locator('.chart-box .tt').first();
  await tip.waitFor({ state: 'visible', timeout: 5000 });
  return tip.innerText();
}

describe('indicator view', () => {
  it('zh: grain output of 土默特左旗 shows the 2024 result 72 and the 2025 target 73, in table, tooltip and description', async () => {
    const page = await open('?view=indicator&indicator=grain-output&districts=tumed-left');
    expect(await page.locator('#iv-title').innerText()).toContain('粮食总产量');
    expect(await rowText(page, 'tumed-left', 2024)).toContain('突破72万吨');
    expect(await rowText(page, 'tumed-left', 2025)).toContain('73万吨以上');
    const description = await page.locator('.chart-box[role="img"]').getAttribute('aria-label');
    expect(description).toContain('2024年实际突破72万吨');
    expect(description).toContain('2025年目标73万吨以上');
    const tip = await tooltipOfBar(page, '#0072B2');
    expect(tip).toContain('土默特左旗 · 2024');
    expect(tip).toContain('突破72万吨');
    expect(tip).toContain('突破（超过）');
    expect(tip).toMatch(/第\d+行/);
    expect(tip).toContain('粮食总产量突破72万吨');
    // The source of each figure is one tap away.
    await page.locator('.iv-table tr[data-year="2024"] .source-note summary').first().click();
    expect(await page.locator('.iv-table tr[data-year="2024"] .source-note blockquote').first().innerText()).toContain('72万吨');
    await shot(page, 'indicator-grain-zh-desktop');
    // Downloads of exactly this chart, named for the indicator and years.
    for (const [label, ext] of [['下载 SVG', 'svg'], ['下载 PNG', 'png']] as const) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: label }).click()]);
      expect(download.suggestedFilename()).toBe(`grain-output-2023-2025.${ext}`);
    }
    await page.close();
  });

  it('en: the same figures as the report words them in English, with the report’s own words beside', async () => {
    const page = await open('?view=indicator&indicator=grain-output&districts=tumed-left&lang=en');
    expect(await page.locator('#iv-title').innerText()).toContain('Grain output');
    const r2024 = await rowText(page, 'tumed-left', 2024);
    expect(r2024).toContain('over 720 thousand t');
    expect(await rowText(page, 'tumed-left', 2025)).toContain('at least 730 thousand t');
    const tip = await tooltipOfBar(page, '#0072B2');
    expect(tip).toContain('Tumed Left Banner · 2024');
    expect(tip).toContain('over 720 thousand t');
    expect(tip).toContain('粮食总产量突破72万吨');
    expect(tip).toMatch(/line \d+/);
    await shot(page, 'indicator-grain-en-desktop');
    await page.close();
  });

  it('gdp-growth shows both districts side by side, with estimates marked', async () => {
    const page = await open('?view=indicator&indicator=gdp-growth');
    const captions = await page.locator('.iv-table caption').allInnerTexts();
    expect(captions).toEqual(['土默特左旗', '玉泉区']);
    // ECharts puts its <svg> in before it draws into it: the drawing is awaited, not assumed.
    const svgText = () => page.locator('.chart-box svg').first().textContent();
    await expect.poll(svgText, { timeout: 15_000 }).toContain('土默特左旗');
    const chartText = await svgText();
    expect(chartText).toContain('玉泉区');
    expect(chartText).toContain('预计');
    expect(await page.locator('.iv-key li[data-key="band"]').innerText()).toContain('目标上下 0.5 个百分点');
    expect(await rowText(page, 'tumed-left', 2024)).toContain('6%左右（预计）');
    await page.close();
  });

  it('the language switch keeps the view and the indicator', async () => {
    const page = await open('?view=indicator&indicator=grain-output&districts=tumed-left');
    await page.locator('.lang-switch').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    const url = new URL(page.url());
    expect(url.searchParams.get('view')).toBe('indicator');
    expect(url.searchParams.get('indicator')).toBe('grain-output');
    expect(url.searchParams.get('districts')).toBe('tumed-left');
    expect(url.searchParams.get('lang')).toBe('en');
    expect(await page.locator('#iv-title').innerText()).toContain('Grain output');
    await page.close();
  });

  it('back and forward move between indicators', async () => {
    const page = await open('?view=indicator&indicator=gdp-growth');
    const select = page.locator('.iv-indicator select');
    await select.selectOption('grain-output');
    await page.waitForFunction(() => document.querySelector('#iv-title')?.textContent?.includes('粮食总产量'));
    expect(new URL(page.url()).searchParams.get('indicator')).toBe('grain-output');
    await page.goBack();
    await page.waitForFunction(() => document.querySelector('#iv-title')?.textContent?.includes('地区生产总值增速'));
    expect(await select.inputValue()).toBe('gdp-growth');
    await page.goForward();
    await page.waitForFunction(() => document.querySelector('#iv-title')?.textContent?.includes('粮食总产量'));
    expect(await select.inputValue()).toBe('grain-output');
    await page.close();
  });

  it('the district picker narrows the chart and table, and writes the districts into the URL', async () => {
    const page = await open('?view=indicator&indicator=gdp-growth');
    await page.locator('.iv-picker summary').click();
    await page.locator('.iv-picker label', { hasText: '玉泉区' }).locator('input').uncheck();
    await page.waitForFunction(() => document.querySelectorAll('.iv-table table').length === 1);
    expect(new URL(page.url()).searchParams.get('districts')).toBe('tumed-left');
    expect(await page.locator('.iv-table caption').allInnerTexts()).toEqual(['土默特左旗']);
    // Redrawn with the one district (not merely empty between two drawings).
    await expect.poll(() => page.locator('.chart-box svg').first().textContent(), { timeout: 15_000 }).toMatch(/^(?!.*玉泉区).*土默特左旗/s);
    await page.close();
  });

  it('an unknown indicator in the link is said to be unknown, with a choice, never another indicator in its place', async () => {
    const page = await open('?view=indicator&indicator=nope&lang=en');
    expect(await page.locator('.notice-warning').first().innerText()).toContain('“nope” in the link does not exist');
    expect(await page.locator('#iv-title').innerText()).toBe('Unknown indicator');
    expect(await page.locator('.chart-box').count()).toBe(0);
    // The choice is grouped by category and can be narrowed by a search.
    expect(await page.locator('.iv-indicator optgroup').evaluateAll((els) => els.map((e) => e.getAttribute('label')))).toEqual(['Economy', 'Agriculture', 'Environment', 'Society']);
    await page.fill('.iv-indicator .indicator-search', 'grain');
    expect(await page.locator('.iv-indicator option[value]:not([value=""])').evaluateAll((els) => els.map((e) => e.getAttribute('value')))).toEqual(['grain-output', 'grain-area']);
    await page.selectOption('.iv-indicator select', 'grain-output');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('indicator') === 'grain-output');
    expect(await page.locator('#iv-title').innerText()).toContain('Grain output');
    // A malformed id is reported the same way, as text.
    await page.goto(page.url().replace(/indicator=[^&]*/, 'indicator=%3Cb%3EX'));
    expect(await page.locator('.notice-warning').first().innerText()).toContain('“<b>X”');
    await page.close();
  });

  for (const lang of ['zh', 'en'] as const) {
    for (const size of ['phone', 'desktop', 'wide'] as const) {
      it(`fits the ${size} in ${lang} (screenshot)`, async () => {
        const page = await open(`?view=indicator&indicator=gdp-growth${lang === 'en' ? '&lang=en' : ''}`, size);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width).toBeLessThanOrEqual(viewport(size).width);
        // The chart fills its column: at 360 px it must not be cut, at 1920 not a postage stamp.
        const chartWidth = await page.locator('.chart-box').evaluate((e) => e.getBoundingClientRect().width);
        expect(chartWidth).toBeGreaterThan(Math.min(viewport(size).width, 1600) * 0.8);
        expect(await page.locator('.chart-box svg').count()).toBeGreaterThan(0);
        await shot(page, `indicator-${lang}-${size}`);
        await page.close();
      });
    }
  }

  it('logged no page errors', () => {
    expect(errors).toEqual([]);
  });
});
