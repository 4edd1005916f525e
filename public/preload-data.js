/*
 * The first script of the page (index.html, first in <head>, not async: its requests go out
 * before any other). In this order it asks for
 *  1. the published data, which src/data/fetchData.ts then takes instead of asking again;
 *  2. the app's code (the build takes the app's <script> out of index.html and names it in
 *     <meta name="app-entry">, so that the data are not queued behind it on a slow line);
 *  3. the code of the view the URL names (<meta name="view-code">), which the app would
 *     otherwise ask for only once its own code has run;
 * and then it starts the data loader (src/early.ts, named in <meta name="app-entry">), which
 * checks and indexes the data while React is still on its way (src/app/earlyLoad.ts).
 * When the build recorded the data its first paint was made from (<meta name="first-paint-data">,
 * src/prerender/firstPaint.ts), it also tells public/show-snapshot.js whether the files served
 * are those very files (window.__firstPaint.verdict): same years in index.json, same
 * fingerprint for every file. Only then may that first paint show its figures.
 * A plain file, no inline script: the Content Security Policy allows only our own files.
 */
(function () {
  'use strict';
  var firstPaint = window.__firstPaint || (window.__firstPaint = {});
  try {
    firstPaint.key = pageKey();
  } catch {
    firstPaint.key = null;
  }
  try {
    prefetch();
  } catch {
    // The app asks for what it needs itself.
  }
  // Whatever happened above, the app starts, and after it the view's code.
  var entry = appEntry();
  var early = entry && earlyFile(entry);
  startApp();
  preloadViewCode();
  // The data are loaded (checked, indexed) by a small part of the app while the rest is on its
  // way: at once when no page from the build can be shown, else after that page is painted, so
  // that this work does not delay it.
  if (firstPaint.page && firstPaint.verdict) {
    firstPaint.verdict
      .then(function (shown) {
        if (!shown || typeof requestAnimationFrame !== 'function') return loadDataEarly();
        // After the next frame, in which the page is painted.
        requestAnimationFrame(function () {
          setTimeout(loadDataEarly, 0);
        });
      })
      .catch(function () {
        // The app loads the data itself.
      });
  } else {
    loadDataEarly();
  }

  /** <meta name="app-entry">: the app's entry, its static imports and the early data loader. */
  function appEntry() {
    var meta = typeof document !== 'undefined' && document.querySelector ? document.querySelector('meta[name="app-entry"]') : null;
    try {
      var entry = meta ? JSON.parse(meta.getAttribute('content')) : null;
      return entry && typeof entry.js === 'string' ? entry : null;
    } catch {
      return null;
    }
  }

  /** The early data loader's file (src/early.ts), only if it is one of the site's own assets. */
  function earlyFile(e) {
    return typeof e.early === 'string' && /^\.\/assets\/[\w.-]+\.js$/.test(e.early) ? e.early : null;
  }

  /** src/early.ts: importing it starts the load, which the app's first query then takes. */
  function loadDataEarly() {
    if (!early || typeof document === 'undefined' || !document.baseURI) return;
    try {
      import(new URL(early, document.baseURI).href).catch(function () {
        // The app loads the data itself.
      });
    } catch {
      // No dynamic import here: the app loads the data itself.
    }
  }

  /** The app's code, as the build named it (public/show-snapshot.js starts it if this file never ran). */
  function startApp() {
    if (!entry || firstPaint.appStarted || typeof document === 'undefined' || !document.head || !document.createElement) return;
    firstPaint.appStarted = true;
    (Array.isArray(entry.preload) ? entry.preload : []).concat(early ? [early] : []).forEach(function (href) {
      if (typeof href === 'string') addLink('modulepreload', href);
    });
    var script = document.createElement('script');
    script.type = 'module';
    script.crossOrigin = '';
    script.src = entry.js;
    document.head.appendChild(script);
  }

  function addLink(rel, href, as) {
    var link = document.createElement('link');
    link.rel = rel;
    if (as) link.as = as;
    link.crossOrigin = '';
    // Absolute, as Vite's own preloading writes it, so it finds this link and adds no second one.
    link.href = new URL(href, document.baseURI).href;
    document.head.appendChild(link);
  }

  function prefetch() {
    if (typeof fetch !== 'function') return;
    var base = 'data/';
    var store = (window.__dataPrefetch = {});

    /* Length and a 64-bit hash of the bytes: src/data/fingerprint.ts, line for line. */
    function fingerprint(bytes) {
      var h1 = 0xdeadbeef;
      var h2 = 0x41c6ce57;
      var n = bytes.length;
      var whole = n - (n % 4);
      var i = 0;
      for (; i < whole; i += 4) {
        var w = bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24);
        h1 = Math.imul(h1 ^ w, 2654435761);
        h2 = Math.imul(h2 ^ w, 1597334677);
      }
      for (; i < n; i++) {
        var b = bytes[i];
        h1 = Math.imul(h1 ^ b, 2654435761);
        h2 = Math.imul(h2 ^ b, 1597334677);
      }
      h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
      h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
      h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
      h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
      return bytes.length + '-' + hex(h2) + hex(h1);
    }
    function hex(h) {
      var s = (h >>> 0).toString(16);
      return '00000000'.slice(s.length) + s;
    }

    // What the build's first paint was made from, or null (no such page, or a record we cannot read).
    var record = null;
    try {
      var meta = typeof document !== 'undefined' && document.querySelector('meta[name="first-paint-data"]');
      var r = meta ? JSON.parse(meta.getAttribute('content')) : null;
      if (r && Array.isArray(r.years) && r.files && typeof r.files === 'object') record = r;
    } catch {
      record = null;
    }

    var asked = {};
    var checks = [];
    function get(path) {
      var url = base + path;
      // With a record, each answer is read once here (a copy, before the app can take it): to
      // check that it came from the server and to fingerprint it.
      var read = record
        ? fetch(url, { cache: 'no-cache' }).then(function (res) {
            return withBody(res)
              .then(function (got) {
                return fromServer(url, got);
              })
              .catch(function () {
                // Unread, it cannot be vouched for; the app still takes it.
                return { res: res, bytes: null };
              });
          })
        : null;
      var p = read
        ? read.then(function (got) {
            return got.res;
          })
        : fetch(url, { cache: 'no-cache' });
      // Unused or failed, it must not be an unhandled rejection; the app asks again on failure.
      p.catch(function () {});
      store[url] = p;
      asked[path] = true;
      if (read && Object.prototype.hasOwnProperty.call(record.files, path)) {
        var expected = record.files[path];
        checks.push(
          read
            .then(function (got) {
              return got.res.ok && got.bytes !== null && fingerprint(got.bytes) === expected;
            })
            .catch(function () {
              return false;
            }),
        );
      }
      return p;
    }
    function withBody(res) {
      return res
        .clone()
        .arrayBuffer()
        .then(function (buf) {
          return { res: res, bytes: new Uint8Array(buf) };
        });
    }
    /**
     * index.html asks for the build's data files at once (<link rel="preload">, written by the
     * build), and fetch() takes those answers. A preload cannot say "ask the server" as
     * cache: 'no-cache' does: an answer the browser took from its own cache without asking (no
     * bytes came over the network) may be a file since replaced, so it is asked for again.
     */
    function fromServer(url, got) {
      var timing = typeof performance !== 'undefined' && performance.getEntriesByName ? performance.getEntriesByName(new URL(url, document.baseURI).href) : [];
      var last = timing[timing.length - 1];
      // Only a body that came with no bytes over the network was the browser's own copy.
      if (!last || last.transferSize !== 0 || !(last.decodedBodySize > 0)) return got;
      return fetch(url, { cache: 'no-cache' }).then(withBody);
    }
    function isYear(y) {
      return typeof y === 'number' && y % 1 === 0;
    }

    // The years this URL's view needs, as src/app/fetchPlan.ts decides: null means every year.
    var plan = null;
    try {
      var q = new URLSearchParams(window.location.search);
      var view = q.get('view');
      var m = /^([1-9]\d{3})(?:-([1-9]\d{3}))?$/.exec((q.get('year') || '').trim());
      if (m && (view === 'scorecard' || view === 'data')) {
        var a = Number(m[1]);
        var b = m[2] ? Number(m[2]) : a;
        plan = view === 'scorecard' ? { from: Math.max(a, b), to: Math.max(a, b) } : { from: Math.min(a, b), to: Math.max(a, b) };
      }
    } catch {
      plan = null;
    }
    function wanted(y) {
      return isYear(y) && !(plan && (y < plan.from || y > plan.to));
    }
    // Pages made at build time exist only for views that need every year.
    if (plan) record = null;

    // The page first: the data may be on their way already (index.html's preloads).
    if (record) askForPage();
    get('districts.csv');
    get('indicators.csv');
    get('sources.csv');
    var index = get('index.json');
    // The years the build saw are asked for at once, not after index.json: that saves a round
    // trip, and on a slow phone the answer to index.json can wait behind the app's code for the
    // main thread. A year taken away since the build is then asked for in vain; the app never
    // reads it (fetchData.ts takes only the years index.json lists).
    if (record) record.years.forEach(function (y) {
      if (wanted(y)) get('observations/' + y + '.csv');
    });
    // The app takes index.json from here only once the yearly requests below are made, so it
    // never asks for a year a second time because it read the list first.
    var listed = index.then(function (res) {
      if (!res.ok) return null;
      return res
        .clone()
        .json()
        .then(function (json) {
          var years = json && Array.isArray(json.years) ? json.years.filter(isYear) : [];
          years.forEach(function (y) {
            if (wanted(y) && !asked['observations/' + y + '.csv']) get('observations/' + y + '.csv');
          });
          return years;
        })
        .catch(function () {
          return null;
        });
    });
    store[base + 'index.json'] = listed.then(
      function () {
        return index;
      },
      function () {
        return index;
      },
    );
    store[base + 'index.json'].catch(function () {});

    if (!record) return;
    var files = Object.keys(record.files);
    firstPaint.verdict = listed
      .then(function (years) {
        // The same reporting year as the build's day (statuses turn on 1 April), the same years
        // as the build, and every file the build read fingerprinted as it was.
        if (record.calendar !== reportingYear(new Date())) return false;
        if (!years || !sameYears(years, record.years)) return false;
        for (var i = 0; i < files.length; i++) if (!asked[files[i]]) return false;
        return Promise.all(checks).then(function (oks) {
          return oks.length === files.length && oks.every(Boolean);
        });
      })
      .catch(function () {
        return false;
      });
    if (typeof firstPaint.reveal === 'function') firstPaint.verdict.then(firstPaint.reveal);

    // src/model/calendar.ts latestReportDue: the year turns on 1 April, in the reader's own day.
    function reportingYear(d) {
      return d.getMonth() >= 3 ? d.getFullYear() : d.getFullYear() - 1;
    }
    function sameYears(a, b) {
      var x = a.slice().sort(numeric);
      var y = b.slice().sort(numeric);
      if (x.length !== y.length) return false;
      for (var i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
      return true;
    }
    function numeric(a, b) {
      return a - b;
    }
  }

  /**
   * The page from the build this URL may show (window.__firstPaint.key, which
   * public/show-snapshot.js also goes by): only a URL with nothing but a view and a language,
   * each at most once (src/app/snapshot.ts snapshotKey; tests/snapshot.test.ts runs both).
   */
  function pageKey() {
    var view = 'overview';
    var lang = 'zh';
    var seen = {};
    var ok = true;
    new URLSearchParams(window.location.search).forEach(function (v, k) {
      if (seen[k] || (k !== 'view' && k !== 'lang')) ok = false;
      seen[k] = true;
      if (k === 'view') view = v;
      if (k === 'lang') lang = v;
    });
    return ok ? view + '-' + lang : null;
  }

  /** That page, asked for with the data (public/show-snapshot.js puts it in on a verdict of true). */
  function askForPage() {
    var key = firstPaint.key;
    var meta = document.querySelector('meta[name="first-paint-pages"]');
    var pages = meta ? JSON.parse(meta.getAttribute('content')) : null;
    if (!key || !pages || !Object.prototype.hasOwnProperty.call(pages, key)) return;
    var path = pages[key];
    if (typeof path !== 'string' || !/^first-paint\/[\w-]+\.html$/.test(path)) return;
    firstPaint.pagePath = path;
    firstPaint.page = fetch(path, { priority: 'high' })
      .then(function (res) {
        return res.ok ? res.text() : null;
      })
      .catch(function () {
        return null;
      });
  }

  /** The code of the view this URL shows: only fetched and compiled here; the app runs it. */
  function preloadViewCode() {
    if (typeof document === 'undefined' || !document.head || !document.createElement) return;
    try {
      var code = document.querySelector('meta[name="view-code"]');
      var views = code ? JSON.parse(code.getAttribute('content')) : null;
      var shown = new URLSearchParams(window.location.search).get('view');
      var files = views && (Object.prototype.hasOwnProperty.call(views, shown) ? views[shown] : views.overview);
      if (!Array.isArray(files)) return;
      files.forEach(function (f) {
        if (typeof f !== 'string' || !/^assets\/[\w.-]+\.(js|css)$/.test(f)) return;
        if (/\.css$/.test(f)) addLink('preload', f, 'style');
        else addLink('modulepreload', f);
      });
    } catch {
      // No hint: the app asks for its view's code itself.
    }
  }
})();
