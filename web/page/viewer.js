// Starts the DISARM viewer's wasm on the page, shows load progress and problems in plain
// HTML, and offers window.disarm to tests and to pages that embed the viewer.
//
// The page's other scripts (one per feature, loaded after this one) reach the viewer through
// window.disarmPage: {ready, module(), running() (the module, or an error when not yet
// running), readWithProgress(response, progress), config}. They may add to `config` (the
// Emscripten module's settings) before the wasm starts, and follow the window event
// "disarm:shown" ({route, id, title}; id is the object's on an object page, else null) that
// the viewer fires for every page it shows.
(function () {
  'use strict';

  const canvas = document.getElementById('canvas');
  const loader = document.getElementById('loader');
  const loaderText = document.getElementById('loader-text');
  const loaderBar = document.getElementById('loader-bar');

  let resolveReady, rejectReady;
  const ready = new Promise((resolve, reject) => { resolveReady = resolve; rejectReady = reject; });
  ready.catch(() => {});  // the page shows the problem; no unhandled-rejection noise

  let viewer = null;  // the Emscripten module, once running
  const config = {};   // filled in below; other scripts may add to it before the wasm starts
  // A response's body as bytes, telling `progress` the fraction read so far (null when the
  // size is unknown). Content-Length only guides it: a compressed response's body is longer.
  async function readWithProgress(response, progress) {
    const total = Number(response.headers.get('Content-Length')) || 0;
    if (!response.body || !total) {
      progress(null);
      return new Uint8Array(await response.arrayBuffer());
    }
    const reader = response.body.getReader();
    const parts = [];
    let received = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(value);
      received += value.length;
      progress(Math.min(1, received / total));
    }
    const bytes = new Uint8Array(received);
    let at = 0;
    for (const part of parts) { bytes.set(part, at); at += part.length; }
    return bytes;
  }

  function running() {
    if (!viewer) throw new Error('the viewer is not running yet (await disarm.ready)');
    return viewer;
  }

  // One part of the viewer's state ("route", "links", "selection", "search_box"), without
  // building the whole of state().
  function statePart(name) {
    return JSON.parse(running().ccall('disarm_api_state_part', 'string', ['string'], [name]));
  }

  window.disarmPage = { ready, module: () => viewer, running, config, readWithProgress, statePart };

  function fail(message) {
    loader.style.display = 'none';
    canvas.style.display = 'none';
    document.getElementById('problem-text').textContent = message;
    document.getElementById('problem').style.display = 'block';
    rejectReady(new Error(message));
  }

  window.disarm = {
    ready,
    // The viewer's state: what it shows and where its widgets are, in CSS pixels. For tests;
    // the getters below read one part of it each.
    state() {
      return JSON.parse(running().ccall('disarm_api_state', 'string', [], []));
    },
    // Search without changing the page: [{id, kind, name, score, field, snippet}, ...].
    search(query) {
      return JSON.parse(running().ccall('disarm_api_search', 'string', ['string'], [String(query)]));
    },
    // The links drawn on screen now, in CSS pixels: [{target, external, rect: [x, y, w, h]}].
    links() { return statePart('links'); },
    // The route shown, as in the URL fragment: "#/T0154.002".
    route() { return statePart('route'); },
    // The search box: {text, focused, rect: [x, y, w, h]}.
    searchBox() { return statePart('search_box'); },
    // Shows a route ("#/matrix/red", "T0154.002") with a history entry, as a click would.
    navigate(route) {
      const fragment = String(route).startsWith('#') ? String(route) : '#/' + String(route).replace(/^\/+/, '');
      running();
      history.pushState(null, '', fragment);
      locationChanged();
    },
  };

  function locationChanged() {
    if (!viewer) return;
    const index = history.state && Number.isInteger(history.state.disarmIndex) ? history.state.disarmIndex : -1;
    viewer.ccall('disarm_api_location_changed', null, ['string', 'number'], [location.hash, index]);
  }
  window.addEventListener('popstate', locationChanged);
  window.addEventListener('hashchange', locationChanged);

  if (window.matchMedia)
    window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => {
      if (viewer) viewer.ccall('disarm_api_wake', null, [], []);
    });

  document.addEventListener('paste', (e) => {
    const text = (e.clipboardData || window.clipboardData).getData('text');
    if (text && viewer) viewer.ccall('disarm_api_paste', null, ['string'], [text]);
  });

  // External links open here, in the mouse-up handler itself: a user gesture that popup
  // blockers honour. The viewer says each frame which link is under the mouse.
  let pressedLink = '';
  // This page at another address (an embed's "Open in full viewer"), also from file://.
  const isThisPage = (link) => {
    const here = location.href.split(/[?#]/)[0];
    return link.startsWith(here) && /^([?#]|$)/.test(link.slice(here.length));
  };
  canvas.addEventListener('mousedown', () => { pressedLink = viewer ? viewer.hoveredExternalLink || '' : ''; });
  canvas.addEventListener('mouseup', (e) => {
    const link = viewer ? viewer.hoveredExternalLink || '' : '';
    if (e.button === 0 && link && link === pressedLink && (/^https?:\/\//i.test(link) || isThisPage(link)))
      window.open(link, '_blank', 'noopener,noreferrer');
    pressedLink = '';
  });

  if (typeof WebAssembly !== 'object') {
    fail('This browser cannot run WebAssembly, which the viewer is built on. ' +
         'A current Firefox, Chrome, Edge or Safari can.');
    return;
  }
  if (!document.createElement('canvas').getContext('webgl2')) {
    fail('This browser has WebGL2 turned off or unavailable, and the viewer draws with it. ' +
         'Check that hardware acceleration is enabled, or try another browser.');
    return;
  }

  async function fetchWithProgress(url) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(url + ': HTTP ' + response.status);
    return readWithProgress(response, (fraction) => {
      if (fraction === null)
        loaderBar.removeAttribute('value');
      else
        loaderBar.value = fraction;
    });
  }

  // The offline bundle (disarm bundle) carries the wasm in the page as base64, in a
  // <script type="application/octet-stream" id="disarm-wasm"> block: nothing is fetched.
  async function inlineWasm(block) {
    loaderText.textContent = 'Unpacking…';
    loaderBar.removeAttribute('value');
    await new Promise((resolve) => setTimeout(resolve));  // let the text show first
    const binary = atob(block.textContent.replace(/\s+/g, ''));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; ++i) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

  Object.assign(config, {
    canvas,
    instantiateWasm(imports, receiveInstance) {
      const block = document.getElementById('disarm-wasm');
      (block ? inlineWasm(block) : fetchWithProgress('disarm_viewer.wasm'))
        .then((bytes) => { loaderText.textContent = 'Starting…'; return WebAssembly.instantiate(bytes, imports); })
        .then((result) => receiveInstance(result.instance, result.module))
        .catch((e) => fail('The viewer could not be loaded: ' + e.message));
      return {};  // instantiation is asynchronous
    },
    onViewerReady() {
      loader.style.display = 'none';
      // In an iframe the host page keeps its focus (and its scroll): the reader clicks in.
      if (window.parent === window) canvas.focus();
      resolveReady(window.disarm);
    },
    onViewerError(message) { fail(message); },
    onAbort(what) { fail('The viewer stopped: ' + what); },
    print: (text) => console.log(text),
    printErr: (text) => console.warn(text),
  });

  // The wasm starts once every script of the page has run, so each could add to `config`.
  function startViewer() {
    const start = () => createDisarmViewer(config).then((module) => { viewer = module; },
                                                        (e) => fail('The viewer could not start: ' + e));
    if (typeof createDisarmViewer === 'function') return start();  // inlined by the bundle
    const script = document.createElement('script');
    script.src = 'disarm_viewer.js';
    script.onerror = () => fail('disarm_viewer.js could not be loaded.');
    script.onload = start;
    document.head.appendChild(script);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', startViewer);
  else startViewer();
})();
