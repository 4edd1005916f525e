/**
 * Accessibility (WCAG 2.1 AA): axe-core on every view in both languages, a keyboard-only walk
 * with visible focus, reduced motion honoured, and <html lang> following the language.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ROOT, settle, VIEWPORTS} from '../../scripts/lib/browser';
import { openSite } from './site';

const AXE = join(ROOT, 'node_modules/axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const site = openSite();

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** axe's findings, one readable paragraph each: rule, impact, help, and where. */
function readable(vs: Violation[]): string {
  return vs
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n` +
        v.nodes
          .slice(0, 5)
          .map((n) => `   at ${n.target.join(' ')}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`)
          .join('\n') +
        (v.nodes.length > 5 ? `\n   … and ${v.nodes.length - 5} more` : ''),
    )
    .join('\n');
}

async function axe(page: Page): Promise<Violation[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async (tags) => {
    const w = window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: Violation[] }> } };
    const r = await w.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  }, TAGS);
}

const VIEWS: [string, string][] = [
  ['overview', '?view=overview'],
  ['indicator', '?view=indicator&indicator=grain-output'],
  ['scorecard', '?view=scorecard'],
  ['data', '?view=data'],
  ['air', '?view=air'],
  ['grain', '?view=grain'],
  ['check', '?view=check'],
  ['check-draft', '?view=check&tab=draft'],
];

describe('axe: no WCAG 2.1 A/AA violations', () => {
  for (const [name, query] of VIEWS) {
    for (const lang of ['zh', 'en'] as const) {
      it(`${name} (${lang})`, async () => {
        // bypassCSP lets the test inject axe; the site's own policy is tested in hostile.e2e.ts.
        const page = await site.browser.newPage({ viewport: VIEWPORTS.desktop, bypassCSP: true });
        await page.goto(site.server.url + query + (lang === 'en' ? '&lang=en' : ''));
        await settle(page);
        // Folded parts (source notes, pickers) are checked open as well.
        await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
        const vs = await axe(page);
        expect(vs.length, `${name} (${lang}):\n${readable(vs)}`).toBe(0);
        await page.close();
      });
    }
  }

  it('check page with a dropped file, and the overview presented full screen', async () => {
    const page = await site.browser.newPage({ viewport: VIEWPORTS.desktop, bypassCSP: true });
    await page.goto(site.server.url + '?view=check');
    await settle(page);
    await page.locator('input[type="file"]').setInputFiles(join(ROOT, 'tests/fixtures/bad/column-count.csv'));
    await page.waitForFunction(() => document.querySelectorAll('main table').length > 0, undefined, { timeout: 15_000 });
    await page.waitForTimeout(500);
    let vs = await axe(page);
    expect(vs.length, `check with a file:\n${readable(vs)}`).toBe(0);
    await page.goto(site.server.url + '?view=overview&present=1');
    await settle(page);
    vs = await axe(page);
    expect(vs.length, `presentation:\n${readable(vs)}`).toBe(0);
    await page.close();
  });

  it('draft tab with a drafted report, a row chosen and its editor open (zh and en, desktop and phone)', async () => {
    const report = ['某县政府工作报告', '一、2025年工作回顾', '全县地区生产总值增长5.1%，粮食总产量达到30.2万吨。', '二、2026年主要预期目标', '地区生产总值增长5.5%左右。'].join('\n');
    for (const [lang, size] of [['zh', 'desktop'], ['en', 'phone']] as const) {
      const page = await site.browser.newPage({ viewport: VIEWPORTS[size], bypassCSP: true });
      await page.goto(site.server.url + '?view=check&tab=draft' + (lang === 'en' ? '&lang=en' : ''));
      await settle(page);
      await page.fill('[data-testid=draft-published]', '2026-01-10');
      await page.fill('[data-testid=draft-paste]', report);
      await page.locator('[data-testid=draft-paste] ~ button').click();
      await page.waitForSelector('[data-testid=draft-row]', { timeout: 15_000 });
      await page.locator('[data-testid=draft-row] .draft-line-btn').first().click();
      await page.locator('[data-testid=draft-row] [data-action=edit]').first().click();
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
      const vs = await axe(page);
      expect(vs.length, `draft tab (${lang}, ${size}):\n${readable(vs)}`).toBe(0);
      await page.close();
    }
  });

  it('phone width, overview and indicator (zh)', async () => {
    for (const query of ['?view=overview', '?view=indicator&indicator=grain-output']) {
      const page = await site.browser.newPage({ viewport: VIEWPORTS.phone, bypassCSP: true });
      await page.goto(site.server.url + query);
      await settle(page);
      const vs = await axe(page);
      expect(vs.length, `${query} phone:\n${readable(vs)}`).toBe(0);
      await page.close();
    }
  });
});

/** The focused element, and whether its focus is visible (an outline or a ring). */
async function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const s = getComputedStyle(el);
    const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
    const ring = s.boxShadow !== 'none' && s.boxShadow !== '';
    return {
      tag: el.tagName.toLowerCase(),
      text: (el.textContent ?? '').trim().slice(0, 40),
      label: el.getAttribute('aria-label') ?? '',
      visible: outline || ring,
      matchesFocusVisible: el.matches(':focus-visible'),
    };
  });
}

describe('keyboard only', () => {
  it('overview → indicator view, with focus always visible', async () => {
    const page = await site.browser.newPage({ viewport: VIEWPORTS.desktop });
    await page.goto(site.server.url + '?view=overview');
    await settle(page);

    // First stop: the skip link, which becomes visible and moves focus to the content.
    await page.keyboard.press('Tab');
    const skip = await focused(page);
    expect(skip?.tag).toBe('a');
    expect(skip?.text).toBe('跳到主要内容');
    expect(skip?.visible).toBe(true);
    const skipBox = await page.evaluate(() => document.activeElement!.getBoundingClientRect().left);
    expect(skipBox).toBeGreaterThanOrEqual(0);

    // Walk the header and into the overview; every stop shows its focus.
    const stops: string[] = [];
    let reachedIndicatorLink = false;
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const f = await focused(page);
      expect(f, `stop ${i}: focus lost to the page`).not.toBeNull();
      expect(f!.visible, `stop ${i}: ${f!.tag} "${f!.text || f!.label}" has no visible focus`).toBe(true);
      stops.push(`${f!.tag}:${f!.text || f!.label}`);
      if (f!.tag === 'a' && f!.text === '指标') {
        reachedIndicatorLink = true;
        break;
      }
    }
    expect(reachedIndicatorLink, `stops: ${stops.join(' | ')}`).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.search.includes('view=indicator'));
    await settle(page);

    // In the indicator view: reach the indicator choice and change it with the arrow keys.
    const before = await page.evaluate(() => new URLSearchParams(location.search).get('indicator'));
    let onSelect = false;
    for (let i = 0; i < 40 && !onSelect; i++) {
      await page.keyboard.press('Tab');
      const f = await focused(page);
      expect(f!.visible, `indicator stop ${i}: ${f!.tag} "${f!.text || f!.label}" has no visible focus`).toBe(true);
      onSelect = f!.tag === 'select';
    }
    expect(onSelect).toBe(true);
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction((b) => new URLSearchParams(location.search).get('indicator') !== b, before, { timeout: 5000 });

    // Further on, a source note opens with Enter.
    let onSummary = false;
    for (let i = 0; i < 80 && !onSummary; i++) {
      await page.keyboard.press('Tab');
      const f = await focused(page);
      expect(f!.visible, `indicator stop ${i}: ${f!.tag} "${f!.text || f!.label}" has no visible focus`).toBe(true);
      onSummary = f!.tag === 'summary' && (await page.evaluate(() => !!document.activeElement!.closest('.source-note')));
    }
    expect(onSummary).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => (document.activeElement!.closest('details') as HTMLDetailsElement).open)).toBe(true);
    await page.close();
  });

  it('the stylesheet gives focus a visible outline', async () => {
    const page = await site.browser.newPage();
    await page.goto(site.server.url + '?view=overview');
    await settle(page);
    const rule = await page.evaluate(() =>
      [...document.styleSheets]
        .flatMap((s) => [...s.cssRules])
        .map((r) => r.cssText)
        .find((t) => t.startsWith(':focus-visible')),
    );
    expect(rule).toMatch(/outline: 3px solid/);
    await page.close();
  });
});

describe('reduced motion and language', () => {
  it('prefers-reduced-motion: charts are drawn at once, nothing moves afterwards', async () => {
    const page = await site.browser.newPage({ viewport: VIEWPORTS.desktop });
    await page.emulateMedia({ reducedMotion: 'reduce' });
    // An animated chart rewrites its shapes frame after frame; count the frames that touch a chart.
    await page.addInitScript(() => {
      const frames = new Set<number>();
      (window as unknown as { __chartFrames: Set<number> }).__chartFrames = frames;
      new MutationObserver((ms) => {
        if (ms.some((m) => (m.target as Element).closest?.('[_echarts_instance_] svg'))) frames.add(Math.floor(performance.now() / 16));
      }).observe(document, { subtree: true, attributes: true, childList: true });
    });
    for (const query of ['?view=grain', '?view=air', '?view=indicator&indicator=grain-output']) {
      await page.goto(site.server.url + query);
      await page.waitForSelector('[_echarts_instance_] svg', { timeout: 15_000 });
      // Every chart of the page mounted (those further down come in a moment later): an added
      // chart is not a chart moving.
      const charts = () => page.evaluate(() => document.querySelectorAll('[_echarts_instance_] svg').length);
      let n = -1;
      for (let i = 0; i < 20 && n !== (n = await charts()); i++) await page.waitForTimeout(300);
      const first = await page.evaluate(() => [...document.querySelectorAll('[_echarts_instance_] svg')].map((s) => s.innerHTML).join(''));
      await page.waitForTimeout(1500);
      const later = await page.evaluate(() => [...document.querySelectorAll('[_echarts_instance_] svg')].map((s) => s.innerHTML).join(''));
      expect(later === first, `${query}: the chart changed after it was drawn (animation under reduced motion)`).toBe(true);
      const frames = await page.evaluate(() => (window as unknown as { __chartFrames: Set<number> }).__chartFrames.size);
      // Drawing and a resize or two touch a few frames; an animation touches dozens.
      expect(frames, `${query}: chart shapes changed in ${frames} frames`).toBeLessThan(12);
      const css = await page.evaluate(() => {
        const probe = document.querySelector('main') as HTMLElement;
        return getComputedStyle(probe).scrollBehavior;
      });
      expect(css).not.toBe('smooth');
    }
    await page.close();
  });

  it('<html lang> follows the language, also when switched', async () => {
    const page = await site.browser.newPage();
    await page.goto(site.server.url + '?view=overview');
    await settle(page);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await page.locator('.lang-switch').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(page.url()).toContain('lang=en');
    await page.goto(site.server.url + '?view=data&lang=en');
    await settle(page);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.close();
  });
});
