// Embed mode (?embed=1): the viewer inside another page's iframe, driven by postMessage.
//
// The host page may send
//   {type: "disarm:navigate", route: "#/T0086"}   show that page (a route, or a bare ID)
//   {type: "disarm:state"}                        ask which page is shown
// and hears {type: "disarm:shown", route, id, title} each time the shown page changes (the
// first once the viewer is ready) and in answer to "disarm:state". `id` is the object's ID
// on an object page, else null.
//
// Who is obeyed: this page's own origin, plus the origins listed in ?host= (a comma list, as
// "https://course.example"). Everything else, and any message of another shape, is ignored
// without a word. A file:// page has the opaque origin "null", which any sandboxed frame
// shares, so "null" is never trusted. Replies go to the allowed origins only, never "*": the
// frame's parent hears what it shows only if it is one of them.
(function () {
  'use strict';

  const params = new URLSearchParams(location.search);
  if (params.get('embed') !== '1') return;
  const page = window.disarmPage;
  if (!page) return;

  const allowed = new Set();
  if (location.origin !== 'null') allowed.add(location.origin);
  for (const entry of (params.get('host') || '').split(',')) {
    try {
      const url = new URL(entry.trim());
      if ((url.protocol === 'https:' || url.protocol === 'http:') && url.origin !== 'null') allowed.add(url.origin);
    } catch (e) {
      // not an address: not an origin to trust
    }
  }

  // Where to post: the parent's origin when the browser tells it (Chromium and Safari), so a
  // message never goes to an origin that would reject it; otherwise each allowed origin, of
  // which the browser delivers only the one that matches the parent.
  function targets() {
    const ancestors = location.ancestorOrigins;
    if (ancestors && ancestors.length) return allowed.has(ancestors[0]) ? [ancestors[0]] : [];
    return [...allowed];
  }

  function post(window_, origins, message) {
    for (const origin of origins) {
      try {
        window_.postMessage(message, origin);
      } catch (e) {
        // a closed or cross-process window: nothing to tell
      }
    }
  }

  // The page shown, as the viewer last said in its disarm:shown event.
  let shown = null;
  const shownMessage = () => ({ type: 'disarm:shown', route: shown.route, id: shown.id, title: shown.title });

  let started = false;
  page.ready.then(() => {
    started = true;
    if (window.parent !== window && shown) post(window.parent, targets(), shownMessage());
  }, () => {});

  window.addEventListener('disarm:shown', (e) => {
    if (!e.detail) return;
    shown = { route: String(e.detail.route), id: e.detail.id || null, title: String(e.detail.title) };
    // The first page is announced once the viewer is ready (above).
    if (started && window.parent !== window) post(window.parent, targets(), shownMessage());
  });

  window.addEventListener('message', (e) => {
    if (!allowed.has(e.origin)) return;
    const data = e.data;
    if (!data || typeof data !== 'object' || typeof data.type !== 'string') return;
    if (data.type === 'disarm:navigate') {
      const route = data.route;
      if (typeof route !== 'string' || route.length === 0 || route.length > 1000) return;
      page.ready.then(() => window.disarm.navigate(route), () => {});
    } else if (data.type === 'disarm:state') {
      const source = e.source, origin = e.origin;
      if (!source) return;
      page.ready.then(() => { if (shown) post(source, [origin], shownMessage()); }, () => {});
    }
  });
})();
