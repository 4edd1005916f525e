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
  get('districts.csv');
  get('indicators.csv');
  get('sources.csv');
  get('index.json')
    .then(function (res) {
      return res.ok ? res.clone().json() : null;
    })
    .then(function (index) {
      var years = index && Array.isArray(index.years) ? index.years : [];
      years.forEach(function (y) {
        if (typeof y === 'number' && y % 1 === 0) get('observations/' + y + '.csv');
      });
    })
    .catch(function () {});
})();
