/**
 * Chart downloads with only ECharts' SVG renderer shipped: the SVG is the chart as drawn, and
 * the PNG is that SVG rasterised at twice the chart's size on white — a real image with the
 * bars' colour in it, made under the site's Content Security Policy.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { settle, SHOTS } from '../../scripts/lib/browser';
import { openSite } from './site';

const site = openSite();

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('chart downloads', () => {
  it('PNG at 2× on white with the bars drawn, SVG as drawn; no CSP violation', async () => {
    const page: Page = await site.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    await page.goto(site.server.url + '?view=indicator&indicator=grain-output&districts=tumed-left');
    await settle(page);
    await page.locator('.chart-box svg').first().waitFor();
    const width = await page.locator('.chart-box').first().evaluate((e) => e.clientWidth);

    const [svgDl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 SVG' }).click()]);
    const svg = readFileSync((await svgDl.path())!, 'utf8');
    expect(svg).toMatch(/^<svg/);
    expect(svg).toContain('土默特左旗');
    expect(svg).toContain('#0072B2');

    const [pngDl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 PNG' }).click()]);
    expect(pngDl.suggestedFilename()).toBe('grain-output-2023-2025.png');
    const png = readFileSync((await pngDl.path())!);
    mkdirSync(SHOTS, { recursive: true });
    writeFileSync(join(SHOTS, 'chart-download.png'), png);
    const size = pngSize(png);
    expect(size.width).toBe(width * 2);
    expect(size.height).toBeGreaterThan(400);

    // Decode the PNG in the page and look at its pixels: white corners, the district's blue in the bars.
    const pixels = await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const data = ctx.getImageData(0, 0, c.width, c.height).data;
      let blue = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i]! < 20 && Math.abs(data[i + 1]! - 114) < 12 && Math.abs(data[i + 2]! - 178) < 12) blue++;
      return { corner: [...ctx.getImageData(1, 1, 1, 1).data], blue };
    }, png.toString('base64'));
    expect(pixels.corner).toEqual([255, 255, 255, 255]);
    expect(pixels.blue).toBeGreaterThan(500);
    expect(problems).toEqual([]);
    await page.close();
  });
});
