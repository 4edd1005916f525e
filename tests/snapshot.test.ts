/**
 * The pages made at build time: snapshotKey and public/show-snapshot.js choose the same page
 * for any query, and the rendered pages keep to the Content Security Policy.
 */
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SNAPSHOTS, snapshotKey } from '../src/app/snapshot';
import { parseState } from '../src/core/url';
import { renderSnapshots } from '../src/prerender/renderSnapshots';
import { staticSvg } from '../src/prerender/staticSvg';
import { readDataDir } from '../scripts/lib/fsdata';
import { renderToSvg } from '../src/charts/svg';

const script = readFileSync(new URL('../public/show-snapshot.js', import.meta.url), 'utf8');
const loader = readFileSync(new URL('../public/preload-data.js', import.meta.url), 'utf8');

/** The page file public/preload-data.js asks for on a URL (the key it names), or null. */
function loaderKey(search: string): string | null {
  const metas: Record<string, unknown> = {
    'first-paint-data': { years: [2024], files: {}, calendar: 2026 },
    'first-paint-pages': Object.fromEntries(SNAPSHOTS.map(({ key }) => [key, `first-paint/${key}-0.html`])),
  };
  const asked: string[] = [];
  const document = { querySelector: (s: string) => {
    const name = /meta\[name="([^"]+)"\]/.exec(s)?.[1];
    return name && name in metas ? { getAttribute: () => JSON.stringify(metas[name]) } : null;
  } };
  const fetch = (url: string) => {
    asked.push(url);
    return Promise.resolve(new Response('{"years":[2024]}'));
  };
  runInNewContext(loader, { document, window: { location: { search } }, URLSearchParams, fetch });
  const page = asked.find((u) => u.startsWith('first-paint/'));
  return page ? /^first-paint\/(.+)-0\.html$/.exec(page)![1]! : null;
}

/** Runs public/preload-data.js, then show-snapshot.js, against a minimal document holding one frame per snapshot: the key shown. */
function scriptKey(search: string): string | null {
  let shown: string | null = null;
  const root = { firstChild: null as unknown, appendChild: (n: unknown) => (root.firstChild = n), removeChild: () => undefined, querySelector: () => null };
  const templates = SNAPSHOTS.map(({ key }) => ({ content: key, getAttribute: () => key, parentNode: { removeChild: () => undefined } }));
  const document = {
    querySelector: () => null,
    querySelectorAll: () => templates,
    getElementById: () => root,
    importNode: (n: unknown) => n,
    documentElement: { setAttribute: (_: string, v: string) => (shown = v), getAttribute: () => null, lang: '' },
  };
  const window = { location: { search } };
  runInNewContext(loader, { document, window, URLSearchParams });
  runInNewContext(script, { document, window, URLSearchParams });
  return shown;
}

const queries = fc.oneof(
  fc.constantFrom('', '?', '?view=air', '?lang=en', '?view=grain&lang=en', '?lang=en&view=overview', '?view=air&view=air', '?view=indicator', '?lang=fr', '?view=overview&year=2024', '?q=', '?view=air&lang=zh', '?view=%61ir'),
  fc
    .array(fc.tuple(fc.constantFrom('view', 'lang', 'year', 'q', 'View', ''), fc.constantFrom('overview', 'air', 'grain', 'zh', 'en', 'data', '', '2024', 'a b')), { maxLength: 3 })
    .map((pairs) => (pairs.length ? `?${new URLSearchParams(pairs).toString()}` : '')),
);

describe('which page from the build a URL shows', () => {
  // A fresh script context per run: slow on a busy machine.
  it.each([
    ['public/show-snapshot.js shows', scriptKey, 500],
    ['public/preload-data.js asks for', loaderKey, 300],
  ] as const)('%s the page snapshotKey names, on every query', (_, key, numRuns) => {
    fc.assert(
      fc.property(queries, (q) => {
        expect(key(q)).toBe(snapshotKey(q));
      }),
      { numRuns },
    );
  }, 20_000);

  it('a snapshot is chosen only when the app would show that very state', () => {
    fc.assert(
      fc.property(queries, (q) => {
        const key = snapshotKey(q);
        if (key === null) return;
        const { state } = SNAPSHOTS.find((s) => s.key === key)!;
        expect(parseState(q)).toEqual(state);
      }),
      { numRuns: 500 },
    );
    expect(snapshotKey('')).toBe('overview-zh');
    expect(snapshotKey('?view=grain&lang=en')).toBe('grain-en');
    expect(snapshotKey('?view=overview&districts=yuquan')).toBeNull();
    expect(snapshotKey('?view=scorecard')).toBeNull();
  });
});

describe('static charts', () => {
  it('no style attribute or element, text styles kept as attributes, metadata gone', () => {
    const raw = renderToSvg({ xAxis: { type: 'category', data: ['2022', '2023'] }, yAxis: { type: 'value' }, series: [{ type: 'bar', data: [297, 308], label: { show: true } }] }, 320, 200);
    expect(raw).toMatch(/ style="/);
    const svg = staticSvg(raw);
    expect(svg).not.toMatch(/ style=|<style|ecmeta_|zr\d+-cls/);
    expect(svg).toMatch(/<text[^>]* font-size="12px"[^>]*>297<\/text>/);
    expect(svg).toContain('viewBox="0 0 320 200"');
  });

  it('text from the data is escaped, never markup', () => {
    const evil = '<img src=x onerror=alert(1)>&"</text><script>alert(2)</script>';
    const svg = staticSvg(renderToSvg({ xAxis: { type: 'category', data: [evil] }, yAxis: { type: 'value', name: evil }, series: [{ type: 'bar', name: evil, data: [1], label: { show: true, formatter: evil } }] }, 320, 200));
    expect(svg).not.toMatch(/<img|<script|<\/text><script/);
    expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});

describe('the pages rendered from the bundled data', () => {
  const pages = renderSnapshots(readDataDir(new URL('../data', import.meta.url).pathname));
  const page = (key: string) => pages.find((p) => p.key === key)!.html;

  it('one page per snapshot, each in its language with its view current', () => {
    expect(pages.map((p) => p.key)).toEqual(SNAPSHOTS.map((s) => s.key));
    expect(page('overview-zh')).toContain('2024年主要指标总览');
    expect(page('overview-en')).toContain('Headline indicators, 2024');
    expect(page('air-zh')).toMatch(/aria-current="page"[^>]*>空气质量</);
  });

  it('the overview has its first number; the citizen pages have their charts drawn', () => {
    expect(page('overview-zh')).toMatch(/data-first-number[^>]*>[^<]*6%左右/);
    for (const k of ['air-zh', 'air-en', 'grain-zh', 'grain-en']) expect(page(k)).toMatch(/class="chart-box"[\s\S]*?<svg/);
  });

  it('no inline style, style element or script anywhere (the CSP would block them)', () => {
    for (const { key, html } of pages) {
      expect(html, key).not.toMatch(/ style="|<style|<script/);
    }
  });
});
