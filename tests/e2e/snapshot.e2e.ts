/**
 * The pages made at build time (src/app/snapshot.ts): shown before the app's code has run,
 * they must say exactly what the app then says, on every page that has one, and keep to the
 * Content Security Policy; any other URL shows nothing until the app runs.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SNAPSHOTS } from '../../src/app/snapshot';
import { toSearch } from '../../src/core/url';
import { VIEWPORTS } from '../../scripts/lib/browser';
import { openSite } from './site';

const site = openSite();

/** Notes CSP violations and script errors from the first byte on. */
const WATCH = `
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
`;

async function openPage(query: string, { app }: { app: boolean }): Promise<Page & { errors: string[] }> {
  const page = (await site.browser.newPage({ viewport: VIEWPORTS.desktop })) as Page & { errors: string[] };
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/ERR_FAILED|blocked/i.test(m.text())) page.errors.push(m.text());
  });
  await page.addInitScript(WATCH);
  // Without the app's entry script only the page from the build can show.
  if (!app) await page.route(/\/assets\/index-[^/]*\.js$/, (r) => r.abort());
  if (app) await page.goto(site.server.url + query);
  else {
    // 'commit': the tests' goto otherwise waits for the app (scripts/lib/browser.ts), which cannot run here.
    await page.goto(site.server.url + query, { waitUntil: 'commit' });
    await page.waitForLoadState('load');
  }
  return page;
}

/** What the page says, charts left out (the build draws them as static SVG, the app with ECharts). */
const words = (page: Page) =>
  page.evaluate(() => {
    const root = document.getElementById('root')!.cloneNode(true) as HTMLElement;
    root.querySelectorAll('.chart-box').forEach((c) => c.remove());
    document.body.append(root);
    root.hidden = false;
    root.style.position = 'absolute';
    const text = root.innerText;
    root.remove();
    return text.replace(/\s+/g, ' ').trim();
  });

describe('pages made at build time', () => {
  for (const { key, state } of SNAPSHOTS) {
    const query = toSearch(state);
    it(`${key} (${query || 'no query'}): shown before the app runs, the same words as the app, no CSP violation`, async () => {
      const before = await openPage(query, { app: false });
      try {
        // The figures come in once the data served are found to be those of the build (public/preload-data.js).
        await before.waitForSelector(state.view === 'overview' ? '[data-first-number]' : '.chart-box .chart-snapshot svg', { state: 'attached' });
        expect(await before.evaluate(() => document.documentElement.getAttribute('data-snapshot'))).toBe(key);
        expect(await before.evaluate(() => document.documentElement.lang)).toBe(state.lang === 'en' ? 'en' : 'zh-CN');
        // The other pages' templates are gone from the document.
        expect(await before.locator('template').count()).toBe(0);
        expect(await before.locator(`a[aria-current="page"][href^="?view=${state.view}"]`).count()).toBe(1);
        if (state.view === 'overview') expect((await before.locator('[data-first-number]').first().innerText()).length).toBeGreaterThan(1);
        else expect(await before.locator('.chart-box .chart-snapshot svg').count()).toBeGreaterThan(0);
        const snapshotWords = await words(before);
        expect(await before.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);

        const after = await openPage(query, { app: true });
        try {
          // The app has replaced the page: no static chart left, the attribute gone.
          expect(await after.evaluate(() => document.documentElement.hasAttribute('data-snapshot'))).toBe(false);
          expect(await after.locator('.chart-snapshot').count()).toBe(0);
          expect(await words(after)).toBe(snapshotWords);
          expect(await after.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
          expect(after.errors).toEqual([]);
        } finally {
          await after.close();
        }
      } finally {
        await before.close();
      }
    });
  }

  it('a URL that names more than a view and a language shows nothing before the app, then the app', async () => {
    const before = await openPage('?view=overview&year=2024', { app: false });
    try {
      expect(await before.evaluate(() => document.documentElement.hasAttribute('data-snapshot'))).toBe(false);
      expect(await before.evaluate(() => document.getElementById('root')!.childElementCount)).toBe(0);
    } finally {
      await before.close();
    }
    const after = await openPage('?view=overview&year=2024', { app: true });
    try {
      await after.waitForSelector('[data-first-number]');
      expect(await after.locator('#ov-title').innerText()).toContain('2024');
    } finally {
      await after.close();
    }
  });

  it('a click on the page from the build before the app runs still goes where it says', async () => {
    const page = await openPage('', { app: false });
    try {
      await page.locator('nav a[href="?view=air"]').click({ noWaitAfter: true });
      await page.waitForURL(/view=air/, { waitUntil: 'load' });
      expect(await page.evaluate(() => document.documentElement.getAttribute('data-snapshot'))).toBe('air-zh');
    } finally {
      await page.close();
    }
  });
});
