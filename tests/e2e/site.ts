/** One built site and one Chromium for a test file: started before its tests, stopped after. */
import type { Browser } from 'playwright-core';
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
