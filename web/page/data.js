// Other data than the built-in: ?data=URL, a file dropped on the page, the About page's
// "Open file…" button, and window.disarm.load(text, name). The viewer decides what a file is
// and opens it (ViewerApp::open_file); this script brings the bytes and tells the user, in a
// banner over the canvas, what is loading and what went wrong, while the data shown stays.
(function () {
  'use strict';

  const page = window.disarmPage;
  if (!page) return;
  const dark = window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches;

  // --- The banner: one message at a time; errors stay until dismissed. -----------------
  // Styles are set through the DOM, which a Content-Security-Policy without
  // 'unsafe-inline' styles still allows.
  const banner = document.createElement('div');
  banner.id = 'data-banner';
  Object.assign(banner.style, {
    // At the bottom, above the data credit: over the top it would hide the page's title.
    display: 'none', position: 'fixed', zIndex: '20', bottom: '40px', left: '50%', transform: 'translateX(-50%)',
    width: 'min(760px, calc(100vw - 24px))', boxSizing: 'border-box', padding: '10px 12px 10px 16px',
    borderRadius: '6px', boxShadow: '0 2px 10px rgba(0,0,0,.25)', font: '15px/1.45 system-ui, sans-serif',
    alignItems: 'flex-start', gap: '12px',
  });
  const bannerText = document.createElement('div');
  Object.assign(bannerText.style, { flex: '1', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', userSelect: 'text' });
  const dismiss = document.createElement('button');
  dismiss.type = 'button';
  dismiss.textContent = 'Dismiss';
  dismiss.addEventListener('click', () => hideBanner());
  banner.append(bannerText, dismiss);

  let notice = null;  // {kind: 'loading' | 'error' | 'info' | 'done', text}
  let hideTimer = 0;
  const COLOURS = {
    error: dark ? ['#4a1f1c', '#ffd9d4', '#e0665a'] : ['#fdecea', '#5c1410', '#b3261e'],
    info: dark ? ['#3d3518', '#fbeec1', '#c9a227'] : ['#fff6d6', '#4a3b00', '#b08900'],
    loading: dark ? ['#1d2b3d', '#d6e6ff', '#5b8fd6'] : ['#e8f0fc', '#0f2d57', '#2f6fcb'],
    done: dark ? ['#1c3326', '#d3f2df', '#4fa872'] : ['#e7f5ec', '#123d23', '#2b8a4e'],
  };

  function showBanner(kind, text) {
    notice = { kind, text };
    clearTimeout(hideTimer);
    const [bg, fg, edge] = COLOURS[kind];
    Object.assign(banner.style, { display: 'flex', background: bg, color: fg, borderLeft: '5px solid ' + edge });
    // An error interrupts a screen reader; the rest waits its turn.
    banner.setAttribute('role', kind === 'error' ? 'alert' : 'status');
    bannerText.textContent = text;
    dismiss.style.display = kind === 'loading' ? 'none' : '';
    if (!banner.isConnected) document.body.appendChild(banner);
    if (kind === 'done') hideTimer = setTimeout(hideBanner, 8000);
  }

  function hideBanner() {
    clearTimeout(hideTimer);
    banner.style.display = 'none';
    notice = null;
    const canvas = document.getElementById('canvas');
    if (canvas && document.activeElement === dismiss) canvas.focus();
  }

  // --- Opening bytes in the viewer ---------------------------------------------------
  // The viewer's limit on a file's size (core's kMaxDataFileBytes), once it runs.
  function sizeLimit() {
    return page.running().ccall('disarm_api_data_size_limit', 'number', [], []);
  }

  // The bytes go into wasm memory as they are: a many-megabyte string through ccall would be
  // copied onto the stack, and invalid UTF-8 is the parser's to report, with its place. A
  // file over the limit is not copied at all: the viewer refuses it by its size, which is
  // `size` when the bytes were never read.
  function openBytes(bytes, name, size = bytes.length) {
    const m = page.running();
    const copied = size <= sizeLimit() ? bytes : new Uint8Array(0);
    const nameSize = m.lengthBytesUTF8(name) + 1;
    const namePtr = m._malloc(nameSize);
    const textPtr = m._malloc(Math.max(1, copied.length));
    try {
      m.stringToUTF8(name, namePtr, nameSize);
      m.HEAPU8.set(copied, textPtr);  // HEAPU8 read after _malloc, which may grow memory
      return JSON.parse(m.ccall('disarm_api_open_data', 'string', ['number', 'number', 'number'],
                                [namePtr, copied.length ? textPtr : 0, size]));
    } finally {
      m._free(textPtr);
      m._free(namePtr);
    }
  }

  function toBytes(data) {
    if (data instanceof Uint8Array) return data;
    if (data instanceof ArrayBuffer) return new Uint8Array(data);
    return new TextEncoder().encode(String(data));
  }

  // Opens data once the viewer runs, and says what happened. Resolves to the viewer's answer
  // {ok, type, message, location, ms} with total_ms, the time from here to the data shown.
  async function open(data, name, started = performance.now()) {
    await page.ready;
    const loaded = await data;
    const result = loaded && loaded.tooLarge !== undefined ? openBytes(new Uint8Array(0), name, loaded.tooLarge)
                                                          : openBytes(toBytes(loaded), name);
    result.total_ms = performance.now() - started;
    showBanner(result.ok ? 'done' : 'error', result.message);
    return result;
  }

  function openFile(file) {
    if (!file) return;
    ++opens;
    const started = performance.now();
    showBanner('loading', 'Opening ' + file.name + '…');
    const done = open(file.arrayBuffer(), file.name, started);
    done.catch((e) => showBanner('error', file.name + ' could not be read: ' + e.message +
                                           '. The data shown is unchanged.'));
    return done;
  }

  // --- ?data=URL ---------------------------------------------------------------------
  async function fetchData(url) {
    let response;
    try {
      response = await fetch(url);
    } catch (e) {
      throw new Error('the request failed before any answer: the network is down, the server does not allow ' +
                      'this page to read it (CORS), or the page\u2019s security policy blocks it');
    }
    if (!response.ok)
      throw new Error('the server answered HTTP ' + response.status + (response.statusText ? ' ' + response.statusText : ''));
    // A file the viewer would refuse is not downloaded: its declared size is enough.
    const declared = Number(response.headers.get('Content-Length')) || 0;
    await page.ready;
    if (declared > sizeLimit()) {
      if (response.body) response.body.cancel().catch(() => {});
      return { tooLarge: declared };
    }
    return page.readWithProgress(response, (fraction) => {
      if (fraction !== null) showBanner('loading', 'Loading data from ' + url + '… ' + Math.round(fraction * 100) + '%');
    });
  }

  let opens = 0;  // files opened so far: one dropped while ?data= loads wins over it

  async function openUrl(url) {
    const started = performance.now();
    const mine = opens;
    showBanner('loading', 'Loading data from ' + url + '…');
    let bytes;
    try {
      bytes = await fetchData(url);
      if (opens !== mine) return { ok: false, type: 'unknown', message: 'another file was opened first', location: '', ms: 0 };
    } catch (e) {
      showBanner('error', 'The data at ' + url + ' could not be loaded: ' + e.message +
                          '. The built-in data is shown instead.');
      return { ok: false, type: 'unknown', message: notice.text, location: '', ms: 0 };
    }
    const result = await open(bytes, url, started);
    if (!result.ok && result.type !== 'navigator-layer') showBanner('error', result.message.replace(
        /The data shown is unchanged\.$/, 'The built-in data is shown instead.'));
    return result;
  }

  const wanted = new URLSearchParams(location.search).get('data');
  let fromUrl = null;
  if (wanted) {
    let url = wanted;
    try { url = new URL(wanted, location.href).href; } catch (e) { /* fetch reports it */ }
    fromUrl = openUrl(url);
    fromUrl.catch(() => {});  // the viewer did not start: viewer.js shows why
  }

  // --- Drag and drop -----------------------------------------------------------------
  const overlay = document.createElement('div');
  overlay.id = 'drop-target';
  overlay.setAttribute('aria-hidden', 'true');
  overlay.textContent = 'Drop a DISARM snapshot or STIX 2.1 bundle to open it';
  Object.assign(overlay.style, {
    display: 'none', position: 'fixed', inset: '12px', zIndex: '30', pointerEvents: 'none',
    alignItems: 'center', justifyContent: 'center', textAlign: 'center', padding: '24px',
    border: '3px dashed ' + (dark ? '#82b4ff' : '#145abe'), borderRadius: '12px',
    background: dark ? 'rgba(28,31,36,.88)' : 'rgba(250,250,247,.9)', color: dark ? '#e6e6e6' : '#1d1f23',
    font: '600 22px/1.4 system-ui, sans-serif',
  });
  document.body.appendChild(overlay);

  let lastDrop = null;
  const carriesFiles = (e) => e.dataTransfer && Array.from(e.dataTransfer.types || []).includes('Files');
  let depth = 0;  // dragenter and dragleave fire for every element crossed
  window.addEventListener('dragenter', (e) => {
    if (!carriesFiles(e)) return;
    e.preventDefault();
    if (depth++ === 0) overlay.style.display = 'flex';
  });
  window.addEventListener('dragover', (e) => {
    if (!carriesFiles(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  });
  window.addEventListener('dragleave', (e) => {
    if (!carriesFiles(e)) return;
    if (--depth <= 0) { depth = 0; overlay.style.display = 'none'; }
  });
  window.addEventListener('drop', (e) => {
    if (!carriesFiles(e)) return;
    e.preventDefault();  // or the browser navigates away to the file
    depth = 0;
    overlay.style.display = 'none';
    const files = e.dataTransfer.files;
    if (files.length > 1) showBanner('info', 'Drop one file at a time; opening ' + files[0].name + '.');
    lastDrop = openFile(files[0]);
  });

  // --- "Open file…" ------------------------------------------------------------------
  const picker = document.createElement('input');
  picker.type = 'file';
  picker.accept = '.json,application/json';
  picker.hidden = true;
  picker.addEventListener('change', () => {
    lastDrop = openFile(picker.files[0]);
    picker.value = '';  // the same file chosen again is opened again
  });
  document.body.appendChild(picker);
  page.config.onChooseDataFile = () => picker.click();
  // Ctrl+O (Cmd+O) from anywhere, in place of the browser's own "open a page": the viewer's
  // content is not all reachable with Tab, and a shortcut is quicker than the About page.
  window.addEventListener('keydown', (e) => {
    if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'o') {
      e.preventDefault();
      picker.click();
    }
  });

  // --- window.disarm -----------------------------------------------------------------
  Object.assign(window.disarm, {
    // Opens a snapshot or STIX bundle (text, ArrayBuffer or Uint8Array) in place of the data
    // shown; resolves to {ok, type, message, location, ms, total_ms}.
    load(data, name = 'loaded data') { ++opens; return open(data, String(name)); },
    // The banner's message: {kind: 'loading' | 'error' | 'info' | 'done', text}, or null.
    dataNotice() { return notice && { ...notice }; },
    // Settles when ?data=URL and the last dropped or chosen file are opened (or failed).
    dataSettled() { return Promise.all([fromUrl, lastDrop].map((p) => p && p.catch(() => null))); },
  });
})();
