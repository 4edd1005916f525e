/*
 * The first paint from the build (src/app/snapshot.ts, whose snapshotKey this follows): for a
 * URL that has a page made at build time, puts that page (a file public/preload-data.js fetches
 * with the data) into #root only when public/preload-data.js has found the served data to be the
 * files the build made it from (window.__firstPaint.verdict); until then, or for good if they
 * differ, the page's frame (header, navigation, "loading": no figure; a <template> in
 * index.html), and the app replaces it with the served data: a figure the files no longer hold
 * is never painted. A plain file, not an inline script: the Content Security Policy allows only
 * our own files.
 */
(function () {
  'use strict';
  // public/preload-data.js starts the app, after its data requests. If that file never ran (it
  // failed to load), this does, once every script of the page has loaded or failed.
  var state = window.__firstPaint || (window.__firstPaint = {});
  function startApp() {
    if (state.appStarted) return;
    try {
      var meta = document.querySelector('meta[name="app-entry"]');
      var entry = meta && JSON.parse(meta.getAttribute('content'));
      if (entry && typeof entry.js === 'string') {
        state.appStarted = true;
        var app = document.createElement('script');
        app.type = 'module';
        app.crossOrigin = '';
        app.src = entry.js;
        document.head.appendChild(app);
      }
    } catch {
      // Nothing to start: a page without the build's tags (the development server) has its own script.
    }
  }
  if (typeof window.addEventListener === 'function') window.addEventListener('load', startApp);
  var templates = document.querySelectorAll('template[data-snapshot-frame]');
  var root = document.getElementById('root');
  var html = document.documentElement;
  // Which page the URL may show, as public/preload-data.js found it (that script runs first; if
  // it never ran there is no page to wait for, and the app comes on the load event).
  var key = typeof state.key === 'string' ? state.key : null;
  var frame = null;
  for (var i = 0; i < templates.length; i++) {
    if (key !== null && templates[i].getAttribute('data-snapshot-frame') === key) frame = templates[i].content;
  }
  // The others are not needed again (the chosen one is kept in frame).
  for (var j = templates.length - 1; j >= 0; j--) templates[j].parentNode.removeChild(templates[j]);
  if (!frame || !root || root.firstChild) return;

  function put(content) {
    while (root.firstChild) root.removeChild(root.firstChild);
    root.appendChild(document.importNode(content, true));
    // As the app does (keepCurrentInView in src/app/AppFrame.tsx): on a phone the current view
    // stays in sight. Not for the first view, which is in sight already: measuring would lay the
    // page out at once, before the browser would.
    var nav = root.querySelector('.app-nav');
    var a = nav && nav.querySelector('[aria-current="page"]');
    var first = a && a.parentNode && !a.parentNode.previousElementSibling;
    if (a && !first && nav.scrollWidth > nav.clientWidth) nav.scrollLeft = a.offsetLeft - (nav.clientWidth - a.offsetWidth) / 2;
  }

  html.setAttribute('data-snapshot', key);
  html.lang = key.slice(-3) === '-en' ? 'en' : 'zh-CN';
  var shown = null;
  var settled = false;
  function frameIfWaiting() {
    if (shown !== null || settled) return;
    put(frame);
    shown = root.firstChild;
  }

  // Only a verdict of true shows the figures, only the page file public/preload-data.js was
  // asked to fetch (its text begins with the mark the build wrote, src/prerender/renderSnapshots.tsx
  // pageMark: a server's "not found" page is never put in), and only over our own frame or an
  // empty #root: once the app has rendered (it replaces #root and removes data-snapshot) the page
  // from the build is not wanted.
  function reveal(same) {
    if (same !== true || !state.page || typeof state.page.then !== 'function') return;
    var mark = '<!--first-paint ' + state.pagePath + '-->';
    state.page.then(function (text) {
      if (typeof text !== 'string' || text.slice(0, mark.length) !== mark) return;
      if (root.firstChild !== shown || html.getAttribute('data-snapshot') !== key) return;
      var t = document.createElement('template');
      // The one string made HTML on the site: the build's own page file (rendered by React, every
      // text from the data escaped), from our origin, with the mark the build wrote. A template
      // runs no script.
      // eslint-disable-next-line no-restricted-syntax
      t.innerHTML = text.slice(mark.length);
      settled = true;
      put(t.content);
      shown = root.firstChild;
    });
  }
  state.reveal = reveal;
  if (state.verdict) state.verdict.then(reveal);
  // The frame (no figure) waits a moment for the page: when the data are in by then, the page is
  // laid out and painted once instead of after the frame. Never longer: on a slow line or with
  // replaced files the frame shows while the app loads.
  if (state.verdict && typeof setTimeout === 'function') setTimeout(frameIfWaiting, 150);
  else frameIfWaiting();
})();
