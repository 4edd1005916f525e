/*
 * Starts fetching the published data while the app's code downloads (index.html loads this
 * before the app). src/data/fetchData.ts takes these responses instead of asking again.
 * When the build recorded the data its first paint was made from (<meta name="first-paint-data">,
 * src/prerender/firstPaint.ts), it also tells public/show-snapshot.js whether the files served
 * are those very files (window.__firstPaint.verdict): same years in index.json, same
 * fingerprint for every file. Only then may that first paint show its figures.
 * A plain file, no inline script: the Content Security Policy allows only our own files.
 */
(function () {
  'use strict';
  if (typeof fetch !== 'function') return;
  var base = 'data/';
  var store = (window.__dataPrefetch = {});
  var firstPaint = window.__firstPaint || (window.__firstPaint = {});

  /* Length and a 64-bit hash of the bytes: src/data/fingerprint.ts, line for line. */
  function fingerprint(bytes) {
    var h1 = 0xdeadbeef;
    var h2 = 0x41c6ce57;
    for (var i = 0; i < bytes.length; i++) {
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
    var p = fetch(url, { cache: 'no-cache' });
    // Unused or failed, it must not be an unhandled rejection; the app asks again on failure.
    p.catch(function () {});
    store[url] = p;
    asked[path] = true;
    if (record && Object.prototype.hasOwnProperty.call(record.files, path)) {
      var expected = record.files[path];
      // Attached before the app can take the response, so the copy is made before its body is read.
      checks.push(
        p.then(function (res) {
          if (!res.ok) return false;
          return res
            .clone()
            .arrayBuffer()
            .then(function (buf) {
              return fingerprint(new Uint8Array(buf)) === expected;
            });
        }).catch(function () {
          return false;
        }),
      );
    }
    return p;
  }
  function isYear(y) {
    return typeof y === 'number' && y % 1 === 0;
  }

  // The years this URL's view needs, as src/app/fetchPlan.ts decides: null means every year.
  var plan = null;
  try {
    var q = new URLSearchParams(window.location.search);
    var view = q.get('view');
    var m = /^(\d{4})(?:-(\d{4}))?$/.exec((q.get('year') || '').trim());
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

  get('districts.csv');
  get('indicators.csv');
  get('sources.csv');
  var index = get('index.json');
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
          // Only the years listed: a year the build saw may since have been taken away (a 404 is no use to anyone).
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
})();
