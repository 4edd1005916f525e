/*
 * The first paint from the build (src/app/snapshot.ts, whose snapshotKey this follows): for a
 * URL that has a page made at build time, puts that page's frame (header, navigation,
 * "loading": no figure) into #root at once, and the page itself only when
 * public/preload-data.js has found the served data to be the files the build made it from
 * (window.__firstPaint.verdict). Otherwise the frame stays until the app replaces it with the
 * served data: a figure the files no longer hold is never painted. A plain file, not an inline
 * script: the Content Security Policy allows only our own files.
 */
(function () {
  'use strict';
  var templates = document.querySelectorAll('template[data-snapshot], template[data-snapshot-frame]');
  var root = document.getElementById('root');
  var html = document.documentElement;
  var key = null;
  try {
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
    if (ok) key = view + '-' + lang;
  } catch {
    key = null;
  }
  var page = null;
  var frame = null;
  for (var i = 0; i < templates.length; i++) {
    var t = templates[i];
    if (key !== null && t.getAttribute('data-snapshot') === key) page = t.content;
    if (key !== null && t.getAttribute('data-snapshot-frame') === key) frame = t.content;
  }
  // The others are not needed again (the chosen ones are kept in page and frame).
  for (var j = templates.length - 1; j >= 0; j--) templates[j].parentNode.removeChild(templates[j]);
  if (!page || !frame || !root || root.firstChild) return;

  function put(content) {
    while (root.firstChild) root.removeChild(root.firstChild);
    root.appendChild(document.importNode(content, true));
    // As the app does (keepCurrentInView in src/app/AppFrame.tsx): on a phone the current view stays in sight.
    var nav = root.querySelector('.app-nav');
    var a = nav && nav.querySelector('[aria-current="page"]');
    if (a && nav.scrollWidth > nav.clientWidth) nav.scrollLeft = a.offsetLeft - (nav.clientWidth - a.offsetWidth) / 2;
  }

  put(frame);
  var shown = root.firstChild;
  html.setAttribute('data-snapshot', key);
  html.lang = key.slice(-3) === '-en' ? 'en' : 'zh-CN';

  // Only a verdict of true shows the figures, and only over our own frame: once the app has
  // rendered (it replaces #root and removes data-snapshot) the page from the build is not wanted.
  function reveal(same) {
    if (same !== true || root.firstChild !== shown || html.getAttribute('data-snapshot') !== key) return;
    put(page);
  }
  var firstPaint = window.__firstPaint || (window.__firstPaint = {});
  firstPaint.reveal = reveal;
  if (firstPaint.verdict) firstPaint.verdict.then(reveal);
})();
