/**
 * The draft tab in Chromium, as staff use it: choose the source, give a made-up report's text,
 * see the draft rows beside the text (a row's line highlighted in the text), accept some, edit
 * one, drop one that is already published, download the yearly CSVs, then check them on the
 * same page: they check clean. Bad texts (empty, not text, 50 MB, GBK) get their message.
 * The site is served with the fixture world (and the full indicator catalogue) as its data.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvParseRows } from 'd3-dsv';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, ROOT, serve, settle, shot, VIEWPORTS, type Server } from '../../scripts/lib/browser';
import { filesChecked } from './site';

/** CSV text → rows keyed by the header (d3's csvParse is not allowed: it compiles code). */
function csvParse(text: string): Record<string, string>[] & { columns: string[] } {
  const [columns = [], ...rest] = csvParseRows(text);
  return Object.assign(
    rest.map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i] ?? '']))),
    { columns },
  );
}


const FIX = join(ROOT, 'tests', 'fixtures');
const DIST = process.env.DIST_DIR ?? join(ROOT, 'dist');
const SOURCE = 'yuquan-report-2026';
const TEXT_NAME = `${SOURCE}.txt`;

/** A made-up work report of 玉泉区, delivered 2026-01-08: results of 2025, targets of 2026. */
const REPORT = [
  '玉泉区二〇二六年政府工作报告', // 1
  '——2026年1月8日在区人民代表大会上', // 2
  '一、2025年工作回顾', // 3
  '过去一年，全区地区生产总值增长5.5%，', // 4
  '粮食总产量达到12.6万吨，空气质量优良天数达到305天。', // 5
  '城镇新增就业5200人。', // 6
  '二、2026年主要预期目标', // 7
  '地区生产总值增长6%左右；', // 8
  '空气质量优良天数不少于300天；粮食总产量稳定在12万吨以上。', // 9
  '规模以上工业增加值增长7%—8%。', // 10
  '', // 11
].join('\n');

let dir = '';
let site = '';
let server: Server;
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'draft-e2e-'));
  site = join(dir, 'site');
  cpSync(DIST, site, { recursive: true });
  rmSync(join(site, 'data'), { recursive: true, force: true });
  cpSync(join(FIX, 'world'), join(site, 'data'), { recursive: true });
  // The full catalogue, so that drafting meets every indicator a report names.
  cpSync(join(ROOT, 'data', 'indicators.csv'), join(site, 'data', 'indicators.csv'));
  const sources = readFileSync(join(site, 'data', 'sources.csv'), 'utf8').replace(/\n*$/, '\n');
  writeFileSync(join(site, 'data', 'sources.csv'), `${sources}${SOURCE},玉泉区政府工作报告,玉泉区人民政府,yuquan,2026-01-08,work-report,${TEXT_NAME},\n`);
  // One figure of the report is published already: the draft marks it.
  const y25 = readFileSync(join(site, 'data', 'observations', '2025.csv'), 'utf8').replace(/\n*$/, '\n');
  writeFileSync(join(site, 'data', 'observations', '2025.csv'), `${y25}yuquan,gdp-growth,2025,actual,,5.5,%,false,${SOURCE},4,全区地区生产总值增长5.5%,\n`);
  writeFileSync(join(site, 'data', 'index.json'), JSON.stringify({ years: [2024, 2025] }));
  writeFileSync(join(dir, TEXT_NAME), REPORT);
  server = await serve(site);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function open(lang: 'zh' | 'en', size: keyof typeof VIEWPORTS = 'desktop') {
  const page = await browser.newPage({ viewport: VIEWPORTS[size], acceptDownloads: true });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await page.goto(`${server.url}?view=check&tab=draft&lang=${lang}`);
  await settle(page);
  return { page, errors, workers };
}

interface Shown {
  line: number;
  key: string;
  status: string;
  confidence: string;
  published: string | null;
  figure: string;
  quote: string;
}

const rows = (page: Page): Promise<Shown[]> =>
  page.$$eval('[data-testid=draft-row]', (els) =>
    els.map((el) => ({
      line: Number((el as HTMLElement).dataset.line),
      key: (el as HTMLElement).dataset.key ?? '',
      status: [...el.classList].find((c) => /^draft-row-(pending|accepted|dropped)$/.test(c))?.slice(10) ?? '',
      confidence: el.querySelector<HTMLElement>('[data-confidence]')?.dataset.confidence ?? '',
      published: el.querySelector<HTMLElement>('[data-published]')?.dataset.published ?? null,
      figure: el.querySelector('.draft-figure')?.textContent?.trim() ?? '',
      quote: el.querySelector('.draft-quote')?.textContent?.trim() ?? '',
    })),
  );

/** The card of the row drafted from `line` whose quote holds `words`. */
const card = (page: Page, line: number, words: string) => page.locator(`[data-testid=draft-row][data-line="${line}"]`).filter({ hasText: words });

async function giveReport(page: Page, name: string, buffer: Buffer) {
  await page.setInputFiles('[data-testid=draft-input]', { name, mimeType: 'text/plain', buffer });
}

const strip = (s: string) => s.replace(/[\s\u3000]+/g, '');
const LINES = REPORT.split('\n');

/** The quote is the report's own words (whitespace ignored) and starts on `line`. */
function startsOnLine(quote: string, line: number): boolean {
  const start = strip(LINES.slice(0, line - 1).join('')).length;
  const i = strip(LINES.join('')).indexOf(strip(quote), start);
  return strip(quote) !== '' && i >= start && i < start + strip(LINES[line - 1] ?? '').length;
}

describe('drafting a report, accepting rows, downloading and checking them', () => {
  it('ends with yearly files that check clean', async () => {
    const { page, errors, workers } = await open('en');
    await page.selectOption('[data-testid=draft-source]', SOURCE);
    // Choosing the source fills in its district and date.
    expect(await page.inputValue('[data-testid=draft-district]')).toBe('yuquan');
    expect(await page.inputValue('[data-testid=draft-published]')).toBe('2026-01-08');
    await giveReport(page, TEXT_NAME, Buffer.from(REPORT));
    await page.waitForSelector('[data-testid=draft-row]', { timeout: 20_000 });
    expect(workers.some((u) => /draft\.worker/.test(u)), `workers: ${workers.join(', ')}`).toBe(true);
    expect(await page.textContent('[data-testid=draft-read]')).toContain(`"${TEXT_NAME}": 11 lines, encoding UTF-8`);

    // Every drafted row's quote is the text's own words, starting on its line.
    for (const r of await rows(page)) expect(startsOnLine(r.quote, r.line), `${r.line}: ${r.quote}`).toBe(true);
    const gdp25 = card(page, 4, '5.5');
    await expect.poll(() => gdp25.getAttribute('data-key')).toBeTruthy();
    expect(await gdp25.locator('[data-published]').getAttribute('data-published')).toBe('same');
    await shot(page, 'draft-en-desktop');

    // A row chosen: its line is highlighted in the text and in view.
    await card(page, 9, '300').locator('.draft-line-btn').click();
    const current = page.locator('[data-testid=draft-text] .draft-line-current');
    await expect.poll(() => current.getAttribute('data-line')).toBe('9');
    const [pane, line] = await Promise.all([page.locator('[data-testid=draft-text]').boundingBox(), current.boundingBox()]);
    expect(line!.y).toBeGreaterThanOrEqual(pane!.y);
    expect(line!.y + line!.height).toBeLessThanOrEqual(pane!.y + pane!.height);

    // Drop the figure already published, accept the high rows, and edit the range target 7%–8%
    // into its floor (at least 7 %), a curator's usual reading of a range.
    await gdp25.locator('[data-action=drop]').click();
    await page.click('[data-testid=draft-accept-high]');
    const range = card(page, 10, '7%—8%');
    if ((await range.getAttribute('class'))?.includes('draft-row-pending')) await range.locator('[data-action=accept]').click();
    await range.locator('[data-action=edit]').click();
    const form = range.locator('[data-testid=draft-editor]');
    await form.locator('input[name=value]').fill('7');
    await form.locator('select[name=comparator]').selectOption('>=');
    await form.locator('select[name=indicator]').selectOption('industrial-va-growth');
    await form.locator('button[type=submit]').click();
    await expect.poll(() => range.locator('.draft-value').textContent()).toBe('≥ 7 %');
    expect(await range.getAttribute('class')).toContain('draft-row-accepted');

    const after = await rows(page);
    const accepted = after.filter((r) => r.status === 'accepted');
    expect(accepted.length).toBeGreaterThanOrEqual(3);
    expect(after.find((r) => r.line === 4 && r.quote.includes('5.5'))?.status).toBe('dropped');

    // Download one file per year.
    const buttons = page.locator('[data-testid=draft-download]');
    const names = await buttons.evaluateAll((bs) => bs.map((b) => (b as HTMLElement).dataset.file));
    expect(names).toEqual(['2025.csv', '2026.csv']);
    const saved: { name: string; path: string; text: string }[] = [];
    for (let i = 0; i < names.length; i++) {
      const [download] = await Promise.all([page.waitForEvent('download'), buttons.nth(i).click()]);
      const path = join(dir, `downloaded-${download.suggestedFilename()}`);
      await download.saveAs(path);
      saved.push({ name: download.suggestedFilename(), path, text: readFileSync(path, 'utf8') });
    }
    expect(saved.map((s) => s.name)).toEqual(['2025.csv', '2026.csv']);
    const y25 = csvParse(saved[0]!.text);
    const y26 = csvParse(saved[1]!.text);
    expect(y26.columns).toEqual(['district', 'indicator', 'year', 'kind', 'comparator', 'value', 'unit', 'estimate', 'source', 'line', 'quote', 'note', 'note_en', 'remark']);
    // 2025.csv is the published file with the accepted 2025 rows added; the published row stays once.
    expect(y25.filter((r) => r.district === 'yuquan' && r.indicator === 'gdp-growth')).toHaveLength(1);
    const added = [...y25.filter((r) => r.district === 'yuquan' && r.indicator !== 'gdp-growth'), ...y26];
    expect(added.find((r) => r.indicator === 'industrial-va-growth')).toMatchObject({ year: '2026', kind: 'target', comparator: '>=', value: '7', line: '10' });
    expect(added.find((r) => r.indicator === 'grain-output' && r.year === '2025')).toMatchObject({ value: '12.6', unit: '万吨', comparator: '', line: '5' });
    for (const r of added) {
      expect(r.source).toBe(SOURCE);
      expect(r.district).toBe('yuquan');
      expect(r.indicator, JSON.stringify(r)).toMatch(/^[a-z0-9-]+$/);
      expect(r.comparator).not.toBe('=');
      // The line and the quote agree: the quote starts on its line (whitespace ignored).
      expect(startsOnLine(r.quote!, Number(r.line)), JSON.stringify(r)).toBe(true);
    }
    expect(y26.find((r) => r.indicator === 'gdp-growth')).toMatchObject({ year: '2026', kind: 'target', comparator: '~', value: '6', line: '8' });

    // The downloaded files, with the report's text, on the check tab: clean.
    await page.locator('.check-tabs a').first().click();
    await page.waitForFunction(() => new URLSearchParams(location.search).get('tab') === null);
    await page.setInputFiles('[data-testid=check-input]', [
      ...saved.map((s) => ({ name: s.name, mimeType: 'text/csv', buffer: readFileSync(s.path) })),
      { name: TEXT_NAME, mimeType: 'text/plain', buffer: Buffer.from(REPORT) },
    ]);
    await checked(page, ['2025.csv', '2026.csv', TEXT_NAME]);
    expect(await cardSummaries(page), await problemsShown(page)).toEqual({ '2025.csv': 'No problems found.', '2026.csv': 'No problems found.' });
    expect(await page.textContent('.check-view')).toContain('Quotes were verified against the source texts you added.');
    await shot(page, 'draft-checked-en-desktop');

    // The button on the draft tab hands the same files to the check.
    for (const name of ['2025.csv', '2026.csv', TEXT_NAME]) await page.locator(`.check-file-card[data-file="${name}"] .check-remove`).click();
    await page.locator('.check-tabs a').nth(1).click();
    await page.waitForSelector('[data-testid=draft-check]');
    expect((await rows(page)).filter((r) => r.status === 'accepted').length).toBe(accepted.length);
    await page.click('[data-testid=draft-check]');
    await checked(page, ['2025.csv', '2026.csv', TEXT_NAME]);
    expect(await cardSummaries(page), await problemsShown(page)).toEqual({ '2025.csv': 'No problems found.', '2026.csv': 'No problems found.' });
    expect(errors).toEqual([]);
    await page.close();
  });
});

const checked = (page: Page, names: string[]) => filesChecked(page, names, 20_000);

/** Every problem row the check shows, one line each (for a failing assertion's message). */
const problemsShown = (page: Page) => page.$$eval('.check-problem', (rows) => rows.map((r) => r.textContent?.replace(/\s+/g, ' ').trim()).join('\n'));

const cardSummaries = (page: Page) =>
  page.$$eval('.check-file-card', (cards) =>
    Object.fromEntries(
      cards.filter((c) => c.querySelector('.check-summary')).map((c) => [(c as HTMLElement).dataset.file, c.querySelector('.check-summary')!.textContent!.replace(/^[✔✖⚠]\s*/, '').trim()]),
    ),
  );

describe('texts that cannot be drafted', () => {
  it('an empty, a binary and a 50 MB file are refused with the reason; the text before stays', async () => {
    const { page, errors } = await open('en');
    await page.selectOption('[data-testid=draft-source]', SOURCE);
    await giveReport(page, TEXT_NAME, Buffer.from(REPORT));
    await page.waitForSelector('[data-testid=draft-row]', { timeout: 20_000 });
    const before = (await rows(page)).length;
    const status = page.locator('[data-testid=draft-status]');

    await giveReport(page, 'empty.txt', Buffer.alloc(0));
    await expect.poll(() => status.textContent()).toContain('"empty.txt": the file is empty.');
    await giveReport(page, 'scan.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    await expect.poll(() => status.textContent()).toContain('"scan.txt": this is not a plain text file');
    const big = join(dir, 'huge.txt');
    writeFileSync(big, Buffer.alloc(50 * 1024 * 1024, 0x41));
    await page.setInputFiles('[data-testid=draft-input]', big);
    await expect.poll(() => status.textContent()).toContain('"huge.txt": the file is 50 MB, over the 10 MB limit');
    rmSync(big);
    expect(await status.textContent()).toContain('The text given before, and its review, are still shown.');
    expect((await rows(page)).length).toBe(before);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a GBK text is decoded, and that is said (zh)', async () => {
    const { page } = await open('zh');
    await page.selectOption('[data-testid=draft-source]', SOURCE);
    // 青山县政府工作报告 / 今年地区生产总值增长6%左右，粮食总产量稳定在75万吨以上。 saved as GBK.
    const gbk = Buffer.from('c7e0c9bdcfd8d5feb8aeb9a4d7f7b1a8b8e60abdf1c4eab5d8c7f8c9fab2fad7dcd6b5d4f6b3a43625d7f3d3d2a3acc1b8cab3d7dcb2fac1bfcec8b6a8d4da3735cdf2b6d6d2d4c9cfa1a30a', 'hex');
    await giveReport(page, 'gbk.txt', gbk);
    await expect.poll(() => page.locator('[data-testid=draft-read]').textContent(), { timeout: 20_000 }).toContain('GBK/GB18030（已转换后读取）');
    expect(await page.locator('[data-testid=draft-text]').textContent()).toContain('地区生产总值增长6%左右');
    await page.close();
  });
});

describe('screens', () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`phone (${lang}): the rows first, the text below`, async () => {
      const { page } = await open(lang, 'phone');
      await page.selectOption('[data-testid=draft-source]', SOURCE);
      await page.fill('[data-testid=draft-paste]', REPORT);
      await page.locator('[data-testid=draft-paste] ~ button').click();
      await page.waitForSelector('[data-testid=draft-row]', { timeout: 20_000 });
      const [list, text] = await Promise.all([page.locator('.draft-list').boundingBox(), page.locator('[data-testid=draft-text]').boundingBox()]);
      expect(text!.y).toBeGreaterThan(list!.y + list!.height - 1);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await shot(page, `draft-${lang}-phone`);
      await page.close();
    });
  }

  it('desktop (zh)', async () => {
    const { page } = await open('zh');
    await page.selectOption('[data-testid=draft-source]', SOURCE);
    await giveReport(page, TEXT_NAME, Buffer.from(REPORT));
    await page.waitForSelector('[data-testid=draft-row]', { timeout: 20_000 });
    await page.locator('[data-testid=draft-row] .draft-line-btn').first().click();
    await shot(page, 'draft-zh-desktop');
    await page.close();
  });
});
