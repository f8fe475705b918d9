// A small static file server for the built viewer, on loopback only.
// usage: node scripts/static_server.mjs DIR [PORT]    (PORT 0 picks a free one)
// Also imported by the browser tests: startServer(dir, port, host, {cors}) -> {url, close()};
// with cors, any origin may read the files (as a data host for ?data=URL would allow).
//
// It serves as a real host does, so that what we measure is what users get: text and wasm
// compressed (brotli or gzip, as the browser accepts), and an ETag with "no-cache", so a
// browser keeps each file and revalidates it (304) instead of downloading it again; several
// embeds on one page share one download.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.wasm', '.json', '.css', '.svg']);

// Compressed bodies, kept per file version: compressing a 2 MB wasm takes a moment, so it
// happens once, like a host's precompressed files. Brotli at quality 9 compresses nearly as
// well as 11 in a fraction of the time.
const compressed = new Map();
function compress(data, encoding, key) {
  const k = key + encoding;
  if (!compressed.has(k))
    compressed.set(k, new Promise((resolve, reject) => {
      const done = (err, out) => (err ? reject(err) : resolve(out));
      if (encoding === 'br')
        zlib.brotliCompress(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9,
                                              [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length } }, done);
      else
        zlib.gzip(data, { level: 9 }, done);
    }));
  return compressed.get(k);
}

// The encoding to send: brotli when the browser takes it, else gzip, else none.
function pickEncoding(accept = '') {
  const takes = (name) => new RegExp(`(^|[,\\s])${name}(?!;q=0(\\.0*)?(,|$))`, 'i').test(accept);
  if (takes('br')) return 'br';
  if (takes('gzip')) return 'gzip';
  return '';
}

export function startServer(dir, port = 0, host = '127.0.0.1', { cors = false } = {}) {
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    if (cors) res.setHeader('Access-Control-Allow-Origin', '*');
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    } catch {
      res.writeHead(400).end('bad request');
      return;
    }
    if (pathname.endsWith('/')) pathname += 'index.html';
    const file = path.resolve(root, '.' + pathname);
    if (file !== root && !file.startsWith(root + path.sep)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    fs.stat(file, (statErr, stat) => fs.readFile(file, async (err, data) => {
      if (statErr || err) {
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found: ' + pathname);
        return;
      }
      const ext = path.extname(file);
      const encoding = COMPRESSIBLE.has(ext) ? pickEncoding(req.headers['accept-encoding']) : '';
      const version = `${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}`;
      const etag = `"${version}${encoding ? '-' + encoding : ''}"`;
      const headers = {
        'Content-Type': TYPES[ext] || 'application/octet-stream',
        'Cache-Control': 'no-cache',
        ETag: etag,
      };
      if (COMPRESSIBLE.has(ext)) headers.Vary = 'Accept-Encoding';
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, headers).end();
        return;
      }
      let body = data;
      if (encoding) {
        try {
          body = await compress(data, encoding, file + ':' + version + ':');
          headers['Content-Encoding'] = encoding;
        } catch {
          body = data;
        }
      }
      headers['Content-Length'] = body.length;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    }));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      resolve({ url: `http://${host}:${actual}/`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir, port = '8080'] = process.argv.slice(2);
  if (!dir || !fs.existsSync(path.join(dir, 'index.html'))) {
    console.error(`static_server: ${dir || '(no directory)'} has no index.html: build the viewer first`);
    process.exit(2);
  }
  startServer(dir, Number(port)).then(
    ({ url }) => console.log(`DISARM viewer: ${url}  (Ctrl+C to stop)`),
    (e) => {
      console.error(`static_server: cannot listen on 127.0.0.1:${port}: ${e.message}`);
      process.exit(2);
    });
}
