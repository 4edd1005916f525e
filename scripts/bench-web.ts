/**
 * npm run bench:web [-- --dir DIR] [--runs 5] [--districts 3000] [--chart-view air] [--skip-large | --only-large]
 * The site as a phone on a slow network meets it: Chromium with the CPU slowed 4× and slow 4G
 * (1.6 Mbit/s down, 750 kbit/s up, 150 ms round trip), cache disabled. Measures, from navigation
 * start, the overview's first headline number (`[data-first-number]`) and the first drawn chart
 * (an ECharts canvas or svg in a .chart-box; on the air page by default, see CHART_VIEW); median
 * of the runs; and the first number when a yearly file was changed after the build (the page from
 * the build is then not shown: the number comes from the app). Then, with a synthetic
 * data set of 3,000 places served in place of data/, how long the scorecard and data views take
 * to answer typing in the search, sorting and scrolling (CPU still 4× slower, network not
 * throttled: data loading is not what is timed there).
 * Without --dir it builds the site into a temporary folder first.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { launchBrowser, ROOT, serve } from './lib/browser';
import { parseArgs } from './lib/args';
import { DEFAULT_DATA, writeIndex } from './lib/fsdata';
import { generate } from './lib/synthetic';

const args = parseArgs(process.argv.slice(2), ['dir', 'runs', 'districts', 'indicators', 'chart-view'], ['skip-large', 'only-large', 'help']);
if (args.flags.help) {
  console.log('Usage: npm run bench:web -- [--dir DIST] [--runs 5] [--districts 3000] [--indicators 10] [--chart-view air] [--skip-large | --only-large]');
  process.exit(0);
}
const RUNS = Number(args.options.runs ?? 5);
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8) * 0.9, uploadThroughput: (750e3 / 8) * 0.9 };
/**
 * The view whose first chart is timed. The overview draws its sparklines only where a place has
 * results of two years or more, which the published data may not have yet; `--chart-view
 * overview` times the overview's own.
 */
const CHART_VIEW = args.options['chart-view'] ?? 'air';
const GOALS = { number: 1500, chart: 2500, replaced: 2500, interaction: 100 };

const median = (xs: number[]) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const ms = (x: number) => (Number.isFinite(x) ? `${Math.round(x)} ms` : 'n/a');

/**
 * Installed before any page script: notes when the first number and the first chart are in the
 * DOM, at the next animation frame (≈ when they are painted), in ms since navigation start; and
 * keeps the Event Timing entries (input delay + handlers + rendering until the next paint).
 */
const PROBE = `
  window.__perf = { number: null, chart: null, app: null, liveChart: null, events: [] };
  const at = (k) => { const p = window.__perf; p[k] = -1; requestAnimationFrame(() => { p[k] = performance.now(); }); };
  const seen = () => {
    const p = window.__perf;
    const html = document.documentElement;
    if (p.number === null && document.querySelector('[data-first-number]')) at('number');
    if (p.chart === null && document.querySelector('.chart-box canvas, .chart-box svg')) at('chart');
    // The app has run and replaced the page made at build time (it removes data-snapshot): the page now answers input.
    if (p.app === null && document.querySelector('main') && !html.hasAttribute('data-snapshot') && !document.querySelector('main > .loading')) at('app');
    if (p.liveChart === null && document.querySelector('.chart-box svg') && !document.querySelector('.chart-snapshot')) at('liveChart');
  };
  new MutationObserver(seen).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-snapshot'] });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__perf.events.push({ name: e.name, duration: e.duration, start: e.startTime, id: e.interactionId || 0 });
    }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  } catch {}
`;

type Moment = 'number' | 'chart' | 'app' | 'liveChart';
interface Perf extends Record<Moment, number | null> {
  events: { name: string; duration: number; start: number; id: number }[];
}
const perf = (page: Page) => page.evaluate(() => (window as unknown as { __perf: Perf }).__perf);

async function throttled(page: Page, network: boolean): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (network) await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  return cdp;
}

/** Times (ms since navigation start) until each of `whats` is painted on a fresh, throttled page load. */
async function firstPaint<K extends Moment>(browser: Browser, url: string, whats: K[]): Promise<Record<K, number> & { verdict: boolean | null }> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2 });
  try {
    const page = await context.newPage();
    await page.addInitScript(PROBE);
    const cdp = await throttled(page, true);
    await page.goto(url, { waitUntil: 'commit' });
    await until(cdp, `${JSON.stringify(whats)}.every((k) => ((window.__perf || {})[k] ?? -1) > 0)`, 60_000);
    if (process.env.BENCH_WEB_VERBOSE) {
      // Where the time went: when each file had arrived, in ms since navigation start.
      const arrived = await page.evaluate(() =>
        performance.getEntriesByType('resource').map((e) => `${(e as PerformanceResourceTiming).name.split('/').slice(-2).join('/')} ${Math.round((e as PerformanceResourceTiming).responseEnd)}`),
      );
      console.log(`  ${whats.join(', ')}: ${arrived.join(', ')}`);
    }
    const p = await perf(page);
    // What public/preload-data.js found: true when the page from the build could be shown.
    const verdict = await page.evaluate(() => (window as unknown as { __firstPaint?: { verdict?: Promise<boolean> } }).__firstPaint?.verdict ?? null);
    return { ...(Object.fromEntries(whats.map((k) => [k, p[k]!])) as Record<K, number>), verdict };
  } finally {
    await context.close();
  }
}

/**
 * Waits until `expression` is true in the page, asking through the DevTools protocol. Not
 * page.waitForFunction: Playwright then evaluates its own injected script in the page, about
 * 150 ms of a 4× slower main thread in the middle of the load being timed, which a reader's
 * phone never runs.
 */
async function until(cdp: CDPSession, expression: string, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const { result } = await cdp.send('Runtime.evaluate', { expression, returnByValue: true });
    if (result.value === true) return;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${expression}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Time of the longest event of one interaction (Event Timing: input to next paint). */
async function interaction(page: Page, act: () => Promise<void>): Promise<number> {
  const before = (await perf(page)).events.length;
  await act();
  await page.waitForTimeout(600);
  const events = (await perf(page)).events.slice(before);
  // Below 16 ms Chrome reports nothing: that counts as 16 ms (one frame).
  return events.length === 0 ? 16 : Math.max(...events.map((e) => e.duration));
}

/**
 * A scroll: from setting scrollTop to the frame after the rows that belong in the box's middle
 * are in it. A windowed table first shows its blank spacer there; what a reader waits for is the
 * rows, so the clock stops only when the element under the box's centre is a rendered row
 * (`tr[data-index]`), plus one frame for it to be painted.
 */
async function scrollFrame(page: Page, selector: string, by: number): Promise<number> {
  // A string, not a function: the script runner compiles named inner functions with a helper the page lacks.
  const measure = `new Promise((res) => {
    const box = document.querySelector(${JSON.stringify(selector)});
    if (!box) return res(NaN);
    const t0 = performance.now();
    box.scrollTop += ${by};
    const r = box.getBoundingClientRect();
    const check = () => {
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      if (hit && hit.closest('tr[data-index]')) requestAnimationFrame(() => res(performance.now() - t0));
      else if (performance.now() - t0 > 10000) res(NaN);
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  })`;
  return page.evaluate(measure) as Promise<number>;
}

async function largeInteractions(browser: Browser, url: string): Promise<Record<string, number[]>> {
  const out: Record<string, number[]> = {};
  const add = (k: string, v: number) => (out[k] ??= []).push(v);
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const page = await context.newPage();
      await page.addInitScript(PROBE);
      const t0 = Date.now();
      await page.goto(`${url}?view=scorecard&lang=en`);
      await page.waitForSelector('.sc-box', { timeout: 300_000 });
      add('scorecard: load (unthrottled)', Date.now() - t0);
      await throttled(page, false);
      await page.waitForTimeout(500);
      const search = page.locator('.sc-search input');
      await search.click();
      for (const ch of 'an') add('scorecard: type in search', await interaction(page, () => search.press(ch === 'a' ? 'KeyA' : 'KeyN')));
      add('scorecard: clear search', await interaction(page, () => search.press('Backspace')));
      await search.fill('');
      await page.waitForTimeout(500);
      for (let i = 0; i < 3; i++) {
        add('scorecard: scroll 2000 px', await scrollFrame(page, '.sc-box', 2000));
        await page.waitForTimeout(300);
      }

      await page.evaluate(() => undefined);
      const dt = Date.now();
      await page.locator('nav a[href*="view=data"]').click();
      await page.waitForSelector('.dt-box', { timeout: 300_000 });
      add('data: open view', Date.now() - dt);
      await page.waitForTimeout(500);
      const sortButtons = page.locator('.dt-sort');
      const n = await sortButtons.count();
      for (let i = 0; i < Math.min(3, n); i++) add('data: sort by a column', await interaction(page, () => sortButtons.nth(i + 1).click()));
      for (let i = 0; i < 3; i++) {
        add('data: scroll 2000 px', await scrollFrame(page, '.dt-box', 2000));
        await page.waitForTimeout(300);
      }
    } finally {
      await context.close();
    }
    await phoneScrolls(browser, url, add);
  }
  return out;
}

/**
 * The same scrolls on a phone's screen (the slow phone the CPU slowdown stands for): a phone's
 * box shows two or three columns and five or so rows, a laptop's seven and six.
 */
async function phoneScrolls(browser: Browser, url: string, add: (k: string, v: number) => void) {
  for (const [view, box] of [['scorecard', '.sc-box'], ['data', '.dt-box']] as const) {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2 });
    try {
      const page = await context.newPage();
      await page.goto(`${url}?view=${view}&lang=en`);
      await page.waitForSelector(box, { timeout: 300_000 });
      await page.locator(box).evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await throttled(page, false);
      await page.waitForTimeout(500);
      for (let i = 0; i < 3; i++) {
        add(`${view} (phone): scroll 2000 px`, await scrollFrame(page, box, 2000));
        await page.waitForTimeout(300);
      }
    } finally {
      await context.close();
    }
  }
}

function build(): string {
  const out = mkdtempSync(join(tmpdir(), 'bench-web-'));
  execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', out, '--emptyOutDir', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  return out;
}

/**
 * A copy of the build whose latest yearly file was changed after the build (one line added at
 * its end, which changes no figure): the page from the build must not be shown, so the figures
 * come from the app, on the files served. How soon they do is the cost of a file replaced
 * without a rebuild.
 */
function replacedSite(dist: string): string {
  const site = mkdtempSync(join(tmpdir(), 'bench-web-replaced-'));
  cpSync(dist, site, { recursive: true });
  const years = (JSON.parse(readFileSync(join(site, 'data/index.json'), 'utf8')) as { years: number[] }).years;
  const file = join(site, `data/observations/${Math.max(...years)}.csv`);
  writeFileSync(file, `${readFileSync(file, 'utf8').replace(/\n?$/, '\n')}\n`);
  return site;
}

/** A copy of the build with a synthetic data set of `districts` places as its data/. */
function largeSite(dist: string, districts: number, indicators: number): string {
  const site = mkdtempSync(join(tmpdir(), 'bench-web-large-'));
  cpSync(dist, site, { recursive: true, filter: (src) => !src.startsWith(join(dist, 'data')) });
  const data = join(site, 'data');
  const d = generate({
    indicatorsCsv: readFileSync(join(DEFAULT_DATA, 'indicators.csv'), 'utf8'),
    districts,
    years: [2022, 2023, 2024, 2025],
    indicators,
    seed: 1,
  });
  for (const [path, text] of Object.entries(d.files)) {
    mkdirSync(dirname(join(data, path)), { recursive: true });
    writeFileSync(join(data, path), text);
  }
  writeIndex(data);
  console.log(`large data: ${d.counts.observations} observations, ${districts} places, ${indicators} indicators`);
  return site;
}

async function main() {
  const dist = args.options.dir ? resolve(args.options.dir) : build();
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`No build at ${dist}`);
  const browser = await launchBrowser({ realClock: true });
  const temp: string[] = args.options.dir ? [] : [dist];
  try {
    const server = await serve(dist);
    const numbers: number[] = [];
    const charts: number[] = [];
    const apps: number[] = [];
    const liveCharts: number[] = [];
    try {
      for (let i = 0; i < (args.flags['only-large'] ? 0 : RUNS); i++) {
        const o = await firstPaint(browser, `${server.url}?view=overview`, ['number', 'app']);
        const c = await firstPaint(browser, `${server.url}?view=${CHART_VIEW}`, ['chart', 'liveChart']);
        numbers.push(o.number);
        apps.push(o.app);
        charts.push(c.chart);
        liveCharts.push(c.liveChart);
        console.log(`run ${i + 1}: overview's first number ${ms(o.number)} (app running ${ms(o.app)}); first chart (${CHART_VIEW}) ${ms(c.chart)} (live ECharts chart ${ms(c.liveChart)})`);
      }
    } finally {
      await server.stop();
    }
    const replaced: number[] = [];
    if (!args.flags['only-large']) {
      const site = replacedSite(dist);
      temp.push(site);
      const server2 = await serve(site);
      try {
        for (let i = 0; i < RUNS; i++) {
          const r = await firstPaint(browser, `${server2.url}?view=overview`, ['number', 'app']);
          // The first number must be the app's: the page from the build was made from other bytes.
          if (r.verdict !== false) throw new Error(`a yearly file changed after the build, yet the page from the build was found usable (${String(r.verdict)})`);
          replaced.push(r.number);
          console.log(`run ${i + 1}, a yearly file changed after the build: overview's first number ${ms(r.number)} (from the app)`);
        }
      } finally {
        await server2.stop();
      }
    }
    const n = median(numbers);
    const c = median(charts);
    const rp = median(replaced);
    if (!args.flags['only-large']) {
      console.log(`\nSlow 4G + CPU 4× slower, cache off, phone viewport, median of ${RUNS}:`);
      console.log(`  overview: first headline number  ${ms(n).padStart(8)}   goal ≤ ${GOALS.number} ms  ${n <= GOALS.number ? 'ok' : 'OVER'}`);
      console.log(`  ${CHART_VIEW}: first drawn chart  ${ms(c).padStart(8)}   goal ≤ ${GOALS.chart} ms  ${c <= GOALS.chart ? 'ok' : 'OVER'}`);
      console.log(`  a yearly file changed after the build: first number  ${ms(rp).padStart(8)}   goal ≤ ${GOALS.replaced} ms  ${rp <= GOALS.replaced ? 'ok' : 'OVER'}`);
      // The first paint is the page made at build time (src/app/snapshot.ts); these say when the app itself has taken over.
      console.log(`  overview: app running (answers input)  ${ms(median(apps)).padStart(8)}`);
      console.log(`  ${CHART_VIEW}: live chart (ECharts)  ${ms(median(liveCharts)).padStart(8)}`);
    }

    if (!args.flags['skip-large']) {
      const site = largeSite(dist, Number(args.options.districts ?? 3000), Number(args.options.indicators ?? 10));
      temp.push(site);
      const big = await serve(site);
      try {
        const r = await largeInteractions(browser, big.url);
        console.log(`\nInteractions with ${args.options.districts ?? 3000} places, CPU 4× slower, median of ${RUNS} (worst):`);
        for (const [k, v] of Object.entries(r)) {
          const isLoad = /load|open/.test(k);
          const m = median(v);
          console.log(`  ${k.padEnd(34)} ${ms(m).padStart(9)}  (worst ${ms(Math.max(...v))})${isLoad ? '' : m < GOALS.interaction ? '  ok' : '  OVER'}`);
        }
      } finally {
        await big.stop();
      }
    }
  } finally {
    await browser.close();
    for (const t of temp) rmSync(t, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack : String(e));
  process.exit(1);
});
