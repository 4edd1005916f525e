/**
 * Citizen pages in Chromium at phone and desktop sizes, in Chinese and English: the good-air
 * days and grain output of the bundled data appear, nothing scrolls sideways, tap targets are
 * large, and the share button copies the link (or offers it in a field where copying is refused).
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { settle, shot, VIEWPORTS} from '../../scripts/lib/browser';
import { openSite } from './site';

const site = openSite();

async function open(size: keyof typeof VIEWPORTS, query: string, init?: (ctx: BrowserContext) => Promise<void>): Promise<{ page: Page; errors: string[]; ctx: BrowserContext }> {
  const ctx = await site.browser.newContext({ viewport: VIEWPORTS[size] });
  if (init) await init(ctx);
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(site.server.url + query);
  await settle(page);
  return { page, errors, ctx };
}

const widths = (page: Page) => page.evaluate(() => ({ doc: document.documentElement.scrollWidth, view: window.innerWidth }));

/** Buttons, links, fields and summaries of the view that are visible but under 44 px tall (a checkbox's target is its label). */
const smallTargets = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('main button, main summary, main input:not([type=checkbox]), main a, main label.check')]
      .filter((el) => el.checkVisibility())
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && r.height > 0 && r.height < 43.5)
      .map(({ el, r }) => `${el.tagName} "${(el.textContent ?? '').trim().slice(0, 30)}" ${Math.round(r.height)}px`),
  );

const sizes = ['phone', 'desktop'] as const;

describe.each(sizes)('air page, %s', (size) => {
  it('zh: shows 297 and 308 good-air days of 2024, the ratio, a sentence and the explanation', async () => {
    const { page, errors, ctx } = await open(size, '?view=air');
    const tl = page.locator('[data-district="tumed-left"]');
    const yq = page.locator('[data-district="yuquan"]');
    await expect.poll(() => tl.locator('.big-num').first().textContent()).toBe('297天');
    expect(await yq.locator('.big-num').first().textContent()).toBe('308天');
    expect(await tl.locator('.big-after').first().textContent()).toContain('全年366天');
    expect(await tl.locator('.big-num').nth(1).textContent()).toBe('85.4%');
    expect(await tl.locator('.sentence').textContent()).toBe(
      '2024年，土默特左旗全年366天中有297天空气质量为优良，报告写明的优良天数比例为85.4%。这是目前唯一有结果数字的一年，还看不出变化。2025年优良天数比例的目标用文字表述，没有具体数字。',
    );
    expect(await yq.locator('.sentence').textContent()).toContain('玉泉区全年366天中有308天空气质量为优良');
    const explain = await page.locator('.explain').textContent();
    expect(explain).toContain('AQI 在 0–50 为“优”，51–100 为“良”');
    expect(explain).toContain('GB 3095-2012');
    expect(explain).toContain('297 ÷ 366 ≈ 81.1%');
    // Each chart exists and draws bars.
    expect(await tl.locator('.chart-box svg').count()).toBeGreaterThan(0);
    // The source is one tap away.
    await tl.locator('.big .source-note summary').first().click();
    expect(await tl.locator('.big .source-note blockquote').first().textContent()).toContain('297');
    const w = await widths(page);
    expect(w.doc).toBeLessThanOrEqual(w.view);
    expect(await smallTargets(page)).toEqual([]);
    await shot(page, `citizen-air-zh-${size}`);
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('en: the same figures in English', async () => {
    const { page, errors, ctx } = await open(size, '?view=air&lang=en');
    const tl = page.locator('[data-district="tumed-left"]');
    await expect.poll(() => tl.locator('.big-num').first().textContent()).toBe('297 days');
    expect(await page.locator('[data-district="yuquan"] .big-num').first().textContent()).toBe('308 days');
    expect(await tl.locator('.sentence').textContent()).toBe(
      'In 2024, Tumed Left Banner had good air on 297 days out of 366; the report gives the share of good-air days as 85.4%. This is the only year with a reported result so far, so there is no trend yet. The 2025 target for the share of good-air days is given in words, without a number.',
    );
    expect(await page.locator('.explain').textContent()).toContain('An AQI of 0–50 is “excellent” and 51–100 is “good”');
    const w = await widths(page);
    expect(w.doc).toBeLessThanOrEqual(w.view);
    await shot(page, `citizen-air-en-${size}`);
    expect(errors).toEqual([]);
    await ctx.close();
  });
});

describe.each(sizes)('grain page, %s', (size) => {
  it('zh: shows 2024 grain output 72 (突破72万吨), targets and the computed yield', async () => {
    const { page, errors, ctx } = await open(size, '?view=grain');
    const tl = page.locator('[data-district="tumed-left"]');
    const yq = page.locator('[data-district="yuquan"]');
    await expect.poll(() => tl.locator('.big-num').first().textContent()).toBe('突破72万吨');
    expect(await tl.locator('.big-label').first().textContent()).toBe('2024年粮食总产量');
    expect(await tl.locator('.sentence').textContent()).toBe('2024年，土默特左旗粮食总产量突破72万吨。这是目前唯一有结果数字的一年，还看不出变化。2025年粮食总产量的目标是73万吨以上。');
    // 4 万吨 ÷ 8.4 万亩 = 476.2 公斤/亩, a floor because the output is "4万吨以上".
    expect(await yq.locator('.big-computed .big-num').textContent()).toBe('476公斤/亩以上');
    expect(await yq.locator('.big-computed .computed-tag').textContent()).toBe('本站计算');
    // Targets are listed year by year, with their status where there is a result.
    await tl.locator('.years-details > summary').click();
    expect(await tl.locator('.year-list').textContent()).toContain('总产量目标：73万吨以上');
    const w = await widths(page);
    expect(w.doc).toBeLessThanOrEqual(w.view);
    expect(await smallTargets(page)).toEqual([]);
    await shot(page, `citizen-grain-zh-${size}`);
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('en: output in English units', async () => {
    const { page, errors, ctx } = await open(size, '?view=grain&lang=en');
    const tl = page.locator('[data-district="tumed-left"]');
    await expect.poll(() => tl.locator('.big-num').first().textContent()).toBe('over 720 thousand t');
    expect(await tl.locator('.sentence').textContent()).toBe(
      'In 2024, Tumed Left Banner harvested over 720 thousand t of grain. This is the only year with a reported result so far, so there is no trend yet. The 2025 target for grain output is at least 730 thousand t.',
    );
    expect(await page.locator('[data-district="yuquan"] .big-computed .big-num').textContent()).toBe('at least 476 kg/mu');
    const w = await widths(page);
    expect(w.doc).toBeLessThanOrEqual(w.view);
    await shot(page, `citizen-grain-en-${size}`);
    expect(errors).toEqual([]);
    await ctx.close();
  });
});

describe('district picker', () => {
  it('unticking a district hides its card and puts the choice in the link', async () => {
    const { page, ctx } = await open('phone', '?view=grain');
    expect(await page.locator('[data-district]').count()).toBe(2);
    await page.getByText('选择地区（已显示 2 个，共 2 个）').click();
    await page.getByRole('checkbox', { name: '玉泉区' }).uncheck();
    await expect.poll(() => page.locator('[data-district]').count()).toBe(1);
    expect(await page.locator('[data-district]').getAttribute('data-district')).toBe('tumed-left');
    expect(new URL(page.url()).searchParams.get('districts')).toBe('tumed-left');
    const w = await widths(page);
    expect(w.doc).toBeLessThanOrEqual(w.view);
    await ctx.close();
  });

  it('a district id in the link without figures is named, the rest still shows', async () => {
    const { page, ctx } = await open('phone', '?view=air&districts=nowhere,yuquan');
    expect(await page.locator('[data-district]').count()).toBe(1);
    expect(await page.locator('.notice-warning').textContent()).toContain('nowhere');
    await ctx.close();
  });
});

describe('share button', () => {
  it('copies the link and says so (no share sheet)', async () => {
    const { page, ctx } = await open('phone', '?view=air&districts=yuquan', async (c) => {
      await c.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.server.url.replace(/\/$/, '') });
      // No Web Share: the button must copy instead.
      await c.addInitScript(() => Object.defineProperty(Navigator.prototype, 'share', { value: undefined, configurable: true }));
    });
    expect(await page.locator('[data-district]').count()).toBe(1);
    // The explanation's worked example comes from a district that has both figures, even if not shown.
    expect(await page.locator('.explain-example').textContent()).toContain('土默特左旗2024年有 297 天优良');
    await page.getByRole('button', { name: '分享链接' }).click();
    await expect.poll(() => page.locator('.share-status').textContent()).toBe('链接已复制');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${site.server.url}?view=air&districts=yuquan`);
    await shot(page, 'citizen-share-copied-phone');
    await ctx.close();
  });

  it('en: says "Link copied"', async () => {
    const { page, ctx } = await open('desktop', '?view=grain&lang=en', async (c) => {
      await c.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.server.url.replace(/\/$/, '') });
      await c.addInitScript(() => Object.defineProperty(Navigator.prototype, 'share', { value: undefined, configurable: true }));
    });
    await page.getByRole('button', { name: 'Share link' }).click();
    await expect.poll(() => page.locator('.share-status').textContent()).toBe('Link copied');
    await ctx.close();
  });

  it('offers the link in a selectable field when copying is refused', async () => {
    const { page, ctx } = await open('phone', '?view=grain', async (c) => {
      await c.addInitScript(() => {
        Object.defineProperty(Navigator.prototype, 'share', { value: undefined, configurable: true });
        Object.defineProperty(Navigator.prototype, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) }, configurable: true });
      });
    });
    await page.getByRole('button', { name: '分享链接' }).click();
    const field = page.locator('.share-field');
    await expect.poll(() => field.count()).toBe(1);
    expect(await field.inputValue()).toBe(`${site.server.url}?view=grain`);
    expect(await page.locator('.share-status').textContent()).toBe('');
    const w = await widths(page);
    expect(w.doc).toBeLessThanOrEqual(w.view);
    await ctx.close();
  });
});
