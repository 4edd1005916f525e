/*
 * Puts the page made at build time for this URL (a <template data-snapshot="view-lang"> in
 * index.html) into #root before the first paint; the app replaces it once it has run (see
 * src/app/snapshot.ts, whose snapshotKey this follows). A plain file, not an inline script:
 * the Content Security Policy allows only our own files.
 */
(function () {
  'use strict';
  var templates = document.querySelectorAll('template[data-snapshot]');
  var root = document.getElementById('root');
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
  for (var i = 0; i < templates.length; i++) {
    var t = templates[i];
    if (key !== null && root && !root.firstChild && t.getAttribute('data-snapshot') === key) {
      root.appendChild(document.importNode(t.content, true));
      document.documentElement.setAttribute('data-snapshot', key);
      document.documentElement.lang = key.slice(-3) === '-en' ? 'en' : 'zh-CN';
      // As the app does (keepCurrentInView in src/app/AppFrame.tsx): on a phone the current view stays in sight.
      var nav = root.querySelector('.app-nav');
      var a = nav && nav.querySelector('[aria-current="page"]');
      if (a && nav.scrollWidth > nav.clientWidth) nav.scrollLeft = a.offsetLeft - (nav.clientWidth - a.offsetWidth) / 2;
    }
  }
  // The others are not needed again.
  for (var j = templates.length - 1; j >= 0; j--) templates[j].parentNode.removeChild(templates[j]);
})();
