/**
 * Browser tests drive Debian's Chromium through playwright-core (never a downloaded browser)
 * against the production build served by `vite preview`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM, INSTALL_COMMAND } from './browserSetup';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SHOTS = join(ROOT, 'test-results', 'screenshots');
export { CHROMIUM };

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * The moment every browser test starts at: statuses (pending or not in the data) depend on the
 * day, so the page's clock is set to it (Date flows on from there; timers are real). A test may
 * set another day with page.clock.setSystemTime before its goto.
 */
export const TEST_NOW = new Date('2026-12-06T10:00:00+08:00');

/**
 * `realClock` is for benchmarks: the fixed clock is a script run in every page before ours
 * (it replaces Date and performance), which a timing must not include, and it hides the
 * page's performance entries.
 */
export async function launchBrowser(opts: { realClock?: boolean } = {}): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: ${INSTALL_COMMAND}`);
  // Playwright gives every launch a fresh, empty user-data dir of its own.
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    if (!opts.realClock) await context.clock.setSystemTime(TEST_NOW);
    const newPage = context.newPage.bind(context);
    context.newPage = async () => waitsForApp(await newPage());
    return context;
  };
  // browser.newPage makes its own context; one made here gets the same wait.
  browser.newPage = async (options) => {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    // The browser may already be closing (a test left its page open): nothing left to close then.
    page.on('close', () => void context.close().catch(() => undefined));
    return page;
  };
  return browser;
}

/**
 * The built page first shows a copy made at build time (src/app/snapshot.ts) that does not yet
 * answer clicks; tests act on the app, so goto and reload return once the app has replaced it
 * (it removes data-snapshot from <html>). `waitUntil: 'commit'` opts out, to test that copy.
 */
function waitsForApp(page: Page): Page {
  const thenApp = async <R>(navigation: Promise<R>, options?: { waitUntil?: string }): Promise<R> => {
    const res = await navigation;
    if (options?.waitUntil !== 'commit') await page.waitForFunction(() => !document.documentElement.hasAttribute('data-snapshot'), null, { timeout: 30_000 });
    return res;
  };
  const goto = page.goto.bind(page);
  const reload = page.reload.bind(page);
  page.goto = (url, options) => thenApp(goto(url, options), options);
  page.reload = (options) => thenApp(reload(options), options);
  return page;
}

export interface Server {
  url: string;
  stop: () => Promise<void>;
}

/**
 * Serves a built site folder (default dist/) with `vite preview` on a free port.
 * `dataDir` swaps in another data folder (for corrupted-file and hostile-data tests).
 */
export async function serve(distDir = process.env.DIST_DIR ?? join(ROOT, 'dist'), port = 4300 + Math.floor(Math.random() * 500)): Promise<Server> {
  if (!existsSync(join(distDir, 'index.html'))) throw new Error(`No build at ${distDir}: run npm run build first`);
  const ours = readFileSync(join(distDir, 'index.html'), 'utf8');
  const child: ChildProcess = spawn(
    process.execPath,
    [join(ROOT, 'node_modules/vite/bin/vite.js'), 'preview', '--outDir', distDir, '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let exited = false;
  child.once('exit', () => (exited = true));
  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    // A port already taken (another server on this machine) makes our server exit: try another
    // port rather than test someone else's site.
    if (exited) return serve(distDir, 4300 + Math.floor(Math.random() * 500));
    try {
      const r = await fetch(url);
      if (r.ok && (await r.text()) === ours) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      child.kill();
      throw new Error('vite preview did not start');
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    url,
    stop: () =>
      new Promise((res) => {
        child.once('exit', () => res());
        child.kill();
      }),
  };
}

export const VIEWPORTS = {
  phone: { width: 360, height: 740 },
  desktop: { width: 1280, height: 800 },
} as const;

export async function shot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  // Parts laid out only when scrolled near (content-visibility: auto, the overview's cards) would
  // be blank in a whole-page picture: lay them all out first, as a reader scrolling would see them.
  await page.evaluate(() => {
    for (const el of document.querySelectorAll<HTMLElement>('body *')) if (getComputedStyle(el).contentVisibility === 'auto') el.style.contentVisibility = 'visible';
  });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** Waits until the app has data on screen (no loading text) and ECharts has drawn, if any. */
export async function settle(page: Page) {
  await page.waitForFunction(() => !document.querySelector('.loading'), undefined, { timeout: 15_000 });
  await page.waitForTimeout(300);
  await page.waitForFunction(() => !document.querySelector('.chart-placeholder'), undefined, { timeout: 15_000 }).catch(() => undefined);
  await page.waitForTimeout(200);
}
