// The analyst's selection on the page: downloads (layer, CSV, Markdown), the print view, the
// layer file picker, and window.disarm's selection methods. The viewer (C++) builds every
// text; this script only hands it to the browser.
(function () {
  'use strict';

  const page = window.disarmPage;
  if (!page) return;

  const running = page.running;

  // A Blob and an <a download>: works offline and from file://, with no server round trip.
  page.config.downloadText = (filename, mime, text) => {
    const url = URL.createObjectURL(new Blob([text], { type: mime + ';charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = filename;
    a.style.display = 'none';
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  };

  // The print document goes into a hidden frame of its own (srcdoc: no URL, no fetch, its
  // styles kept apart from the page's) and is printed from there, so the canvas is not.
  page.config.printDocument = (html) => {
    let frame = document.getElementById('disarm-print');
    if (!frame) {
      frame = document.createElement('iframe');
      frame.id = 'disarm-print';
      frame.title = 'Print view';
      frame.setAttribute('aria-hidden', 'true');
      frame.style.cssText = 'position:fixed;right:0;bottom:0;width:0;height:0;border:0;visibility:hidden';
      document.body.appendChild(frame);
    }
    frame.onload = () => {
      if (!frame.srcdoc) return;
      try {
        frame.contentWindow.focus();
        frame.contentWindow.print();
      } catch (e) {
        console.warn('printing failed: ' + e.message);
      }
      // Keys go back to the viewer once the print dialog closes.
      document.getElementById('canvas').focus();
    };
    frame.srcdoc = html;
  };

  function importLayer(text) {
    return running().ccall('disarm_api_import_layer', 'string', ['string'], [String(text)]);
  }

  page.config.pickLayerFile = () => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.json,application/json';
    input.addEventListener('change', async () => {
      const file = input.files && input.files[0];
      if (file) importLayer(await file.text());
    });
    input.click();
  };

  function exportText(what) {
    return running().ccall('disarm_api_export_text', 'string', ['string'], [String(what)]);
  }

  // Ctrl+P (Cmd+P) prints the page shown through the print view, as its Print button does;
  // where the page has none (the start page, a search), the browser prints the page's text.
  window.addEventListener('keydown', (e) => {
    if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || (e.key !== 'p' && e.key !== 'P')) return;
    const html = page.module() ? exportText('print') : '';
    if (!html) return;
    e.preventDefault();
    e.stopPropagation();
    page.config.printDocument(html);
  }, true);

  Object.assign(window.disarm, {
    // {count, items: [{id, score (null when none), comment}], previous, notice}
    selection() { return page.statePart('selection'); },
    // Reads an ATT&CK Navigator layer into the selection; returns the viewer's message.
    importLayer,
    // "layer", "csv", "markdown", "share_link" or "print" (the page shown, as HTML).
    exportText,
    layerJson() { return exportText('layer'); },
    shareLink() { return exportText('share_link'); },
    printHtml() { return exportText('print'); },
  });
})();
