// Real text entry for the search box: while the viewer's (ImGui) search box has focus, an
// <input> lies exactly over it and takes the typing, so phone keyboards, IME composition
// (é, CJK), paste and the system's editing keys all work. Each edit sends the whole text to
// the viewer, which searches as if it had been typed into its own box; Enter and Up/Down
// are passed on, Escape clears, then leaves.
(function () {
  'use strict';

  const input = document.getElementById('search-input');
  const canvas = document.getElementById('canvas');
  const page = window.disarmPage;
  let open = false;
  let rect = null;  // the box, CSS pixels: [x, y, w, h]

  function call(name, value) {
    const viewer = page.module();
    if (viewer) viewer.ccall(name, null, ['string'], [value]);
  }
  const sendText = () => call('disarm_api_search_box_input', input.value);
  const sendKey = (key) => call('disarm_api_search_box_key', key);

  function show(text) {
    if (!rect) return;
    Object.assign(input.style, {
      left: rect[0] + 'px', top: rect[1] + 'px', width: rect[2] + 'px', height: rect[3] + 'px', display: 'block',
    });
    if (!open) {
      input.value = text;
      open = true;
      sendKey('Focus');
    }
    if (document.activeElement !== input) {
      input.focus({ preventScroll: true });
      input.setSelectionRange(input.value.length, input.value.length);
    }
  }

  function hide() {
    if (!open) return;
    open = false;
    const hadFocus = document.activeElement === input;
    input.style.display = 'none';
    if (hadFocus) canvas.focus({ preventScroll: true });
  }

  // The viewer says when its box gains or loses focus (a click, "/", Ctrl+K, Enter) or moves.
  window.addEventListener('disarm:searchbox', (e) => {
    rect = e.detail.rect;
    if (e.detail.focused) show(e.detail.text);
    else hide();
  });

  // A tap or click on the box opens the input at once, within the user's gesture, which
  // phones require before they show their keyboard. After the event, so the canvas has seen
  // the release.
  canvas.addEventListener('pointerup', (e) => {
    if (!rect || e.button !== 0) return;
    const inside = e.clientX >= rect[0] && e.clientX < rect[0] + rect[2] &&
                   e.clientY >= rect[1] && e.clientY < rect[1] + rect[3];
    if (!inside) return;
    setTimeout(() => show(window.disarm.searchBox().text), 0);
  });

  // Composition sends its text when it ends, not each intermediate state.
  input.addEventListener('input', (e) => { if (!e.isComposing) sendText(); });
  input.addEventListener('compositionend', sendText);
  input.addEventListener('blur', (e) => {
    if (!open) return;
    open = false;
    input.style.display = 'none';
    sendKey('Blur');
    // Leaving for nowhere in particular (Tab, Enter, Escape) hands the keys back to the viewer.
    if (!e.relatedTarget) canvas.focus({ preventScroll: true });
  });
  // The page's own paste handler (viewer.js) types into the viewer's box: not for this one.
  input.addEventListener('paste', (e) => e.stopPropagation());
  // A press that opened the input ends over it: the canvas must see the release too.
  input.addEventListener('mouseup', (e) => {
    canvas.dispatchEvent(new MouseEvent('mouseup', {
      bubbles: true, cancelable: true, clientX: e.clientX, clientY: e.clientY, button: e.button, view: window,
    }));
  });

  // Keys typed into the input are the input's: the viewer's GLFW listens on the window (and
  // stops Backspace's default) and would type them into its own box a second time. This
  // listener is registered before the viewer starts, so it runs first. Key releases pass,
  // so the viewer never thinks a key is still held.
  window.addEventListener('keydown', (e) => {
    if (e.target !== input) return;
    e.stopImmediatePropagation();
    if (e.isComposing || e.keyCode === 229) return;
    if (e.key === 'Enter') {
      e.preventDefault();
      sendText();
      sendKey('Enter');
    } else if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      e.preventDefault();
      sendKey(e.key);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      if (input.value) {
        input.value = '';
        sendText();
      } else {
        input.blur();
      }
    } else if (e.key === 'Tab') {
      // Back to the viewer, whose keyboard navigation is still on the box: the next Tab
      // moves on from it.
      e.preventDefault();
      input.blur();
    } else if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
      e.preventDefault();  // the browser's own search would take the focus away
    }
  }, true);
  window.addEventListener('keypress', (e) => { if (e.target === input) e.stopImmediatePropagation(); }, true);
})();
