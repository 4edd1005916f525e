import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { createServer, defineConfig, type Plugin } from 'vite';
import { appEntryMeta, EARLY_ENTRY, stylesAfter, takeAppEntry, viewCode, viewCodeMeta, withEarlyEntry, type Manifest } from './src/prerender/codeHints';

const DATA = resolve(import.meta.dirname, 'data');

/** The years the site can load: one observations/YYYY.csv each. */
function indexJson(): string {
  const dir = join(DATA, 'observations');
  const years = existsSync(dir)
    ? readdirSync(dir)
        .map((n) => /^(\d{4})\.csv$/.exec(n)?.[1])
        .filter((y): y is string => y !== undefined)
        .map(Number)
        .sort((a, b) => a - b)
    : [];
  return JSON.stringify({ years }) + '\n';
}

/**
 * data/ is fetched at run time (DESIGN.md): served as /data/ in development, copied beside
 * the built site, so a corrected CSV is published by replacing the file on the server.
 */
export function dataFolder(): Plugin {
  let outDir = 'dist';
  let building = false;
  return {
    name: 'data-folder',
    configResolved(c) {
      outDir = resolve(c.root, c.build.outDir);
      building = c.command === 'build';
    },
    configureServer(server) {
      server.middlewares.use('/data/', (req, res, next) => {
        const path = decodeURIComponent((req.url ?? '/').split('?')[0]!);
        if (path === '/index.json') {
          res.setHeader('Content-Type', 'application/json; charset=utf-8');
          res.end(indexJson());
          return;
        }
        const file = join(DATA, path);
        if (!file.startsWith(DATA) || !/\.csv$/.test(file) || !existsSync(file) || !statSync(file).isFile()) {
          next();
          return;
        }
        res.setHeader('Content-Type', 'text/csv; charset=utf-8');
        res.setHeader('Cache-Control', 'no-cache');
        res.end(readFileSync(file));
      });
    },
    closeBundle() {
      // The development server calls this hook too when it stops: copying then would undo a
      // hand edit in dist/data. Only a build publishes data/.
      if (!building) return;
      const target = join(outDir, 'data');
      mkdirSync(join(target, 'observations'), { recursive: true });
      for (const f of ['districts.csv', 'indicators.csv', 'sources.csv']) cpSync(join(DATA, f), join(target, f));
      cpSync(join(DATA, 'observations'), join(target, 'observations'), {
        recursive: true,
        filter: (src) => statSync(src).isDirectory() || /\d{4}\.csv$/.test(src),
      });
      // Written fresh so the build never ships a stale list of years.
      writeFileSync(join(target, 'index.json'), indexJson());
    },
  };
}

/** The data files as the site fetches them: reference files, then one per year. */
function dataFiles(): { path: string; bytes: Uint8Array }[] {
  const years = (JSON.parse(indexJson()) as { years: number[] }).years.map((y) => `observations/${y}.csv`);
  return ['districts.csv', 'indicators.csv', 'sources.csv', ...years].map((path) => ({ path, bytes: new Uint8Array(readFileSync(join(DATA, path))) }));
}

/**
 * The first paint without waiting for the app's code: the overview and the citizen pages are
 * rendered at build time, by the app's own components on the data being published, into
 * index.html as <template>s, with a fingerprint of each data file they were made from;
 * public/show-snapshot.js shows the one the URL names only once public/preload-data.js has
 * found the served files identical (see src/app/snapshot.ts). A CSV replaced on the server
 * without a rebuild is never shown old: the page then waits for the app.
 */
function prerenderSnapshots(): Plugin {
  let outDir = 'dist';
  let root = '.';
  return {
    name: 'prerender-snapshots',
    apply: 'build',
    configResolved(c) {
      outDir = resolve(c.root, c.build.outDir);
      root = c.root;
    },
    async closeBundle() {
      const server = await createServer({
        root,
        configFile: false,
        logLevel: 'error',
        appType: 'custom',
        plugins: [react()],
        server: { middlewareMode: true, hmr: false, ws: false },
        optimizeDeps: { noDiscovery: true, include: [] },
      });
      try {
        const mod = (await server.ssrLoadModule('/src/prerender/renderSnapshots.tsx')) as typeof import('./src/prerender/renderSnapshots');
        const { head, preloads, body, pages } = mod.renderFirstPaint(dataFiles());
        for (const page of pages) {
          mkdirSync(dirname(join(outDir, page.path)), { recursive: true });
          writeFileSync(join(outDir, page.path), page.text);
        }
        const file = join(outDir, 'index.html');
        const html = readFileSync(file, 'utf8');
        const marker = '<div id="root"></div>';
        const loader = /<script src="[^"]*preload-data\.js"><\/script>/.exec(html)?.[0];
        if (!html.includes(marker) || !loader) throw new Error(`prerender: ${marker} or the preload-data.js script not found in index.html`);
        const manifest = JSON.parse(readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
        // The app's <script> and its preloads come out: public/preload-data.js starts them after
        // the data requests, so that on a slow line the data are not queued behind the code.
        const { html: withoutApp, entry } = takeAppEntry(stylesAfter(html, loader, preloads));
        // What public/preload-data.js reads goes just before it: it runs before the rest of <head> is parsed.
        const metas = [head, viewCodeMeta(viewCode(manifest)), appEntryMeta(withEarlyEntry(entry, manifest))].join('\n    ');
        // Functions, not strings: a `$&` in the data must stay text.
        writeFileSync(file, withoutApp.replace(loader, () => `${metas}\n    ${loader}`).replace(marker, () => `${marker}\n    ${body}`));
      } finally {
        await server.close();
      }
    },
  };
}

/**
 * Content Security Policy: only our own scripts and styles, no eval, no third-party requests.
 * No 'unsafe-inline' for styles either: React style props and ECharts set styles through the
 * CSSOM, which the policy allows; only style attributes in markup (e.g. ECharts' default tooltip
 * markers) would need it, and the hostile-data test fails on any violation.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

/**
 * The headers a web server should send with the site (docs/trust.md lists them): the policy,
 * with frame-ancestors, which only a header can carry (no other site may frame this one), no
 * guessing of content types, and no full address sent to other sites.
 */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': `${CSP}; frame-ancestors 'none'`,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
};

/** The policy as a <meta> in the built index.html only: the dev server needs inline scripts for hot reload. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    // Right after the charset, before any script or stylesheet it must govern.
    transformIndexHtml: (html) =>
      html.replace(/(<meta charset[^>]*>)/i, `$1\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`),
  };
}

export default defineConfig({
  base: './',
  plugins: [react(), dataFolder(), contentSecurityPolicy(), prerenderSnapshots()],
  // The manifest lets `npm run budget` follow each view's chunks.
  // ECharts' core is one ~600 KB chunk (195 KB gzip), loaded lazily; `npm run budget` guards sizes, not this warning.
  build: {
    target: 'es2022',
    sourcemap: false,
    manifest: true,
    chunkSizeWarningLimit: 800,
    // src/early.ts: a second entry, which public/preload-data.js imports to load the data before the app's code arrives.
    rolldownOptions: {
      input: { index: resolve(import.meta.dirname, 'index.html'), early: resolve(import.meta.dirname, EARLY_ENTRY) },
      // The loader and everything it imports in one file: shared by two entries, it would
      // otherwise come as several files of a few hundred bytes, each a request on a slow line.
      output: { codeSplitting: { groups: [{ name: 'earlyLoad', test: /src[\\/]app[\\/]earlyLoad\.ts$/ }] } },
    },
  },
  server: { port: 5173 },
  preview: { port: 4173, headers: SECURITY_HEADERS },
});
