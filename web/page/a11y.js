// The screen-reader mirror: the viewer draws on a canvas, which screen readers and the
// browser's find cannot read, so this keeps the page shown as HTML (headings, lists, links)
// in a visually hidden region, rebuilt on every page the viewer shows, and announces each
// new page's title politely. The HTML comes from the viewer's core (page_mirror.hpp), which
// escapes everything that comes from data; its links are the viewer's own "#/..." routes,
// which the viewer follows, and http(s) addresses.
(function () {
  'use strict';

  const region = document.getElementById('page-text');
  const announcer = document.getElementById('page-announce');
  const page = window.disarmPage;
  let scheduled = false;
  let announceTimer = 0;
  let lastTitle = '';

  function rebuild() {
    scheduled = false;
    const viewer = page.module();
    if (!viewer) return;
    // A reader who followed a link in the mirror lands on the new page's heading.
    const focusWasInside = region.contains(document.activeElement);
    region.innerHTML = viewer.ccall('disarm_api_mirror', 'string', [], []);
    for (const a of region.querySelectorAll('a[href^="http"]')) {
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
    }
    const heading = region.querySelector('h1');
    if (heading) heading.tabIndex = -1;
    if (focusWasInside && heading) heading.focus();
  }

  // disarm:shown fires from inside the viewer's own call, and once per key while a search
  // is typed: rebuild once the call has returned, once per burst.
  function schedule() {
    if (scheduled) return;
    scheduled = true;
    setTimeout(rebuild, 0);
  }

  window.addEventListener('disarm:shown', (e) => {
    schedule();
    const title = e.detail && e.detail.title ? e.detail.title : '';
    clearTimeout(announceTimer);
    // Typing a search changes the title at every key: announce only when it settles.
    announceTimer = setTimeout(() => {
      if (title && title !== lastTitle) announcer.textContent = title;
      lastTitle = title;
    }, 500);
  });
  page.ready.then(schedule, () => {});

  // Keys pressed on the mirror's links are theirs (Enter follows one): the viewer, which
  // listens on the whole window, must not act on them too. Registered before it starts, so
  // this runs first.
  for (const type of ['keydown', 'keypress'])
    window.addEventListener(type, (e) => { if (region.contains(e.target)) e.stopImmediatePropagation(); }, true);
})();
