import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const DATA = resolve(__dirname, 'data');

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
function dataFolder(): Plugin {
  let outDir = 'dist';
  return {
    name: 'data-folder',
    configResolved(c) {
      outDir = resolve(c.root, c.build.outDir);
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

export default defineConfig({
  base: './',
  plugins: [react(), dataFolder()],
  build: { target: 'es2022', sourcemap: false },
  server: { port: 5173 },
  preview: { port: 4173 },
});
