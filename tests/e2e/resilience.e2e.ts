/**
 * A broken, missing or oversized yearly file never blanks the site (DESIGN.md "Bad input"):
 * the notice names file, line and reason, the other years still show, and a failed fetch is
 * retried, then mends when staff press retry. The server's answers are changed with page.route.
 */
import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { settle} from '../../scripts/lib/browser';
import { openSite } from './site';

const site = openSite();

const BROKEN = '**/data/observations/2023.csv';
type Handler = (route: Route, n: number) => Promise<void>;

/** A page whose requests for the 2023 file go to `handler` (n counts them from 1). */
async function pageWith(handler: Handler, url = '?view=overview'): Promise<{ page: Page; requests: () => number; errors: string[] }> {
  const page = await site.browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  let n = 0;
  await page.route(BROKEN, (route) => handler(route, ++n));
  await page.goto(site.server.url + url);
  await settle(page);
  return { page, requests: () => n, errors };
}

const noticeText = (page: Page) => page.locator('.notice-error').first().innerText();

/** The overview still has its cards from the other years. */
async function expectOverviewShown(page: Page) {
  const main = await page.locator('main').innerText();
  const en = (await page.getAttribute('html', 'lang')) === 'en';
  expect(main).toContain(en ? 'Grain output' : '地区生产总值增速');
  expect(main).toContain(en ? '720 thousand t' : '突破72万吨');
}

/** The indicator view: 2024 and 2025 figures of grain output shown, whatever happened to 2023. */
async function expectIndicatorShown(page: Page, with2023: boolean) {
  await page.goto(site.server.url + '?view=indicator&indicator=grain-output&districts=tumed-left');
  await settle(page);
  const table = page.locator('table[data-district="tumed-left"]');
  await table.waitFor({ timeout: 10_000 });
  const text = await table.innerText();
  expect(text).toContain('突破72万吨'); // 2024 result
  expect(text).toContain('73万吨以上'); // 2025 target
  if (with2023) expect(text).toContain('67万吨左右');
  else expect(text).not.toContain('67万吨左右');
}

describe('a corrupted yearly file', () => {
  it('wrong header: the notice names file, line and reason; other years render', async () => {
    const { page, errors } = await pageWith((route) =>
      route.fulfill({ status: 200, contentType: 'text/csv', body: 'foo,bar\n1,2\n' }),
    );
    const notice = await noticeText(page);
    expect(notice).toContain('observations/2023.csv:1:');
    expect(notice).toContain('表头缺少列');
    expect(notice).toContain('district');
    await expectOverviewShown(page);
    await expectIndicatorShown(page, false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('one bad row: its line is named, the good rows of the same file still show', async () => {
    const good = await (await fetch(site.server.url + 'data/observations/2023.csv')).text();
    const lines = good.trimEnd().split('\n');
    // A stray comma two lines in: that row alone is refused.
    const body = [lines[0], 'tumed-left,grain-output,2023,target,=,1,0,万吨,false,x,1,q,', ...lines.slice(1)].join('\n') + '\n';
    const { page } = await pageWith((route) => route.fulfill({ status: 200, contentType: 'text/csv', body }), '?view=overview&lang=en');
    const notice = await noticeText(page);
    expect(notice).toContain('observations/2023.csv:2:');
    expect(notice).toMatch(/The row has 13 cells but the header has 14/);
    await expectIndicatorShown(page, true);
    await page.close();
  });

  it('garbage bytes: reported as not a text file; the site still shows the rest', async () => {
    const bytes = Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 131 + 7) % 256));
    const { page, errors } = await pageWith((route) => route.fulfill({ status: 200, contentType: 'text/csv', body: bytes }));
    const notice = await noticeText(page);
    expect(notice).toContain('observations/2023.csv');
    expect(notice).toContain('文件不是文本（图片或其他二进制文件？）');
    await expectOverviewShown(page);
    await expectIndicatorShown(page, false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('an empty file is reported, not fatal', async () => {
    const { page } = await pageWith((route) => route.fulfill({ status: 200, contentType: 'text/csv', body: '' }));
    const notice = await noticeText(page);
    expect(notice).toContain('observations/2023.csv:1:');
    expect(notice).toContain('文件为空');
    await expectOverviewShown(page);
    await page.close();
  });

  it('a 50 MB file is refused with its size and the limit, not loaded', async () => {
    const row = 'tumed-left,grain-output,2023,target,=,67,万吨,false,x,1,q,padding\n';
    const body = Buffer.alloc(50 * 1024 * 1024, row);
    const { page } = await pageWith((route) => route.fulfill({ status: 200, contentType: 'text/csv', body }), '?view=overview&lang=en');
    const notice = await noticeText(page);
    expect(notice).toContain('observations/2023.csv');
    expect(notice).toMatch(/The file is 50 MB, more than the 40 MB/);
    await expectOverviewShown(page);
    await page.close();
  });
});

describe('a yearly file that fails to load', () => {
  it('404: the notice names the file; retry mends it once the file is there', async () => {
    let missing = true;
    const { page, requests } = await pageWith((route) =>
      missing ? route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found' }) : route.continue(),
    );
    const notice = await noticeText(page);
    expect(notice).toContain('observations/2023.csv');
    expect(notice).toContain('HTTP 404');
    // A missing file will not appear by asking again at once: not retried on its own (the page's
    // early prefetch may have asked once too, so at most two requests).
    expect(requests()).toBeLessThanOrEqual(2);
    const asked = requests();
    await expectOverviewShown(page);

    missing = false;
    await page.getByRole('button', { name: '重试' }).click();
    await page
      .waitForFunction(() => !document.querySelector('.notice-error'), undefined, { timeout: 20_000 })
      .catch(async (e: Error) => {
        throw new Error(`${e.message}\nrequests: ${requests()} (before retry ${asked})\nnotice: ${await noticeText(page).catch(() => '')}`);
      });
    expect(requests()).toBe(asked + 1);
    await expectIndicatorShown(page, true);
    await page.close();
  });

  it('500: retried before the notice; retry mends it', async () => {
    let failing = true;
    const { page, requests } = await pageWith((route) =>
      failing ? route.fulfill({ status: 500, contentType: 'text/plain', body: 'boom' }) : route.continue(),
    );
    await page.locator('.notice-error').waitFor({ timeout: 10_000 });
    // Three tries (the first and two retries) before the notice.
    expect(requests()).toBeGreaterThanOrEqual(3);
    const notice = await noticeText(page);
    expect(notice).toContain('observations/2023.csv');
    expect(notice).toContain('HTTP 500');
    await expectOverviewShown(page);

    failing = false;
    await page.getByRole('button', { name: '重试' }).click();
    await page.waitForFunction(() => !document.querySelector('.notice-error'), undefined, { timeout: 10_000 });
    await expectIndicatorShown(page, true);
    await page.close();
  });

  it('a passing server error mends itself by the retries, with no notice', async () => {
    const { page, requests } = await pageWith((route, n) =>
      n <= 2 ? route.fulfill({ status: 503, contentType: 'text/plain', body: 'busy' }) : route.continue(),
    );
    expect(requests()).toBeGreaterThanOrEqual(3);
    expect(await page.locator('.notice-error').count()).toBe(0);
    await expectOverviewShown(page);
    await page.close();
  });

  it('a dropped connection is retried like a server error', async () => {
    const { page, requests } = await pageWith((route, n) => (n === 1 ? route.abort('connectionreset') : route.continue()));
    expect(requests()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('.notice-error').count()).toBe(0);
    await page.close();
  });

  it('the list of years failing once is retried by the query, with no notice', async () => {
    const page = await site.browser.newPage();
    let n = 0;
    await page.route('**/data/index.json', (route) => (++n === 1 ? route.fulfill({ status: 500, body: 'boom' }) : route.continue()));
    await page.goto(site.server.url + '?view=overview');
    await settle(page);
    expect(n).toBeGreaterThanOrEqual(2);
    expect(await page.locator('[role="alert"]').count()).toBe(0);
    await expectOverviewShown(page);
    await page.close();
  });
});
