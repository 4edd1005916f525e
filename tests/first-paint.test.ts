/**
 * The first paint is shown only on the data it was made from: the build's record
 * (src/prerender/firstPaint.ts, src/data/fingerprint.ts) and public/preload-data.js's verdict on
 * the files served, with public/show-snapshot.js showing the figures only on a verdict of true.
 */
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../src/data/fingerprint';
import { dataPreloads, FIRST_PAINT_META, firstPaintMeta, firstPaintRecord, type FirstPaintRecord } from '../src/prerender/firstPaint';

const preloadScript = readFileSync(new URL('../public/preload-data.js', import.meta.url), 'utf8');
const showScript = readFileSync(new URL('../public/show-snapshot.js', import.meta.url), 'utf8');
const bytes = (s: string) => new TextEncoder().encode(s);

/** The data folder as the build read it. */
function published(years = [2023, 2024]): Record<string, Uint8Array> {
  const files: Record<string, Uint8Array> = {
    'districts.csv': bytes('id,name_zh,name_en,level,parent,adcode\ntumed-left,土默特左旗,Tumed Left Banner,banner,,150121\n'),
    'indicators.csv': bytes('id,name_zh\naq-good-days,空气质量优良天数\n'),
    'sources.csv': bytes('id,title_zh\nr,报告\n'),
  };
  for (const y of years) files[`observations/${y}.csv`] = bytes(`district,indicator,year,value\ntumed-left,aq-good-days,${y},297\n`);
  return files;
}

/** The build's day as the tests' reader: today's reporting year, so the calendar never stands in the way unless a test says so. */
const BUILD_DAY = new Date().toISOString().slice(0, 10);
const recordOf = (files: Record<string, Uint8Array>, day = BUILD_DAY): FirstPaintRecord =>
  firstPaintRecord(Object.entries(files).map(([path, b]) => ({ path, bytes: b })), day);

interface Served {
  files: Record<string, Uint8Array | number>;
  index?: unknown;
}

/**
 * Runs public/preload-data.js on a page whose <meta> holds `record` (or none), against a
 * server holding `served` (a number is an HTTP status). Returns what it asked for, its verdict
 * and the responses it stored for the app.
 */
function preload(record: FirstPaintRecord | null, served: Served, search = '', now?: string, fromCache: string[] = []) {
  const asked: string[] = [];
  const fetch = (url: string) => {
    asked.push(url);
    // A file the browser answered from its own cache: a second request reaches the server.
    if (fromCache.includes(url) && asked.filter((u) => u === url).length === 1) return Promise.resolve(new Response('stale copy'));
    const path = url.replace(/^data\//, '');
    if (path === 'index.json') return Promise.resolve(new Response(JSON.stringify(served.index ?? { years: [] })));
    const f = served.files[path];
    if (f === undefined || typeof f === 'number') return Promise.resolve(new Response('not found', { status: typeof f === 'number' ? f : 404 }));
    return Promise.resolve(new Response(f.slice()));
  };
  const meta = record && { getAttribute: (n: string) => (n === 'content' ? JSON.stringify(record) : null) };
  const document = { baseURI: 'https://example.org/', querySelector: (s: string) => (s === `meta[name="${FIRST_PAINT_META}"]` ? meta : null) };
  const window: Record<string, unknown> = { location: { search } };
  // Resource Timing as a browser keeps it: no bytes over the network for what its cache answered.
  const performance = {
    getEntriesByName: (href: string) => {
      const url = href.replace('https://example.org/', '');
      if (!asked.includes(url)) return [];
      const cached = fromCache.includes(url) && asked.filter((u) => u === url).length === 1;
      return [{ transferSize: cached ? 0 : 300, decodedBodySize: 100 }];
    },
  };
  // The reader's clock: a fixed day when the test gives one.
  const RealDate = Date;
  const ReaderDate = now === undefined ? Date : (class extends RealDate {
    constructor() {
      super(`${now}T12:00:00`);
    }
  } as DateConstructor);
  runInNewContext(preloadScript, { window, document, fetch, URLSearchParams, URL, performance, Date: ReaderDate });
  const firstPaint = window.__firstPaint as { verdict?: Promise<boolean> };
  return { asked, verdict: firstPaint.verdict, store: window.__dataPrefetch as Record<string, Promise<Response>> };
}

const servedAsBuilt = (files: Served['files'], years: number[]): Served => ({ files, index: { years } });

describe('fingerprint', () => {
  it('is the length and 64 bits of hash, the same on every run', () => {
    expect(fingerprint(new Uint8Array())).toMatch(/^0-[0-9a-f]{16}$/);
    expect(fingerprint(bytes('297'))).toBe(fingerprint(bytes('297')));
    expect(fingerprint(bytes('297'))).toMatch(/^3-/);
  });

  it('tells apart two files that differ in one byte, or in their length', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 300 }), fc.nat(), fc.integer({ min: 1, max: 255 }), (b, at, delta) => {
        const changed = b.slice();
        const i = at % b.length;
        changed[i] = (changed[i]! + delta) % 256;
        expect(fingerprint(changed)).not.toBe(fingerprint(b));
        expect(fingerprint(b.subarray(0, b.length - 1))).not.toBe(fingerprint(b));
      }),
      { numRuns: 300 },
    );
    // The case of the issue: a figure corrected from 297 to 301 days.
    expect(fingerprint(bytes('tumed-left,aq-good-days,2024,actual,=,301,天'))).not.toBe(fingerprint(bytes('tumed-left,aq-good-days,2024,actual,=,297,天')));
  });
});

describe('the record the build writes', () => {
  it('every file read, by path, and the years in order', () => {
    const files = published([2025, 2023, 2024]);
    const record = recordOf(files);
    expect(record.years).toEqual([2023, 2024, 2025]);
    expect(Object.keys(record.files).sort()).toEqual(Object.keys(files).sort());
    expect(record.files['observations/2024.csv']).toBe(fingerprint(files['observations/2024.csv']!));
  });

  it('a file the build could not read stops the build', () => {
    expect(() => firstPaintRecord([{ path: 'sources.csv', error: 'file not found' }], BUILD_DAY)).toThrow(/sources\.csv/);
  });

  it('the <meta> holds the record as an attribute, quotes and markup escaped', () => {
    const record: FirstPaintRecord = { years: [2024], files: { 'observations/2024.csv': '3-"<&>' }, calendar: 2026 };
    const meta = firstPaintMeta(record);
    expect(meta).toMatch(/^<meta name="first-paint-data" content="[^"<>]*" \/>$/);
    const content = /content="([^"]*)"/.exec(meta)![1]!.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    expect(JSON.parse(content)).toEqual(record);
  });
});

describe("public/preload-data.js's verdict on the files served", () => {
  it('true when every file and the list of years are as the build saw them (the script computes the same fingerprints)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom('districts.csv', 'indicators.csv', 'sources.csv', 'observations/2024.csv'), fc.uint8Array({ maxLength: 200 }), { minKeys: 4 }), async (files) => {
        const { verdict } = preload(recordOf(files), servedAsBuilt(files, [2024]));
        expect(await verdict).toBe(true);
      }),
      { numRuns: 100 },
    );
    // A fresh script context per run: slow on a busy machine.
  }, 20_000);

  it('false when a yearly file was replaced, whichever the year', async () => {
    for (const year of [2023, 2024]) {
      const files = published();
      const served = { ...files, [`observations/${year}.csv`]: bytes(`district,indicator,year,value\ntumed-left,aq-good-days,${year},301\n`) };
      expect(await preload(recordOf(files), servedAsBuilt(served, [2023, 2024])).verdict).toBe(false);
    }
  });

  it('false when a reference file was replaced', async () => {
    const files = published();
    const served = { ...files, 'indicators.csv': bytes('id,name_zh\naq-good-days,优良天数\n') };
    expect(await preload(recordOf(files), servedAsBuilt(served, [2023, 2024])).verdict).toBe(false);
  });

  it('false on a day of another reporting year than the build (a result "pending" at the build is overdue after 1 April)', async () => {
    const files = published();
    const served = servedAsBuilt(files, [2023, 2024]);
    const built = recordOf(files, '2026-03-20');
    expect(built.calendar).toBe(2025);
    expect(await preload(built, served, '', '2026-03-31').verdict).toBe(true);
    expect(await preload(built, served, '', '2026-04-01').verdict).toBe(false);
    expect(await preload(recordOf(files, '2026-04-01'), served, '', '2027-03-31').verdict).toBe(true);
    expect(await preload(recordOf(files, '2026-04-01'), served, '', '2026-03-31').verdict).toBe(false);
  });

  it('false when a year was added or taken away, even if every file the build read is unchanged', async () => {
    const files = published();
    const record = recordOf(files);
    const added = { ...files, 'observations/2025.csv': bytes('district,indicator,year,value\n') };
    expect(await preload(record, servedAsBuilt(added, [2023, 2024, 2025])).verdict).toBe(false);
    expect(await preload(record, servedAsBuilt(files, [2024])).verdict).toBe(false);
    // The same years in another order are the same years.
    expect(await preload(record, servedAsBuilt(files, [2024, 2023])).verdict).toBe(true);
  });

  it('false when a file is missing, fails, or index.json cannot be read', async () => {
    const files = published();
    const record = recordOf(files);
    expect(await preload(record, servedAsBuilt({ ...files, 'sources.csv': 404 }, [2023, 2024])).verdict).toBe(false);
    expect(await preload(record, servedAsBuilt({ ...files, 'observations/2023.csv': 503 }, [2023, 2024])).verdict).toBe(false);
    expect(await preload(record, { files, index: 'not a list' }).verdict).toBe(false);
  });

  it('no verdict without a record (a page with nothing from the build), nor for a link naming years', () => {
    const files = published();
    expect(preload(null, servedAsBuilt(files, [2023, 2024])).verdict).toBeUndefined();
    expect(preload(recordOf(files), servedAsBuilt(files, [2023, 2024]), '?view=scorecard&year=2024').verdict).toBeUndefined();
  });

  it('asks for each file once, the years the build saw at once (before index.json answers), and gives the app only the years index.json lists', async () => {
    const files = published([2022, 2023, 2024]);
    const { asked, verdict, store } = preload(recordOf(files), servedAsBuilt(files, [2023, 2024]));
    // Asked with index.json, not after it: a round trip saved on a slow line.
    expect(asked).toEqual([
      'data/districts.csv',
      'data/indicators.csv',
      'data/sources.csv',
      'data/index.json',
      'data/observations/2022.csv',
      'data/observations/2023.csv',
      'data/observations/2024.csv',
    ]);
    // 2022 was taken away since the build: the page is not the build's, and the app reads only the years listed.
    expect(await verdict).toBe(false);
    expect(await (await store['data/index.json']!).json()).toEqual({ years: [2023, 2024] });
    expect(new Set(asked).size).toBe(asked.length);
  });

  it('a file the browser answered from its own cache (the preload cannot forbid that) is asked for again, and that answer is used', async () => {
    const files = published();
    const { asked, verdict, store } = preload(recordOf(files), servedAsBuilt(files, [2023, 2024]), '', undefined, ['data/observations/2024.csv']);
    expect(await (await store['data/observations/2024.csv']!).text()).toContain(',297');
    expect(await verdict).toBe(true);
    expect(asked.filter((u) => u.endsWith('2024.csv'))).toHaveLength(2);
    expect(asked.filter((u) => u.endsWith('2023.csv'))).toHaveLength(1);
  });

  it('a year the build did not see is still fetched for the app once index.json lists it', async () => {
    const files = published();
    const added = { ...files, 'observations/2025.csv': bytes('district,indicator,year,value\n') };
    const { asked, verdict } = preload(recordOf(files), servedAsBuilt(added, [2023, 2024, 2025]));
    await verdict;
    expect(asked.filter((u) => u.includes('2025'))).toEqual(['data/observations/2025.csv']);
  });

  it('the app still reads every byte of the responses it takes', async () => {
    const files = published();
    const { store, verdict } = preload(recordOf(files), servedAsBuilt(files, [2023, 2024]));
    // As src/data/fetchData.ts does: index.json first, then take each stored response and read its body.
    expect(await (await store['data/index.json']!).json()).toEqual({ years: [2023, 2024] });
    const text = await (await store['data/observations/2024.csv']!).text();
    expect(text).toContain(',297');
    expect(await verdict).toBe(true);
  });
});

/** The key public/preload-data.js finds in a URL (tests/snapshot.test.ts checks it against snapshotKey). */
function keyOf(search: string): string | null {
  const p = new URLSearchParams(search);
  const names = [...p.keys()];
  if (names.some((n) => n !== 'view' && n !== 'lang') || new Set(names).size !== names.length) return null;
  return `${p.get('view') ?? 'overview'}-${p.get('lang') ?? 'zh'}`;
}

/** A minimal document for public/show-snapshot.js: #root, <html>, a frame per key; every page put in, in order. */
function showPage(search: string, keys = ['overview-zh', 'air-en']) {
  const children: unknown[] = [];
  const history: string[] = [];
  const root = {
    get firstChild() {
      return children[0] ?? null;
    },
    appendChild: (n: { node: string }) => {
      children.push(n);
      history.push(n.node);
    },
    removeChild: (n: unknown) => children.splice(children.indexOf(n), 1),
    querySelector: () => null,
  };
  const attrs: Record<string, string> = {};
  const html = { lang: 'zh-CN', setAttribute: (k: string, v: string) => (attrs[k] = v), getAttribute: (k: string) => attrs[k] ?? null };
  let removed = 0;
  const templates = keys.map((key) => ({
    content: `frame ${key}`,
    getAttribute: (n: string) => (n === 'data-snapshot-frame' ? key : null),
    parentNode: { removeChild: () => removed++ },
  }));
  // A <template> made from the page file's text: its content is that text.
  const createElement = () => {
    let text = '';
    return {
      set innerHTML(t: string) {
        text = t;
      },
      get content() {
        return `page ${text}`;
      },
    };
  };
  const document = { querySelectorAll: () => templates, querySelector: () => null, getElementById: () => root, createElement, importNode: (n: unknown) => ({ node: n }), documentElement: html };
  // public/preload-data.js runs first and leaves the key there.
  const window: Record<string, unknown> = { location: { search }, __firstPaint: { key: keyOf(search) } };
  return {
    run: () => runInNewContext(showScript, { document, window, URLSearchParams, setTimeout }),
    window,
    shown: () => (children as { node: string }[]).map((c) => c.node),
    history,
    attrs,
    html,
    removed: () => removed,
    appTakesOver: () => {
      children.splice(0, children.length, { node: 'app' });
      delete attrs['data-snapshot'];
    },
  };
}

const PATH = 'first-paint/air-en-0123456789ab.html';
const pageFile = (body: string, path = PATH) => `<!--first-paint ${path}-->${body}`;
const later = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('public/show-snapshot.js', () => {
  it('data and page in at once: the page, without the frame first', async () => {
    const p = showPage('?view=air&lang=en');
    p.window.__firstPaint = { ...(p.window.__firstPaint as object), verdict: Promise.resolve(true), page: Promise.resolve(pageFile('<main>297 days</main>')), pagePath: PATH };
    p.run();
    expect(p.attrs['data-snapshot']).toBe('air-en');
    expect(p.html.lang).toBe('en');
    expect(p.removed()).toBe(2);
    await later(0);
    expect(p.history).toEqual(['page <main>297 days</main>']);
    await later(200);
    expect(p.history).toEqual(['page <main>297 days</main>']);
  });

  it('data slow to come: the frame after a moment, the page once the verdict is true', async () => {
    const p = showPage('?view=air&lang=en');
    let say: (v: boolean) => void = () => undefined;
    p.window.__firstPaint = { ...(p.window.__firstPaint as object), verdict: new Promise<boolean>((r) => (say = r)), page: Promise.resolve(pageFile('<main>297 days</main>')), pagePath: PATH };
    p.run();
    expect(p.shown()).toEqual([]);
    await later(200);
    expect(p.shown()).toEqual(['frame air-en']);
    say(true);
    await later(0);
    expect(p.history).toEqual(['frame air-en', 'page <main>297 days</main>']);
  });

  it('keeps the frame on a verdict of false: no figure until the app', async () => {
    const p = showPage('');
    p.window.__firstPaint = { ...(p.window.__firstPaint as object), verdict: Promise.resolve(false), page: Promise.resolve(pageFile('<main>297</main>', 'first-paint/overview-zh-0.html')), pagePath: 'first-paint/overview-zh-0.html' };
    p.run();
    await later(200);
    expect(p.history).toEqual(['frame overview-zh']);
  });

  it('never puts in a text without the build’s mark (a server answering a missing file with another page), nor a failed one', async () => {
    for (const page of [Promise.resolve('<!doctype html><html>index</html>'), Promise.resolve(pageFile('<main>297</main>', 'first-paint/other.html')), Promise.resolve(null)]) {
      const p = showPage('?view=air&lang=en');
      p.window.__firstPaint = { ...(p.window.__firstPaint as object), verdict: Promise.resolve(true), page, pagePath: PATH };
      p.run();
      await later(200);
      expect(p.history).toEqual(['frame air-en']);
    }
  });

  it('takes a verdict that comes after it has run', async () => {
    const p = showPage('?view=air&lang=en');
    p.run();
    // No verdict yet (public/preload-data.js has not run): the frame at once.
    expect(p.shown()).toEqual(['frame air-en']);
    p.window.__firstPaint = Object.assign(p.window.__firstPaint as object, { page: Promise.resolve(pageFile('<main>297 days</main>')), pagePath: PATH });
    const reveal = (p.window.__firstPaint as { reveal: (v: unknown) => void }).reveal;
    reveal('true');
    await later(0);
    expect(p.shown()).toEqual(['frame air-en']);
    reveal(true);
    await later(0);
    expect(p.shown()).toEqual(['page <main>297 days</main>']);
  });

  it('never puts the page over the app', async () => {
    const p = showPage('?view=air&lang=en');
    p.run();
    Object.assign(p.window.__firstPaint as object, { page: Promise.resolve(pageFile('<main>297 days</main>')), pagePath: PATH });
    p.appTakesOver();
    (p.window.__firstPaint as { reveal: (v: boolean) => void }).reveal(true);
    await later(0);
    expect(p.shown()).toEqual(['app']);
  });

  it('nothing for a URL without a page from the build', async () => {
    const p = showPage('?view=overview&year=2024');
    p.window.__firstPaint = { ...(p.window.__firstPaint as object), verdict: Promise.resolve(true), page: Promise.resolve(pageFile('<main>297</main>')), pagePath: PATH };
    p.run();
    await later(200);
    expect(p.history).toEqual([]);
    expect(p.attrs['data-snapshot']).toBeUndefined();
    expect(p.removed()).toBe(2);
  });
});

describe('the data asked for before any script runs', () => {
  it('index.json and the reference files, never a yearly file (a link to one year reads only that year)', () => {
    const record = recordOf(published([2023, 2024]));
    const hrefs = [...dataPreloads(record).matchAll(/<link rel="preload" as="fetch" crossorigin href="([^"]+)">/g)].map((m) => m[1]);
    expect(hrefs).toEqual(['./data/index.json', './data/districts.csv', './data/indicators.csv', './data/sources.csv']);
  });
});
