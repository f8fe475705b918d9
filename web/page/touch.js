// Touch: the viewer's GLFW (Emscripten 3.1.6) turns a touch into a mouse press at once, so a
// finger dragging to scroll would press whatever it started on and scroll nothing. Here a
// touch that moves is a scroll (wheel events under the finger), and one that does not is a
// tap (a click where it lifted). Registered before the viewer starts, so it runs first.
(function () {
  'use strict';

  const canvas = document.getElementById('canvas');
  const TAP_SLOP = 10;  // CSS pixels a finger may wander and still tap
  // ImGui scrolls five lines of its 16 px text per 100 px of wheel: this keeps the page
  // under the finger.
  const WHEEL_PER_PIXEL = 100 / (5 * 16);
  let start = null;
  let last = null;
  let dragging = false;

  function mouse(type, at) {
    canvas.dispatchEvent(new MouseEvent(type, {
      bubbles: true, cancelable: true, view: window, button: 0, buttons: type === 'mousedown' ? 1 : 0,
      clientX: at.clientX, clientY: at.clientY,
    }));
  }

  function own(e) {
    e.stopImmediatePropagation();
    if (e.cancelable) e.preventDefault();  // no emulated mouse events, no page zoom or pan
  }

  const options = { capture: true, passive: false };
  canvas.addEventListener('touchstart', (e) => {
    own(e);
    if (e.touches.length !== 1) {
      start = null;
      return;
    }
    const t = e.touches[0];
    start = last = { clientX: t.clientX, clientY: t.clientY };
    dragging = false;
    mouse('mousemove', t);  // the wheel scrolls the pane under the finger
  }, options);

  canvas.addEventListener('touchmove', (e) => {
    own(e);
    if (!start || e.touches.length !== 1) return;
    const t = e.touches[0];
    if (!dragging && Math.hypot(t.clientX - start.clientX, t.clientY - start.clientY) < TAP_SLOP) return;
    dragging = true;
    const dx = (last.clientX - t.clientX) * WHEEL_PER_PIXEL;
    const dy = (last.clientY - t.clientY) * WHEEL_PER_PIXEL;
    last = { clientX: t.clientX, clientY: t.clientY };
    canvas.dispatchEvent(new WheelEvent('wheel', {
      bubbles: true, cancelable: true, view: window, deltaMode: 0, deltaX: dx, deltaY: dy,
      clientX: t.clientX, clientY: t.clientY,
    }));
  }, options);

  canvas.addEventListener('touchend', (e) => {
    own(e);
    if (start && !dragging && e.changedTouches.length) {
      const t = { clientX: e.changedTouches[0].clientX, clientY: e.changedTouches[0].clientY };
      mouse('mousemove', t);
      // The click waits for a frame drawn under the finger, so the viewer knows which link is
      // there (an external one opens from the page's mouse-up: see viewer.js).
      requestAnimationFrame(() => requestAnimationFrame(() => {
        mouse('mousedown', t);
        mouse('mouseup', t);
      }));
    }
    start = null;
  }, options);

  canvas.addEventListener('touchcancel', (e) => {
    own(e);
    start = null;
  }, options);
})();
