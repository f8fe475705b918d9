// Host pages for the embed tests and benchmark: a course page that puts the viewer in an
// iframe and talks to it by postMessage, served from origins of its own (loopback servers on
// other ports), and from the viewer's own origin.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../../scripts/static_server.mjs';

// The host page records every message it hears in window.received, with its origin.
export const HOST_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A course page</title><link rel="icon" href="data:,">
<style>body { margin: 0; padding: 20px; font: 15px/1.4 sans-serif; background: #eef; } iframe { border: 0; display: block; }</style>
</head><body>
<p>Lesson 3: synthetic media. The technique below is live:</p>
<script>
window.received = [];
window.addEventListener('message', (e) => window.received.push({ origin: e.origin, data: e.data, at: performance.now() }));
window.embed = (src, width, height) => {
  const frame = document.createElement('iframe');
  frame.id = 'embed';
  frame.title = 'DISARM framework viewer';
  frame.width = width;
  frame.height = height;
  window.createdAt = performance.now();
  frame.src = src;
  document.body.appendChild(frame);
};
window.send = (message, origin) => document.getElementById('embed').contentWindow.postMessage(message, origin);
</script>
</body></html>
`;

// Serves `viewerDir` with host.html beside it (the same-origin host), and two more origins
// that serve only host.html. Returns {viewer, host, foreign: {url, origin}, close()}.
export async function startHosts(viewerDir) {
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'disarm-embed-'));
  const same = path.join(temp, 'viewer');
  fs.mkdirSync(same);
  for (const name of fs.readdirSync(viewerDir)) fs.symlinkSync(path.resolve(viewerDir, name), path.join(same, name));
  fs.writeFileSync(path.join(same, 'host.html'), HOST_HTML);
  const other = path.join(temp, 'host');
  fs.mkdirSync(other);
  fs.writeFileSync(path.join(other, 'host.html'), HOST_HTML);

  const servers = [await startServer(same, 0), await startServer(other, 0), await startServer(other, 0)];
  const site = (s) => ({ url: s.url, origin: new URL(s.url).origin });
  return {
    viewer: site(servers[0]),
    host: site(servers[1]),
    foreign: site(servers[2]),
    async close() {
      for (const s of servers) await s.close();
      fs.rmSync(temp, { recursive: true, force: true });
    },
  };
}
