/*
 * Starts fetching the published data while the app's code downloads (index.html loads this
 * before the app). src/data/fetchData.ts takes these responses instead of asking again.
 * A plain file, no inline script: the Content Security Policy allows only our own files.
 */
(function () {
  'use strict';
  if (typeof fetch !== 'function') return;
  var base = 'data/';
  var store = (window.__dataPrefetch = {});
  function get(path) {
    var url = base + path;
    var p = fetch(url, { cache: 'no-cache' });
    // Unused or failed, it must not be an unhandled rejection; the app asks again on failure.
    p.catch(function () {});
    store[url] = p;
    return p;
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
  get('districts.csv');
  get('indicators.csv');
  get('sources.csv');
  // The app takes index.json from here only once the yearly requests below are made, so it
  // never asks for a year a second time because it read the list first.
  var index = get('index.json');
  store[base + 'index.json'] = index.then(function (res) {
    if (!res.ok) return res;
    return res
      .clone()
      .json()
      .then(function (json) {
        var years = json && Array.isArray(json.years) ? json.years : [];
        years.forEach(function (y) {
          if (typeof y !== 'number' || y % 1 !== 0) return;
          if (plan && (y < plan.from || y > plan.to)) return;
          get('observations/' + y + '.csv');
        });
        return res;
      })
      .catch(function () {
        return res;
      });
  });
  store[base + 'index.json'].catch(function () {});
})();
