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

  let resolveReady, rejectReady;
  const ready = new Promise((resolve, reject) => { resolveReady = resolve; rejectReady = reject; });
  ready.catch(() => {});  // the page shows the problem; no unhandled-rejection noise

  let viewer = null;  // the Emscripten module, once running
  // Where start-up time went on the page's side, in ms: state().startup adds the viewer's own.
  const startup = { scripts_at_ms: performance.now() };
  const since = (t) => performance.now() - t;
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
      const state = JSON.parse(running().ccall('disarm_api_state', 'string', [], []));
      state.startup = Object.assign({}, startup, state.startup);
      return state;
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

  // The wheel wakes the frame loop (GLFW hands the wheel itself to the viewer).
  canvas.addEventListener('wheel', () => { if (viewer) viewer.ccall('disarm_api_wake', null, [], []); },
                          { passive: true });

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
  // Only whether the browser knows WebGL2 at all: making a context to find out would cost as
  // much as the viewer's own (a tenth of a second or more). The viewer reports a context it
  // cannot get (WebGL2 turned off, no GPU) itself.
  if (typeof WebGL2RenderingContext === 'undefined') {
    fail('This browser has no WebGL2, and the viewer draws with it. Try a current Firefox, Chrome, ' +
         'Edge or Safari.');
    return;
  }

  // The wasm compiles while it downloads (streaming), in parallel with the rest of the page;
  // the browser can keep the compiled code with the file.
  // A server that sends the wasm with another content type gets a plain download instead.
  const WASM = 'disarm_viewer.wasm';
  async function compileWasm() {
    const start = performance.now();
    const downloaded = () => {
      const entry = performance.getEntriesByName(new URL(WASM, location.href).href).pop();
      return entry && entry.responseEnd > 0 ? entry.responseEnd : performance.now();
    };
    let module;
    try {
      module = await WebAssembly.compileStreaming(fetch(WASM));
    } catch (e) {
      const response = await fetch(WASM);
      if (!response.ok) throw new Error(WASM + ': HTTP ' + response.status);
      module = await WebAssembly.compile(await response.arrayBuffer());
    }
    const end = performance.now();
    startup.fetch_ms = downloaded() - start;
    startup.compile_ms = end - downloaded();  // what compiling adds once the last byte is in
    return module;
  }

  // The offline bundle (disarm bundle) carries the wasm in the page as base64, in a
  // <script type="application/octet-stream" id="disarm-wasm"> block: nothing is fetched. With
  // data-encoding="gzip" it is gzipped, and the browser's DecompressionStream inflates it.
  async function inlineWasm(block) {
    loaderText.textContent = 'Unpacking…';
    await new Promise((resolve) => setTimeout(resolve));  // let the text show first
    const start = performance.now();
    const binary = atob(block.textContent.replace(/\s+/g, ''));
    let bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; ++i) bytes[i] = binary.charCodeAt(i);
    if (block.dataset.encoding === 'gzip') {
      if (typeof DecompressionStream !== 'function')
        throw new Error('this browser cannot unpack it (it needs DecompressionStream: Chrome or Edge 80, ' +
                        'Firefox 113, Safari 16.4 or later)');
      const inflated = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
      bytes = new Uint8Array(await new Response(inflated).arrayBuffer());
    }
    startup.fetch_ms = since(start);  // here: unpacking
    const compileStart = performance.now();
    const module = await WebAssembly.compile(bytes);
    startup.compile_ms = since(compileStart);
    return module;
  }

  // The downloads start once the loading screen is on screen (the browser's first contentful
  // paint): the page shows at once, before the wasm, the largest file by far, takes the
  // network. A frame or two is all they wait; a tab in the background, which paints nothing,
  // a quarter of a second.
  const painted = new Promise((resolve) => {
    const go = () => setTimeout(resolve);
    setTimeout(resolve, 250);
    const types = (window.PerformanceObserver && PerformanceObserver.supportedEntryTypes) || [];
    if (!types.includes('paint')) return requestAnimationFrame(() => requestAnimationFrame(go));
    new PerformanceObserver((list, observer) => {
      if (!list.getEntries().some((e) => e.name === 'first-contentful-paint')) return;
      observer.disconnect();
      go();
    }).observe({ type: 'paint', buffered: true });
  });
  const block = document.getElementById('disarm-wasm');
  const wasmModule = painted.then(() => (block ? inlineWasm(block) : compileWasm()));
  wasmModule.catch((e) => fail('The viewer could not be loaded: ' + e.message));

  // Emscripten's loader, fetched then too; it runs once every script of the page has run.
  const loaderScript = painted.then(() => new Promise((resolve, reject) => {
    if (typeof createDisarmViewer === 'function') return resolve();  // inlined by the bundle
    const loadStart = performance.now();
    const script = document.createElement('script');
    script.src = 'disarm_viewer.js';
    script.async = true;
    script.onerror = () => reject(new Error('disarm_viewer.js could not be loaded.'));
    script.onload = () => {
      startup.loader_js_ms = since(loadStart);
      resolve();
    };
    document.head.appendChild(script);
  }));

  Object.assign(config, {
    canvas,
    instantiateWasm(imports, receiveInstance) {
      wasmModule
        .then((module) => {
          loaderText.textContent = 'Starting…';
          const start = performance.now();
          return WebAssembly.instantiate(module, imports).then((instance) => {
            startup.instantiate_ms = since(start);
            receiveInstance(instance, module);
          });
        })
        .catch((e) => fail('The viewer could not be loaded: ' + e.message));
      return {};  // instantiation is asynchronous
    },
    onViewerReady() {
      startup.ready_at_ms = performance.now();
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

  // The wasm starts once every script of the page has run, so each could add to `config`:
  // the page's scripts are deferred (or, in the bundle, inline at the end), so that is at
  // DOMContentLoaded.
  function startViewer() {
    loaderScript
      .then(() => createDisarmViewer(config))
      .then((module) => { viewer = module; }, (e) => fail('The viewer could not start: ' + (e.message || e)));
  }
  const deferred = document.currentScript && document.currentScript.defer;
  if (document.readyState === 'loading' || deferred) document.addEventListener('DOMContentLoaded', startViewer);
  else startViewer();
})();
