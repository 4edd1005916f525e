/**
 * Only the years a view needs are fetched (src/app/fetchPlan.ts): the scorecard of a year named
 * in the link reads that year's file, yet offers every published year; views that need all
 * years fetch the rest when opened.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openSite } from './site';

const site = openSite();

async function watched(query: string): Promise<{ page: Page; years: string[] }> {
  const page = await site.browser.newPage({ viewport: { width: 1280, height: 800 } });
  const years: string[] = [];
  page.on('request', (r) => {
    const y = /observations\/(\d{4})\.csv/.exec(r.url())?.[1];
    if (y) years.push(y);
  });
  await page.goto(site.server.url + query);
  return { page, years };
}

describe('fetching by view', () => {
  it('the scorecard of 2024 fetches 2024 only, offers every year, and fetches another year when chosen', async () => {
    const { page, years } = await watched('?view=scorecard&year=2024');
    try {
      await page.waitForSelector('#sc-title');
      expect(await page.locator('#sc-title').innerText()).toContain('2024');
      expect(years).toEqual(['2024']);
      expect(await page.locator('select').first().locator('option').allInnerTexts()).toEqual(['2022', '2023', '2024', '2025']);
      await page.locator('select').first().selectOption('2023');
      await page.waitForFunction(() => document.querySelector('#sc-title')?.textContent?.includes('2023'));
      expect(years).toEqual(['2024', '2023']);
      // The overview needs every year (its trend): the rest are fetched on the way there.
      await page.locator('nav a[href="?view=overview"]').click();
      await page.waitForSelector('[data-first-number]');
      expect([...years].sort()).toEqual(['2022', '2023', '2023', '2024', '2024', '2025']);
    } finally {
      await page.close();
    }
  });

  it('the data view filtered to 2023-2024 fetches those two; the overview fetches all four', async () => {
    const data = await watched('?view=data&year=2023-2024');
    try {
      await data.page.waitForSelector('.dt-box');
      expect([...data.years].sort()).toEqual(['2023', '2024']);
    } finally {
      await data.page.close();
    }
    const overview = await watched('');
    try {
      await overview.page.waitForSelector('[data-first-number]');
      expect([...overview.years].sort()).toEqual(['2022', '2023', '2024', '2025']);
    } finally {
      await overview.page.close();
    }
  });

  it('once every year is loaded, a scorecard of one year fetches nothing more', async () => {
    const { page, years } = await watched('');
    try {
      await page.waitForSelector('[data-first-number]');
      await page.locator('nav a[href="?view=scorecard"]').click();
      await page.waitForSelector('#sc-title');
      await page.locator('select').first().selectOption('2023');
      await page.waitForFunction(() => document.querySelector('#sc-title')?.textContent?.includes('2023'));
      expect([...years].sort()).toEqual(['2022', '2023', '2024', '2025']);
    } finally {
      await page.close();
    }
  });
});
