/**
 * The order a slow line needs: public/preload-data.js asks for the data first, then starts the
 * app's code (taken out of index.html by the build, src/prerender/codeHints.ts), then the code of
 * the URL's view; public/show-snapshot.js starts the app if that script never ran.
 */
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { APP_ENTRY_META, takeAppEntry, viewCode, type Manifest } from '../src/prerender/codeHints';
import { FIRST_PAINT_META, firstPaintRecord, type FirstPaintRecord } from '../src/prerender/firstPaint';

const preloadScript = readFileSync(new URL('../public/preload-data.js', import.meta.url), 'utf8');
const showScript = readFileSync(new URL('../public/show-snapshot.js', import.meta.url), 'utf8');

const ENTRY = { js: './assets/index-abc.js', preload: ['./assets/jsx-runtime-1.js', './assets/i18n-2.js'] };
const CODE = { overview: ['assets/OverviewView-1.js', 'assets/format-2.js'], air: ['assets/AirView-3.js', 'assets/AirView-4.css'] };

/** A page with the build's <meta>s; every request and every element added to <head>, in order. */
function page(search: string, metas: Record<string, unknown>, withFetch = true, extra: Record<string, unknown> = {}) {
  const events: string[] = [];
  const meta = (name: string) => (name in metas ? { getAttribute: (a: string) => (a === 'content' ? JSON.stringify(metas[name]) : null) } : null);
  const document = {
    baseURI: 'https://example.org/site/',
    head: { appendChild: (el: Record<string, string>) => events.push(`${el.tag}${el.rel ? ` ${el.rel}` : ''}${el.as ? ` as=${el.as}` : ''}${el.type ? ` ${el.type}` : ''} ${el.src ?? el.href}`) },
    createElement: (tag: string) => ({ tag }),
    querySelector: (s: string) => meta(/meta\[name="([^"]+)"\]/.exec(s)?.[1] ?? ''),
    querySelectorAll: () => [],
    getElementById: () => null,
    documentElement: { setAttribute: () => undefined, getAttribute: () => null },
  };
  const fetch = (url: string) => {
    events.push(`fetch ${url}`);
    return Promise.resolve(new Response(url.endsWith('index.json') ? '{"years":[2024]}' : ''));
  };
  const onLoad: (() => void)[] = [];
  const window: Record<string, unknown> = { location: { search }, addEventListener: (type: string, f: () => void) => type === 'load' && onLoad.push(f) };
  const context = { window, document, URLSearchParams, URL, setTimeout, ...(withFetch ? { fetch } : {}), ...extra };
  // import() (which a vm script cannot run without a module loader) is noted instead, and refused.
  const importModule = (specifier: string) => {
    events.push(`import ${specifier}`);
    return Promise.reject(new Error('no modules here'));
  };
  Object.assign(context, { importModule });
  const run = (script: string) => runInNewContext(script.replace(/\bimport\(/g, 'importModule('), context);
  return { events, run, load: () => onLoad.forEach((f) => f()) };
}

describe('public/preload-data.js starts the page in the order a slow line needs', () => {
  it('the data first, then the app and its imports, then the view’s code', () => {
    const p = page('?view=air&lang=en', { [APP_ENTRY_META]: ENTRY, 'view-code': CODE });
    p.run(preloadScript);
    const firstCode = p.events.findIndex((e) => !e.startsWith('fetch'));
    expect(p.events.slice(0, firstCode)).toEqual(['fetch data/districts.csv', 'fetch data/indicators.csv', 'fetch data/sources.csv', 'fetch data/index.json']);
    expect(p.events.slice(firstCode)).toEqual([
      'link modulepreload https://example.org/site/assets/jsx-runtime-1.js',
      'link modulepreload https://example.org/site/assets/i18n-2.js',
      'script module ./assets/index-abc.js',
      'link modulepreload https://example.org/site/assets/AirView-3.js',
      'link preload as=style https://example.org/site/assets/AirView-4.css',
    ]);
  });

  it('starts the data loader (src/early.ts) at once when no page from the build can be shown, its file preloaded with the app', async () => {
    const p = page('?view=scorecard&year=2024', { [APP_ENTRY_META]: { ...ENTRY, early: './assets/early-9.js' } });
    p.run(preloadScript);
    await new Promise((r) => setTimeout(r, 0));
    const code = p.events.filter((e) => !e.startsWith('fetch'));
    expect(code).toEqual([
      'link modulepreload https://example.org/site/assets/jsx-runtime-1.js',
      'link modulepreload https://example.org/site/assets/i18n-2.js',
      'link modulepreload https://example.org/site/assets/early-9.js',
      'script module ./assets/index-abc.js',
      'import https://example.org/site/assets/early-9.js',
    ]);
  });

  describe('with a page from the build for the URL', () => {
    // The harness serves every data file empty, and index.json with the year 2024.
    const files = ['districts.csv', 'indicators.csv', 'sources.csv', 'observations/2024.csv'].map((path) => ({ path, bytes: new Uint8Array() }));
    const metas = (record: FirstPaintRecord) => ({
      [APP_ENTRY_META]: { ...ENTRY, early: './assets/early-9.js' },
      [FIRST_PAINT_META]: record,
      'first-paint-pages': { 'overview-zh': 'first-paint/overview-zh-1.html' },
    });
    const settle = () => new Promise((r) => setTimeout(r, 20));

    it('starts the data loader at once when the files served are not the build’s', async () => {
      const changed = firstPaintRecord(files.map((f) => (f.path === 'observations/2024.csv' ? { ...f, bytes: new Uint8Array([49]) } : f)), new Date().toISOString().slice(0, 10));
      const p = page('', metas(changed));
      p.run(preloadScript);
      await settle();
      expect(p.events.filter((e) => e.startsWith('import'))).toEqual(['import https://example.org/site/assets/early-9.js']);
    });

    it('starts it only after the frame that paints the page, when the page is shown', async () => {
      const frames: (() => void)[] = [];
      const same = firstPaintRecord(files, new Date().toISOString().slice(0, 10));
      const p = page('', metas(same), true, { requestAnimationFrame: (f: () => void) => frames.push(f) });
      p.run(preloadScript);
      await settle();
      expect(p.events.filter((e) => e.startsWith('import'))).toEqual([]);
      expect(frames).toHaveLength(1);
      frames[0]!();
      await settle();
      expect(p.events.filter((e) => e.startsWith('import'))).toEqual(['import https://example.org/site/assets/early-9.js']);
    });
  });

  it('imports no loader from anywhere but the site’s assets', () => {
    for (const early of ['https://example.com/x.js', '../assets/x.js', './assets/x.js?y', 42]) {
      const p = page('', { [APP_ENTRY_META]: { ...ENTRY, early } });
      p.run(preloadScript);
      expect(p.events.filter((e) => e.startsWith('import'))).toEqual([]);
    }
  });

  it('a view it has no list for gets the overview’s code (the app shows the overview then)', () => {
    const p = page('?view=nope', { [APP_ENTRY_META]: ENTRY, 'view-code': CODE });
    p.run(preloadScript);
    expect(p.events.filter((e) => e.includes('View'))).toEqual(['link modulepreload https://example.org/site/assets/OverviewView-1.js']);
  });

  it('starts the app even where it cannot fetch, and never a file outside assets/', () => {
    const p = page('', { [APP_ENTRY_META]: ENTRY, 'view-code': { overview: ['assets/ok.js', '../evil.js', 'https://elsewhere.example/x.js', 'assets/a/b.js'] } }, false);
    p.run(preloadScript);
    expect(p.events).toContain('script module ./assets/index-abc.js');
    expect(p.events.filter((e) => e.includes('evil') || e.includes('elsewhere') || e.includes('a/b.js'))).toEqual([]);
    expect(p.events.some((e) => e.startsWith('fetch'))).toBe(false);
  });

  it('without the build’s <meta> (the development server) it adds nothing: index.html has its own script', () => {
    const p = page('', {});
    p.run(preloadScript);
    expect(p.events.every((e) => e.startsWith('fetch'))).toBe(true);
  });
});

describe('public/show-snapshot.js as the app’s second chance', () => {
  it('starts the app when public/preload-data.js never ran, once every script has loaded or failed', () => {
    const p = page('', { [APP_ENTRY_META]: ENTRY });
    p.run(showScript);
    expect(p.events).toEqual([]);
    p.load();
    expect(p.events).toEqual(['script module ./assets/index-abc.js']);
  });

  it('does not start it a second time', () => {
    const p = page('', { [APP_ENTRY_META]: ENTRY });
    p.run(preloadScript);
    p.run(showScript);
    p.load();
    expect(p.events.filter((e) => e.startsWith('script'))).toEqual(['script module ./assets/index-abc.js']);
  });
});

describe('the build’s hints about the code (src/prerender/codeHints.ts)', () => {
  const manifest: Manifest = {
    'index.html': { file: 'assets/index-1.js', isEntry: true, imports: ['_react.js'], css: ['assets/index-1.css'] },
    '_react.js': { file: 'assets/react-2.js' },
    '_format.js': { file: 'assets/format-3.js', imports: ['_react.js'] },
    'src/views/overview/OverviewView.tsx': { file: 'assets/OverviewView-4.js', imports: ['index.html', '_format.js'] },
    'src/views/data/DataView.tsx': { file: 'assets/DataView-5.js', imports: ['_format.js', '_table.js'], css: ['assets/DataView-6.css'] },
    '_table.js': { file: 'assets/table-7.js', imports: ['_format.js'] },
    'src/views/overview/helpers.tsx': { file: 'assets/helpers-8.js' },
    'src/views/nope/NopeView.tsx': { file: 'assets/NopeView-9.js' },
  };

  it('each view’s chunks and CSS beyond what the entry loads, for views the app has', () => {
    expect(viewCode(manifest)).toEqual({
      overview: ['assets/OverviewView-4.js', 'assets/format-3.js'],
      data: ['assets/DataView-5.js', 'assets/DataView-6.css', 'assets/format-3.js', 'assets/table-7.js'],
    });
  });

  it('takes the app’s module script and its preloads out of index.html', () => {
    const html = `<head>\n    <script type="module" crossorigin src="./assets/index-1.js"></script>\n    <link rel="modulepreload" crossorigin href="./assets/react-2.js">\n    <link rel="stylesheet" crossorigin href="./assets/index-1.css">\n</head>`;
    const { html: out, entry } = takeAppEntry(html);
    expect(entry).toEqual({ js: './assets/index-1.js', preload: ['./assets/react-2.js'] });
    expect(out).toBe(`<head>\n    <link rel="stylesheet" crossorigin href="./assets/index-1.css">\n</head>`);
    expect(() => takeAppEntry('<head></head>')).toThrow(/one module script, found 0/);
    expect(() => takeAppEntry(html + html)).toThrow(/found 2/);
  });
});
