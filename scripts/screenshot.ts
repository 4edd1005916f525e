/**
 * npm run screenshot -- "?view=air&lang=en" [phone|desktop] [name]
 * Builds nothing: serves dist/ (or DIST_DIR) and saves test-results/screenshots/<name>.png, to look
 * at a page; SCREEN=1 keeps only the first screenful instead of the whole page.
 */
import { launchBrowser, serve, settle, shot, VIEWPORTS } from './lib/browser';

const [query = '', size = 'desktop', name = 'manual'] = process.argv.slice(2);
const server = await serve();
const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: VIEWPORTS[size as keyof typeof VIEWPORTS] ?? VIEWPORTS.desktop });
  page.on('console', (m) => { if (m.type() === 'error') console.error('console:', m.text()); });
  page.on('pageerror', (e) => console.error('pageerror:', e.message));
  await page.goto(server.url + query);
  await settle(page);
  if (process.env.SCREEN === '1') await page.screenshot({ path: `test-results/screenshots/${name}.png` });
  else await shot(page, name);
  console.log(`test-results/screenshots/${name}.png`);
} finally {
  await browser.close();
  await server.stop();
}
