/**
 * Say only what the data support, in Chromium with the page's clock at 2026-12-06 (TEST_NOW):
 * old results are "not in the data", never pending; a result whose target-setting report is not
 * a source has its target "not in the data"; every page says how current the data are; Chinese
 * pages show Chinese notes only and no page shows a curator's remark.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvParseRows } from 'd3-dsv';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ROOT, settle, shot, VIEWPORTS } from '../../scripts/lib/browser';
import { openSite } from './site';

const site = openSite();

async function open(query: string, viewport: { width: number; height: number } = VIEWPORTS.desktop): Promise<Page> {
  const page = await site.browser.newPage({ viewport });
  await page.goto(site.server.url + query);
  await page.waitForSelector('.data-as-of', { timeout: 20_000 });
  return page;
}

const main = (page: Page) => page.locator('main').innerText();

/** Every observation of the bundled data, as the files hold it. */
const rows = readdirSync(join(ROOT, 'data/observations'))
  .filter((f) => f.endsWith('.csv'))
  .flatMap((f) => {
    const [head, ...body] = csvParseRows(readFileSync(join(ROOT, 'data/observations', f), 'utf8'));
    return body.map((cells) => Object.fromEntries(head!.map((h, i) => [h, cells[i] ?? ''])) as Record<string, string>);
  });

describe('missing figures on 2026-12-06', () => {
  it('?year=2023 says 结果未收录 and never 待公布', async () => {
    const page = await open('/?year=2023');
    await page.waitForSelector('.ov-card');
    const text = await main(page);
    expect(text).toContain('2023年主要指标总览');
    expect(text).toContain('结果未收录');
    expect(text).not.toContain('待公布');
    expect(text).not.toContain('尚未公布');
    const kinds = await page.locator('.ov-card').evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
    expect(kinds).not.toContain('pending');
    expect(kinds).toContain('result-not-held');
    await settle(page);
    await shot(page, 'missing-2023-zh-desktop');
    await page.close();
  });

  it('the same 2023 page on 2024-03-15 still calls the results pending', async () => {
    const page = await site.browser.newPage({ viewport: VIEWPORTS.desktop });
    await page.clock.setSystemTime(new Date('2024-03-15T10:00:00+08:00'));
    await page.goto(site.server.url + '/?year=2023');
    await page.waitForSelector('.ov-card');
    const text = await main(page);
    expect(text).toContain('待公布');
    expect(text).not.toContain('结果未收录');
    await page.close();
  });

  for (const lang of ['zh', 'en'] as const) {
    it(`the 2024 scorecard (${lang}): 玉泉区's targets are not in the data, never "no target set"`, async () => {
      const page = await open(`/?view=scorecard&year=2024${lang === 'en' ? '&lang=en' : ''}`);
      const row = page.locator('tbody tr', { has: page.locator('th', { hasText: lang === 'zh' ? '玉泉区' : 'Yuquan District' }) });
      await row.waitFor();
      const text = await row.innerText();
      expect(text).toContain(lang === 'zh' ? '目标未收录' : 'Target not in the data');
      expect(text).not.toContain(lang === 'zh' ? '未设目标' : 'No target set');
      expect(await row.locator('.status-target-not-held').count()).toBeGreaterThan(0);
      expect(await row.locator('.status-no-target').count()).toBe(0);
      await settle(page);
      await shot(page, `missing-scorecard-2024-${lang}-desktop`);
      await page.close();
    });
  }
});

describe('数据截至 on every page', () => {
  const pages = ['', '?view=indicator&indicator=grain-output', '?view=scorecard', '?view=air', '?view=grain', '?view=data', '?view=check', '?present=1'];
  for (const lang of ['zh', 'en'] as const) {
    it(`${lang}: every view says how current the data are and which reports are due`, { timeout: 300_000 }, async () => {
      const page = await site.browser.newPage({ viewport: VIEWPORTS.desktop });
      for (const q of pages) {
        const query = `/${q}${lang === 'en' ? `${q ? '&' : '?'}lang=en` : ''}`;
        await page.goto(site.server.url + query);
        // A slide says it in its own header (the opening slide in full), in a projector's type.
        const sel = q === '?present=1' ? '.pr-asof' : '.data-as-of';
        await page.waitForSelector(sel, { timeout: 20_000 });
        const line = await page.locator(sel).innerText();
        if (lang === 'zh') {
          expect(line, query).toContain('数据截至2025年2月26日');
          expect(line, query).toContain('土默特左旗、玉泉区的2026年政府工作报告应已发布');
        } else {
          expect(line, query).toContain('Data as of 26 February 2025');
          expect(line, query).toContain('the 2026 work reports of Tumed Left Banner and Yuquan District are due');
        }
      }
      await page.close();
    });
  }

  it('phone (360 px): the line wraps inside the screen', async () => {
    const page = await open('/', VIEWPORTS.phone);
    const box = await page.locator('.data-as-of').boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(360);
    await settle(page);
    await shot(page, 'missing-overview-zh-phone');
    await page.close();
  });
});

describe('notes', () => {
  const remarks = rows.map((r) => r.remark ?? '').filter((s) => s.length >= 6);
  const englishNotes = rows.map((r) => r.note_en ?? '').filter((s) => s.length >= 6);
  const chineseNotes = rows.map((r) => r.note ?? '').filter((s) => s.length >= 4);

  it('the data hold remarks and notes in both languages to look for', () => {
    expect(remarks.length).toBeGreaterThan(20);
    expect(englishNotes.length).toBeGreaterThan(20);
    expect(chineseNotes.some((n) => n.includes('占全市37.6%'))).toBe(true);
  });

  it('no Chinese page shows an English note or any remark; English pages show the English note', { timeout: 300_000 }, async () => {
    const zhPages = ['/?view=data&year=2022-2025', '/?view=data&year=2024', '/?view=data&year=2025', '/?view=indicator&indicator=grain-output', '/'];
    const page = await site.browser.newPage({ viewport: VIEWPORTS.desktop });
    for (const q of zhPages) {
      await page.goto(site.server.url + q);
      await page.waitForSelector('.data-as-of', { timeout: 20_000 });
      await settle(page);
      // Open every source note on the page so its text is rendered as shown.
      await page.locator('details.source-note').evaluateAll((els) => els.forEach((e) => e.setAttribute('open', '')));
      const text = await page.locator('body').innerText();
      for (const r of remarks) expect(text, `${q}: remark "${r}"`).not.toContain(r);
      for (const n of englishNotes) expect(text, `${q}: English note "${n}"`).not.toContain(n);
      const notes = await page.locator('.dt-note, .source-public-note').allInnerTexts();
      for (const n of notes) expect(n, q).not.toMatch(/[A-Za-z]{3,}/);
    }
    await page.close();
    const en = await open('/?view=data&year=2024&indicator=grain-output&districts=tumed-left&lang=en');
    await en.getByText('37.6% of the Hohhot total').first().waitFor();
    const enText = await en.locator('body').innerText();
    expect(enText).not.toContain('占全市37.6%');
    for (const r of remarks) expect(enText).not.toContain(r);
    await en.close();
  });

  it('the 2024 grain card shows its Chinese note under 来源, and no remark', async () => {
    const page = await open('/');
    const note = page.locator('.ov-district[data-district="tumed-left"] .ov-card[data-indicator="grain-output"] .source-note').first();
    await note.locator('summary').click();
    const text = await note.innerText();
    expect(text).toContain('占全市37.6%');
    expect(text).not.toMatch(/[A-Za-z]{4,}/);
    await page.close();
  });
});
