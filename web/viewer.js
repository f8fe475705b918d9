// Starts the DISARM viewer's wasm on the page, shows load progress and problems in plain
// HTML, and offers window.disarm to tests and to pages that embed the viewer.
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

  function fail(message) {
    loader.style.display = 'none';
    canvas.style.display = 'none';
    document.getElementById('problem-text').textContent = message;
    document.getElementById('problem').style.display = 'block';
    rejectReady(new Error(message));
  }

  window.disarm = {
    ready,
    // The viewer's state: what it shows and where its widgets are, in CSS pixels.
    state() {
      if (!viewer) throw new Error('the viewer is not running yet (await disarm.ready)');
      return JSON.parse(viewer.ccall('disarm_api_state', 'string', [], []));
    },
  };

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
    const total = Number(response.headers.get('Content-Length')) || 0;
    if (!response.body || !total) {
      loaderBar.removeAttribute('value');
      return response.arrayBuffer();
    }
    const reader = response.body.getReader();
    const bytes = new Uint8Array(total);
    let received = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (received + value.length > bytes.length) throw new Error(url + ': longer than its Content-Length');
      bytes.set(value, received);
      received += value.length;
      loaderBar.value = received / total;
    }
    return bytes.subarray(0, received);
  }

  const config = {
    canvas,
    instantiateWasm(imports, receiveInstance) {
      fetchWithProgress('disarm_viewer.wasm')
        .then((bytes) => { loaderText.textContent = 'Starting…'; return WebAssembly.instantiate(bytes, imports); })
        .then((result) => receiveInstance(result.instance, result.module))
        .catch((e) => fail('The viewer could not be loaded: ' + e.message));
      return {};  // instantiation is asynchronous
    },
    onViewerReady() {
      loader.style.display = 'none';
      canvas.focus();
      resolveReady(window.disarm);
    },
    onViewerError(message) { fail(message); },
    onAbort(what) { fail('The viewer stopped: ' + what); },
    print: (text) => console.log(text),
    printErr: (text) => console.warn(text),
  };

  const script = document.createElement('script');
  script.src = 'disarm_viewer.js';
  script.onerror = () => fail('disarm_viewer.js could not be loaded.');
  script.onload = () => {
    createDisarmViewer(config).then((module) => { viewer = module; },
                                     (e) => fail('The viewer could not start: ' + e));
  };
  document.head.appendChild(script);
})();
