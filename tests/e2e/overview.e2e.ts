/**
 * The overview and presentation mode in Chromium, on the bundled data: real figures and status
 * words in zh and en, phone and desktop, the numbers before ECharts, slides stepped by keys.
 */
import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { settle, shot, VIEWPORTS } from '../../scripts/lib/browser';
import { openSite } from './site';

const site = openSite();

async function open(query: string, viewport: { width: number; height: number } = VIEWPORTS.desktop): Promise<Page> {
  const page = await site.browser.newPage({ viewport });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  (page as Page & { errors?: string[] }).errors = errors;
  await page.goto(site.server.url + query);
  await page.waitForSelector('[data-first-number], .presentation, .overview .empty', { timeout: 15_000 });
  return page;
}

/** What a reader sees in an element once it is scrolled to (cards out of sight are not laid out: content-visibility). */
const text = async (page: Page, sel: string) => {
  const el = page.locator(sel).first();
  await el.scrollIntoViewIfNeeded();
  return el.innerText();
};
const card = (district: string, indicator: string) => `.ov-district[data-district="${district}"] .ov-card[data-indicator="${indicator}"]`;
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
const search = (page: Page) => new URL(page.url()).searchParams;

describe('overview', () => {
  it('zh desktop: 2024 by default, both districts, missed estimates first, real figures and words', async () => {
    const page = await open('');
    expect(await text(page, '#ov-title')).toBe('2024年主要指标总览');
    expect(await page.locator('.ov-district h3').allInnerTexts()).toEqual(['土默特左旗', '玉泉区']);

    // The first number on the page is the first card's result: 土默特左旗 GDP growth, an estimate.
    expect(await text(page, '[data-first-number]')).toBe('6%左右');
    const first = page.locator('.ov-district[data-district="tumed-left"] .ov-card').first();
    expect(await first.getAttribute('data-indicator')).toBe('gdp-growth');
    const gdp = await first.innerText();
    for (const s of ['未达成', '（预计数，待确认）', '8%左右', '差 2 个百分点', '2025年目标', '6.5%左右']) expect(gdp).toContain(s);
    // The status's icon, drawn before its word (CSS, not read aloud): never colour alone.
    expect(await first.locator('.status').evaluate((el) => getComputedStyle(el, '::before').content)).toBe('"✖ " / ""');
    // Missed ones lead, each with its word.
    const statuses = await page.locator('.ov-district[data-district="tumed-left"] .ov-card').evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
    expect(statuses.slice(0, 5)).toEqual(['missed', 'missed', 'missed', 'missed', 'met']);

    // 土默特左旗 grain output 2024: over 72 (万吨), no 2024 target, 2025 target 73 or more.
    const grain = await text(page, card('tumed-left', 'grain-output'));
    expect(grain).toContain('突破72万吨');
    // Its 2024 targets come from a news summary, not the work report that set them: "not in the data".
    expect(grain).toContain('目标未收录');
    expect(grain).not.toContain('未设目标');
    expect(grain).toContain('73万吨以上');
    // A single year of results is said once for the page, not on each card.
    expect(grain).not.toContain('历年结果');
    expect(await page.locator('.ov-trend-only').allInnerTexts()).toEqual(['历年结果：部分指标仅有2024年数据，不画趋势线。']);
    expect(await text(page, card('yuquan', 'aq-good-days'))).toContain('308天');

    // The source is one tap away.
    const source = page.locator(`${card('tumed-left', 'grain-output')} .source-note`).first();
    await source.locator('summary').click();
    expect(await source.innerText()).toContain('粮食总产量突破72万吨');

    expect(await text(page, '.ov-district[data-district="tumed-left"] .ov-summary')).toBe('5项目标中达成1项、未达成4项；9项结果的目标未收录——8/14项结果为预计数。');
    expect(await text(page, '.ov-district[data-district="yuquan"] .ov-missing')).toBe('2024年无数据：进出口总额增速、奶牛存栏、鲜奶年产量、空气质量优良天数比例、地区生产总值');
    // 土默特左旗 has no 2024 sown area, only the 2025 target: said on the card.
    expect(await text(page, card('tumed-left', 'grain-area'))).toContain('2024年无此项数据');
    await settle(page);
    await shot(page, 'overview-zh-desktop');
    expect((page as Page & { errors?: string[] }).errors).toEqual([]);
    await page.close();
  });

  it('en desktop and the language switch keep the view, year and districts', async () => {
    const page = await open('?year=2024&districts=tumed-left,yuquan');
    await page.click('.lang-switch');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    const q = search(page);
    expect([q.get('lang'), q.get('view'), q.get('year'), q.get('districts')]).toEqual(['en', null, '2024', 'tumed-left,yuquan']);
    expect(await text(page, '#ov-title')).toBe('Headline indicators, 2024');
    expect(await text(page, '[data-first-number]')).toBe('about 6%');
    const gdp = await text(page, card('tumed-left', 'gdp-growth'));
    for (const s of ['Missed', 'estimate', 'about 8%', '2 points short', '2025 target', 'about 6.5%']) expect(gdp).toContain(s);
    const grain = await text(page, card('tumed-left', 'grain-output'));
    for (const s of ['over 720 thousand t', 'Target not in the data', 'at least 730 thousand t']) expect(grain).toContain(s);
    expect(grain).not.toContain('No target set');
    expect(await text(page, '.ov-district[data-district="tumed-left"] .ov-summary')).toBe(
      '1 of 5 targets met, 4 missed; 9 results whose target is not in the data — 8 of 14 results are provisional.',
    );
    expect(await text(page, '.ov-district[data-district="yuquan"] .ov-missing')).toContain('No 2024 figure: Import and export');
    await settle(page);
    await shot(page, 'overview-en-desktop');
    await page.close();
  });

  for (const lang of ['zh', 'en'] as const) {
    it(`${lang} phone (360 px): no horizontal overflow, numbers and words readable`, async () => {
      const page = await open(lang === 'en' ? '?lang=en' : '', VIEWPORTS.phone);
      await settle(page);
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      expect(await text(page, '[data-first-number]')).toBe(lang === 'zh' ? '6%左右' : 'about 6%');
      expect(await text(page, card('tumed-left', 'gdp-growth'))).toContain(lang === 'zh' ? '未达成' : 'Missed');
      // Every card fits the screen.
      const widest = await page.locator('.ov-card').evaluateAll((els) => Math.max(...els.map((e) => e.getBoundingClientRect().right)));
      expect(widest).toBeLessThanOrEqual(360);
      await shot(page, `overview-${lang}-phone`);
      await page.close();
    });
  }

  it('the district picker and year selector change what is shown, in the URL', async () => {
    const page = await open('');
    await page.click('.ov-picker > summary');
    // Both shown, both ticked: unticking one leaves the other.
    expect(await page.getByRole('checkbox', { name: '玉泉区' }).isChecked()).toBe(true);
    await page.getByRole('checkbox', { name: '土默特左旗' }).uncheck();
    await page.waitForFunction(() => document.querySelectorAll('.ov-district').length === 1);
    expect(search(page).get('districts')).toBe('yuquan');
    expect(await page.locator('.ov-district h3').allInnerTexts()).toEqual(['玉泉区']);
    await page.selectOption('.overview .controls select', '2025');
    await page.waitForFunction(() => document.querySelector('#ov-title')?.textContent === '2025年主要指标总览');
    expect(search(page).get('year')).toBe('2025');
    // 2025 has targets only; on 2026-12-06 their results are due: each card says the data lack them.
    expect(await text(page, card('yuquan', 'new-urban-jobs'))).toContain('结果未收录');
    expect(await text(page, card('yuquan', 'new-urban-jobs'))).not.toContain('待公布');
    expect(await text(page, card('yuquan', 'new-urban-jobs'))).toContain('7400人');
    await page.close();
  });

  it('a district chosen without figures, and an unknown id, are said in words', async () => {
    const page = await open('?districts=hohhot,nowhere,tumed-left');
    expect(await page.locator('.ov-district h3').allInnerTexts()).toEqual(['土默特左旗']);
    expect(await text(page, '.ov-without')).toBe('2024年没有主要指标数据的地区：呼和浩特市');
    expect(await text(page, '.notice-warning')).toContain('nowhere');
    await page.close();
  });

  it('shows the numbers before ECharts loads; the sparkline keeps gaps and marks estimates', async () => {
    const page = await site.browser.newPage({ viewport: VIEWPORTS.desktop });
    // Give 土默特左旗 grain output an estimated 2022 result, so 2022–2024 is a line with a gap in 2023.
    await page.route('**/data/observations/2022.csv', async (route: Route) => {
      const res = await route.fetch();
      const body = (await res.text()) + 'tumed-left,grain-output,2022,actual,=,65,万吨,true,tumed-left-npc-news-2024,8,粮食总产量65万吨,,,\n';
      await route.fulfill({ response: res, body });
    });
    // Hold the ECharts chunk until the numbers are on the page.
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => (release = r));
    await page.route(/EChartCore-[\w-]+\.js$/, async (route: Route) => {
      await held;
      await route.continue();
    });
    await page.goto(site.server.url);
    await page.waitForSelector('[data-first-number]');
    expect(await text(page, '[data-first-number]')).toBe('6%左右');
    const trend = page.locator(`${card('tumed-left', 'grain-output')} .ov-trend`);
    await trend.scrollIntoViewIfNeeded();
    const label = await trend.locator('[role="img"]').getAttribute('aria-label');
    expect(label).toBe('粮食总产量历年结果（2022–2024）：2022年65万吨（预计）；2023年无数据；2024年72万吨');
    expect(await page.locator('.ov-trend svg').count()).toBe(0);
    release();
    await trend.locator('svg path').first().waitFor({ state: 'attached', timeout: 15_000 });
    const paths = await trend.locator('svg path').evaluateAll((els) => els.map((e) => ({ d: e.getAttribute('d') ?? '', fill: e.getAttribute('fill') ?? '' })));
    // The line is two lone points (the 2023 gap is not bridged and not a zero) ...
    const line = paths.find((p) => p.fill === 'none')!.d;
    expect(line.match(/M/g)?.length).toBe(2);
    expect(line).not.toMatch(/L/i);
    // ... the 2022 estimate drawn hollow, the 2024 figure filled.
    const symbols = paths.filter((p) => p.d.includes('A')).map((p) => p.fill);
    expect(symbols).toEqual(['#fff', '#0072B2']);
    await shot(page, 'overview-sparkline');
    await page.close();
  });
});

describe('presentation mode', () => {
  it('enters from the overview, steps with keys (slide in the URL), and Esc leaves', async () => {
    const page = await open('', { width: 1920, height: 1080 });
    await page.click('.ov-present');
    await page.waitForSelector('.presentation .pr-slide');
    let q = search(page);
    expect([q.get('present'), q.get('slide')]).toEqual(['1', '1']);
    expect(await page.locator('.app-header').count()).toBe(0);
    // Each district's opening slide first, then the indicators.
    expect(await text(page, '.pr-head h2')).toBe('土默特左旗');
    expect(await page.locator('.pr-opening').getAttribute('data-district')).toBe('tumed-left');
    await page.keyboard.press('End');
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('slide') === '3');
    expect(await text(page, '.pr-head h2')).toBe('地区生产总值增速');
    const tl = await text(page, '.pr-row[data-district="tumed-left"]');
    for (const s of ['6%左右', '8%左右', '未达成', '差 2 个百分点']) expect(tl).toContain(s);
    expect(await text(page, '.pr-row[data-district="yuquan"]')).toContain('7%');
    await settle(page);
    await shot(page, 'present-zh-1920');

    const step = async (key: string, slide: number) => {
      await page.keyboard.press(key);
      await page.waitForFunction((n) => new URL(location.href).searchParams.get('slide') === String(n), slide);
      expect(await page.locator('.pr-slide').getAttribute('data-slide')).toBe(String(slide));
    };
    await step('ArrowRight', 4);
    expect(await text(page, '.pr-head h2')).toBe('规模以上工业增加值增速');
    await step('PageDown', 5);
    await step('Space', 6);
    await step('ArrowLeft', 5);
    await step('PageUp', 4);
    await step('End', 17);
    await step('ArrowRight', 17);
    await step('Home', 1);
    expect(await text(page, '.pr-count')).toBe('第 1 / 17 页');
    // On-screen buttons do the same.
    await page.getByRole('button', { name: '下一页' }).click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('slide') === '2');
    await page.keyboard.press('Escape');
    await page.waitForSelector('.overview');
    q = search(page);
    expect([q.get('present'), q.get('slide')]).toEqual([null, null]);
    expect(await page.locator('.app-header').count()).toBe(1);
    // Focus returns to the button that started the presentation.
    await page.waitForFunction(() => document.activeElement?.classList.contains('ov-present'));
    await page.close();
  });

  it('opens a linked slide in English, says a missing figure in words, and fits a phone', async () => {
    const page = await open('?present=1&slide=10&lang=en', { width: 1920, height: 1080 });
    expect(await text(page, '.pr-head h2')).toBe('Grain output');
    const tl = await text(page, '.pr-row[data-district="tumed-left"]');
    // Its 2024 targets come from a news summary: the target is "not in the data", not "not set".
    for (const s of ['over 720 thousand t', 'target not in the data', 'at least 730 thousand t']) expect(tl.toLowerCase()).toContain(s);
    expect(tl.toLowerCase()).not.toContain('no target set');
    await settle(page);
    await shot(page, 'present-en-1920-slide8');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('slide') === '11');
    expect(await text(page, '.pr-head h2')).toBe('Grain sown area');
    expect(await text(page, '.pr-row[data-district="tumed-left"]')).toContain('no figure for 2024');
    await page.close();

    const phone = await open('?present=1&slide=99', VIEWPORTS.phone);
    await phone.waitForFunction(() => new URL(location.href).searchParams.get('slide') === '17');
    expect(await overflow(phone)).toBeLessThanOrEqual(0);
    await settle(phone);
    await shot(phone, 'present-zh-phone');
    await phone.getByRole('button', { name: '退出演示' }).click();
    await phone.waitForSelector('[data-first-number]');
    await phone.close();
  });
});
