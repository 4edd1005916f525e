/** One built site and one Chromium for a test file: started before its tests, stopped after. */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, serve, type Server } from '../../scripts/lib/browser';

export interface Site {
  server: Server;
  browser: Browser;
}

export function openSite(distDir?: string): Site {
  const site = {} as Site;
  beforeAll(async () => {
    site.server = await serve(distDir);
    site.browser = await launchBrowser();
  });
  afterAll(async () => {
    await site.browser?.close();
    await site.server?.stop();
  });
  return site;
}

/** On the check page: until every file named is listed and the check of exactly these files has finished. */
export async function filesChecked(page: Page, names: string[], timeout: number): Promise<void> {
  await page.waitForFunction(
    (want) => {
      const list = document.querySelector('.check-files');
      if (!list || list.getAttribute('aria-busy') !== 'false') return false;
      const cards = [...document.querySelectorAll<HTMLElement>('.check-file-card')].map((c) => c.dataset.file);
      return want.every((n) => cards.includes(n)) && [...document.querySelectorAll('.check-file-card')].every((c) => c.querySelector('.check-meta')?.textContent?.includes('·'));
    },
    names,
    { timeout },
  );
}
