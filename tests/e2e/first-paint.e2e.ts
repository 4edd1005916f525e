/**
 * A yearly file replaced on the server after the build, without a rebuild (DESIGN.md,
 * "Publishing"): on a slow phone the page from the build must never paint the old figure, and
 * the new one must show once the app has run on the files served. Every text the page ever holds
 * is recorded from the first byte on, so a figure shown for a single frame is caught. How soon the
 * new figure shows is printed here and measured by `npm run bench:web` (a goal of 2.5 s on a slow
 * phone): a timed assertion on a shared machine would fail for the machine, not the page.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, ROOT, serve, VIEWPORTS, type Server } from '../../scripts/lib/browser';

const DIST = process.env.DIST_DIR ?? join(ROOT, 'dist');
/** 土默特左旗's good-air days in 2024, as the build saw them and as the replaced file has them. */
const OLD = '297';
const NEW = '301';
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8) * 0.9, uploadThroughput: (750e3 / 8) * 0.9 };

/**
 * Installed before any page script: every text node, element text and label ever added or
 * changed, with the time (ms since navigation start); and any CSP violation.
 */
const RECORD = `
  window.__seen = [];
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
  const note = (s) => { if (s && s.trim()) window.__seen.push({ t: performance.now(), s }); };
  const labels = (n) => {
    if (n.nodeType !== 1) return;
    for (const el of [n, ...n.querySelectorAll('[aria-label], [title]')]) {
      note(el.getAttribute('aria-label'));
      note(el.getAttribute('title'));
    }
  };
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'characterData') note(r.target.data);
      else if (r.type === 'attributes') note(r.target.getAttribute(r.attributeName));
      else for (const n of r.addedNodes) { note(n.textContent); labels(n); }
    }
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['aria-label', 'title'] });
`;

interface Seen {
  t: number;
  s: string;
}

let site: string;
let server: Server;
let browser: Browser;

beforeAll(async () => {
  // A copy of the build whose 2024 file was replaced after it was built.
  site = mkdtempSync(join(tmpdir(), 'first-paint-'));
  cpSync(DIST, site, { recursive: true });
  const file = join(site, 'data/observations/2024.csv');
  const text = readFileSync(file, 'utf8');
  expect(text).toContain(`达${OLD}天`);
  expect(text).not.toContain(NEW);
  writeFileSync(file, text.replaceAll(OLD, NEW));
  expect(readFileSync(join(site, 'index.html'), 'utf8')).not.toContain(NEW);
  server = await serve(site);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (site) rmSync(site, { recursive: true, force: true });
});

/** A fresh phone on slow 4G with its CPU 4× slower; returns once the app has run and the new figure shows. */
async function phone(query: string): Promise<{ page: Page; seen: Seen[]; violations: string[] }> {
  const context = await browser.newContext({ viewport: VIEWPORTS.phone, deviceScaleFactor: 2 });
  const page = await context.newPage();
  page.on('close', () => void context.close().catch(() => undefined));
  await page.addInitScript(RECORD);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  // 'commit': watch the page from its first byte, not from when the app has run.
  await page.goto(server.url + query, { waitUntil: 'commit' });
  await page.waitForFunction(() => !document.documentElement.hasAttribute('data-snapshot') && document.querySelector('main')?.textContent?.includes('301'), null, {
    timeout: 30_000,
    polling: 100,
  });
  // Let charts and anything idle run before reading what was shown.
  await page.waitForTimeout(1500);
  const { seen, violations } = await page.evaluate(() => ({
    seen: (window as unknown as { __seen: Seen[] }).__seen,
    violations: (window as unknown as { __violations: string[] }).__violations,
  }));
  return { page, seen, violations };
}

/** Three loads, each of which must show the frame first, never the old figure, then the new one. */
const TRIES = 3;

describe('a data file replaced on the server without a rebuild', () => {
  for (const [query, figure] of [
    ['', `${NEW}天`],
    ['?view=air', `${NEW}天`],
    ['?view=air&lang=en', `${NEW} days`],
  ] as const) {
    it(`${query || 'no query'}: the old figure is never shown on a slow phone, the new one is`, async () => {
      const times: number[] = [];
      for (let i = 0; i < TRIES; i++) {
        const { page, seen, violations } = await phone(query);
        try {
          const old = seen.filter((x) => x.s.includes(OLD));
          expect(old.map((x) => x.s.slice(0, 120))).toEqual([]);
          const first = seen.find((x) => x.s.includes(figure));
          expect(first, `"${figure}" never shown`).toBeDefined();
          times.push(first!.t);
          // Until the app ran, the page from the build showed its frame: the header, no figure.
          const frame = seen.find((x) => x.s.includes(query.includes('lang=en') ? 'Loading' : '加载'));
          expect(frame, 'the frame was shown first').toBeDefined();
          expect(frame!.t).toBeLessThan(first!.t);
          expect(violations).toEqual([]);
        } finally {
          await page.close();
        }
      }
      console.log(`${query || 'overview'}: "${figure}" first shown at ${times.map((t) => `${Math.round(t)} ms`).join(', ')}`);
      expect(times).toHaveLength(TRIES);
    }, 150_000);
  }
});
