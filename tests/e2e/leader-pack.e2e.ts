/**
 * The leader's pack, the phone fixes and consistency, in Chromium on the bundled data:
 * presentation slides that fill a 1920×1080 projector, the overview and scorecard printed to A4
 * PDF as a brief, tooltips within a 360 px screen, the data view's cards, the scorecard's
 * only-with-targets filter, the district picker's ticks and chart downloads with their captions.
 * Screenshots and the PDF pages are kept in test-results/screenshots/.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { settle, shot, SHOTS, VIEWPORTS } from '../../scripts/lib/browser';
import { openSite } from './site';

const site = openSite();
const PROJECTOR = { width: 1920, height: 1080 };
const errors: string[] = [];

async function open(query: string, viewport: { width: number; height: number } = VIEWPORTS.desktop): Promise<Page> {
  const page = await site.browser.newPage({ viewport });
  page.on('pageerror', (e) => errors.push(`${query}: ${e.message}`));
  await page.goto(site.server.url + query);
  await settle(page);
  return page;
}

const search = (page: Page) => new URL(page.url()).searchParams;

/** The smallest font size of any visible text in `sel`, in CSS pixels. */
const smallestText = (page: Page, sel: string) =>
  page.locator(sel).evaluate((root) => {
    let min = Infinity;
    const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      if (!n.textContent?.trim()) continue;
      const el = n.parentElement!;
      if (el.closest('.visually-hidden, details:not([open]) > :not(summary)')) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      min = Math.min(min, parseFloat(getComputedStyle(el).fontSize));
    }
    return min;
  });

/** Pages of a PDF (its page objects). */
const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length;

/** Draws a PDF's pages as PNGs beside it when poppler's pdftoppm is there (to look at them). */
function pdfToPngs(pdfPath: string, prefix: string): void {
  if (!existsSync('/usr/bin/pdftoppm')) return;
  execFileSync('/usr/bin/pdftoppm', ['-png', '-r', '60', pdfPath, join(SHOTS, prefix)]);
}

function pdfText(pdfPath: string): string | null {
  if (!existsSync('/usr/bin/pdftotext')) return null;
  return execFileSync('/usr/bin/pdftotext', ['-layout', pdfPath, '-']).toString('utf8');
}

describe('presentation on a 1920×1080 projector', () => {
  it('opens with a slide per district: counts of met, near, missed and estimates, the largest shortfalls first', async () => {
    const page = await open('?present=1', PROJECTOR);
    expect(search(page).get('slide')).toBe('1');
    const slide = page.locator('.pr-opening');
    expect(await slide.getAttribute('data-district')).toBe('tumed-left');
    expect(await slide.locator('h2').innerText()).toBe('土默特左旗');
    const counts = await slide.locator('.pr-tile').evaluateAll((els) => els.map((e) => [e.getAttribute('data-kind'), e.querySelector('.pr-tile-n')!.textContent]));
    expect(counts).toEqual([
      ['met', '1'],
      ['near', '0'],
      ['missed', '4'],
      ['provisional', '5'],
    ]);
    const gaps = await slide.locator('.pr-gaps li').evaluateAll((els) => els.map((e) => e.getAttribute('data-indicator')));
    expect(gaps[0]).toBe('fixed-investment-growth');
    expect(await slide.locator('.pr-gaps li').first().innerText()).toContain('差 18 个百分点');
    await shot(page, 'present-opening-zh-1920');
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('.pr-opening').getAttribute('data-district')).toBe('yuquan');
    await page.close();
  });

  it('fills the screen with figures readable from the back: large type, no small links, valid nesting', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const page = await open(`?present=1&slide=3${lang === 'en' ? '&lang=en' : ''}`, PROJECTOR);
      expect(await page.locator('.pr-slide').getAttribute('data-indicator')).toBe('gdp-growth');
      // One screen, no scrolling; the panels reach down to the control bar.
      const fit = await page.evaluate(() => {
        const rows = document.querySelector('.pr-rows')!.getBoundingClientRect();
        const bar = document.querySelector('.pr-bar')!.getBoundingClientRect();
        return { scroll: document.documentElement.scrollHeight - window.innerHeight, rowsBottom: rows.bottom, barTop: bar.top, rowsHeight: rows.height };
      });
      expect(fit.scroll).toBeLessThanOrEqual(0);
      expect(fit.barTop - fit.rowsBottom).toBeLessThan(60);
      expect(fit.rowsHeight).toBeGreaterThan(PROJECTOR.height * 0.6);
      const result = await page.locator('.pr-result .ov-value-big').first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
      expect(result).toBeGreaterThanOrEqual(96);
      // Nothing on the slide or its bar under 20 px: no 12 px source links.
      expect(await smallestText(page, '.presentation')).toBeGreaterThanOrEqual(20);
      expect(await page.locator('.pr-row .source-note summary').first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize))).toBeGreaterThanOrEqual(20);
      // A <details> (the source note) never sits inside a <p>.
      expect(await page.locator('.presentation p details, .presentation p div, .presentation p p').count()).toBe(0);
      await shot(page, `present-slide-${lang}-1920`);
      await page.close();
    }
  });

  it('shows only the indicators with a target when asked, held in the URL', async () => {
    const page = await open('?present=1&slide=3', PROJECTOR);
    const all = await page.locator('.pr-count').innerText();
    await page.getByRole('button', { name: '只看有目标' }).click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('targets') === '1');
    expect(search(page).get('slide')).toBe('1');
    const only = await page.locator('.pr-count').innerText();
    expect(only).not.toBe(all);
    // Every indicator slide has at least one district with a target.
    await page.keyboard.press('End');
    const last = await page.locator('.pr-slide').getAttribute('data-indicator');
    expect(['gdp-growth', 'industrial-va-growth', 'fixed-investment-growth', 'retail-sales-growth', 'budget-revenue-growth', 'income-growth']).toContain(last);
    expect(await page.locator('.pr-row .pr-target .ov-value').count()).toBeGreaterThan(0);
    await page.close();
  });
});

describe('printing on A4', () => {
  for (const [name, query, sections] of [
    ['overview', '', '.ov-district'],
    ['scorecard', '?view=scorecard', '.sc-print-district'],
  ] as const) {
    it(`${name}: a clean brief, a page per district, every figure with its status and source, no controls`, async () => {
      const page = await open(query);
      await page.emulateMedia({ media: 'print' });
      const visible = (sel: string) => page.locator(sel).evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null || getComputedStyle(e).display !== 'none').filter((e) => e.getBoundingClientRect().height > 0).length);
      expect(await visible('button, select, input, summary, .app-nav')).toBe(0);
      expect(await page.locator(sections).count()).toBe(2);
      if (name === 'overview') {
        // Each figure shown has its source in words on paper.
        const figures = await page.locator('.ov-card .ov-value').count();
        expect(await visible('.ov-print-source')).toBe(figures);
        expect(await page.locator('.ov-print-source').first().innerText()).toMatch(/^来源：.+第 \d+ 行$/);
      } else {
        const rows = page.locator('.sc-print-district[data-district="tumed-left"] tbody tr');
        expect(await rows.count()).toBeGreaterThan(10);
        const gdp = await page.locator('.sc-print-district[data-district="tumed-left"] tr[data-indicator="gdp-growth"]').innerText();
        for (const s of ['地区生产总值增速', '6%左右 (预计)', '8%左右', '未达成', '政府工作报告']) expect(gdp).toContain(s);
      }
      mkdirSync(SHOTS, { recursive: true });
      const pdfPath = join(SHOTS, `print-${name}-a4.pdf`);
      const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
      writeFileSync(pdfPath, pdf);
      // Two districts, a page break between them: at least two pages, each a size of A4.
      expect(pdfPages(pdf)).toBeGreaterThanOrEqual(2);
      expect(pdf.toString('latin1')).toMatch(/\/MediaBox\s*\[\s*0 0 59[45]\.\d+ 841\.\d+\s*\]/);
      const text = pdfText(pdfPath);
      if (text !== null) {
        expect(text).toContain('土默特左旗');
        expect(text).toContain('玉泉区');
        expect(text).not.toContain('下载');
        expect(text).not.toContain('演示模式');
        // 玉泉区 starts on a page of its own.
        // (The 数据截至 line at the top names every district whose report is due: not a section.)
        const pages = text.split('\f').map((p) => p.replace(/数据截至[\s\S]*?尚未收录。/, ''));
        expect(pages.findIndex((p) => p.includes('玉泉区'))).toBeGreaterThan(0);
      }
      pdfToPngs(pdfPath, `print-${name}-a4`);
      await page.close();
    });
  }
});

describe('on a 360 px phone', () => {
  for (const [query, name] of [
    ['?view=air', 'air'],
    ['?view=grain', 'grain'],
    ['?view=indicator&indicator=grain-output', 'indicator'],
  ] as const) {
    it(`${name}: a chart's tooltip stays within the screen`, async () => {
      const page = await open(query, VIEWPORTS.phone);
      const box = page.locator('.chart-box').first();
      await box.scrollIntoViewIfNeeded();
      await page.waitForSelector('.chart-box svg');
      const b = (await box.boundingBox())!;
      let width = 0;
      let inside = false;
      // Across the chart until a bar answers (the tooltip is a div ECharts adds to the chart).
      for (let x = b.x + b.width * 0.2; x < b.x + b.width && width === 0; x += b.width / 10) {
        await page.mouse.move(x, b.y + b.height * 0.7);
        await page.waitForTimeout(250);
        const tip = await page.evaluate(() => {
          const el = [...document.querySelectorAll<HTMLElement>('.chart-box div')].find((d) => d.style.zIndex === '9999999' && getComputedStyle(d).display !== 'none' && d.style.opacity !== '0' && d.textContent);
          if (!el) return null;
          const r = el.getBoundingClientRect();
          return { width: r.width, left: r.left, right: r.right };
        });
        if (tip) {
          width = tip.width;
          inside = tip.left >= 0 && tip.right <= 360;
        }
      }
      expect(width).toBeGreaterThan(100);
      expect(width).toBeLessThanOrEqual(336);
      expect(inside).toBe(true);
      await shot(page, `tooltip-${name}-phone`);
      await page.close();
    });
  }

  it('the data view shows each row as a card, its value first', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const page = await open(`?view=data&indicator=grain-output${lang === 'en' ? '&lang=en' : ''}`, VIEWPORTS.phone);
      const card = await page.locator('.dt-table tbody tr[data-index="0"]').evaluate((tr) => {
        const top = (sel: string) => tr.querySelector(sel)!.getBoundingClientRect().top;
        const r = tr.getBoundingClientRect();
        return { display: getComputedStyle(tr).display, width: r.width, value: top('.dt-value'), district: top('.dt-district'), quote: top('.dt-quote'), size: parseFloat(getComputedStyle(tr.querySelector('.dt-figure')!).fontSize) };
      });
      expect(card.display).toBe('grid');
      expect(card.width).toBeLessThanOrEqual(360);
      expect(card.value).toBeLessThan(card.district);
      expect(card.district).toBeLessThan(card.quote);
      expect(card.size).toBeGreaterThanOrEqual(20);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await shot(page, `data-cards-${lang}-phone`);
      await page.close();
    }
  });

  it('the scorecard leads with, and by default shows only, the indicators that have a target', async () => {
    const phone = await open('?view=scorecard', VIEWPORTS.phone);
    const targeted = await phone.locator('.sc-col').count();
    expect(await phone.locator('.sc-only-targets input').isChecked()).toBe(true);
    expect(targeted).toBeGreaterThan(3);
    expect(targeted).toBeLessThan(20);
    await shot(phone, 'scorecard-targets-zh-phone');
    // Unticked: every indicator, and the link says so.
    await phone.locator('.sc-only-targets input').uncheck();
    await phone.waitForFunction(() => new URL(location.href).searchParams.get('targets') === '0');
    const all = Number(/× (\d+) 项指标/.exec(await phone.locator('.sc-counts').innerText())?.[1]);
    expect(all).toBeGreaterThan(targeted);
    await phone.close();

    const desk = await open('?view=scorecard&lang=en');
    expect(await desk.locator('.sc-only-targets input').isChecked()).toBe(false);
    await desk.locator('.sc-only-targets input').check();
    await desk.waitForFunction(() => new URL(location.href).searchParams.get('targets') === '1');
    expect(await desk.locator('.sc-col').count()).toBe(targeted);
    expect(await desk.locator('.sc-counts').innerText()).toMatch(new RegExp(`^2 districts × ${all} indicators`));
    await desk.close();
  });
});

describe('consistency', () => {
  it('the district picker ticks what the overview and data view show, and unticking removes one', async () => {
    const page = await open('');
    await page.locator('.ov-picker summary').click();
    const boxes = page.locator('.ov-picker input[type=checkbox]');
    expect(await boxes.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).checked))).toEqual([true, true]);
    expect(await page.locator('.ov-picker legend').innerText()).toContain('已选 2 个');
    await boxes.first().uncheck();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('districts') === 'yuquan');
    expect(await page.locator('.ov-district h3').allInnerTexts()).toEqual(['玉泉区']);
    await page.close();

    const data = await open('?view=data');
    await data.locator('.dt-districts summary').click();
    const ticks = data.locator('.dt-districts input[type=checkbox]');
    expect(await ticks.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).checked))).toEqual([true, true]);
    await ticks.nth(1).uncheck();
    await data.waitForFunction(() => new URL(location.href).searchParams.get('districts') === 'tumed-left');
    expect(await data.locator('.dt-count').innerText()).not.toContain('185 / 185');
    await data.close();
  });

  it('one estimate mark per figure; results over the years said once; sorting by value says it stays within an indicator', async () => {
    const page = await open('');
    const gdp = page.locator('.ov-district[data-district="tumed-left"] .ov-card[data-indicator="gdp-growth"] .ov-row-result');
    expect(await gdp.locator('.ov-estimate').count()).toBe(1);
    expect(await gdp.locator('.tag-estimate').count()).toBe(0);
    expect(await page.locator('.ov-trend-only').count()).toBe(1);
    expect(await page.locator('.ov-trend-only').innerText()).toBe('历年结果：部分指标仅有2024年数据，不画趋势线。');
    expect(await page.locator('.ov-summary').first().innerText()).not.toContain('预计数（预计）');
    await page.goto(site.server.url + '?lang=en');
    const summaries = (await page.locator('.ov-summary').allInnerTexts()).join(' ');
    expect(summaries).not.toMatch(/[\u4e00-\u9fff]/);
    expect(summaries).not.toContain('(s)');
    await page.goto(site.server.url + '?view=data&sort=-value&lang=en');
    expect(await page.locator('.dt-sort-note').innerText()).toContain('within each indicator');
    await page.close();
  });

  it('a downloaded chart carries its title, districts, years and source', async () => {
    const page = await open('?view=indicator&indicator=grain-output&districts=tumed-left,yuquan');
    await page.locator('.chart-box svg').first().waitFor();
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 SVG' }).first().click()]);
    const svg = readFileSync((await dl.path())!, 'utf8');
    const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join('|');
    expect(texts).toContain('粮食总产量（万吨）');
    expect(texts).toContain('土默特左旗、玉泉区 · 2023—2025年');
    expect(texts).toMatch(/来源：[^|]*政府工作报告/);
    await page.close();

    const air = await open('?view=air&lang=en');
    await air.locator('.chart-box svg').first().waitFor();
    const [png] = await Promise.all([air.waitForEvent('download'), air.getByRole('button', { name: 'Download SVG' }).first().click()]);
    const airSvg = readFileSync((await png.path())!, 'utf8');
    expect(airSvg).toMatch(/<text[^>]*>Source[s]?: /);
    expect(airSvg).toContain('Tumed Left Banner · 20');
    await air.close();
  });

  it('logged no page errors', () => {
    expect(errors).toEqual([]);
  });
});
