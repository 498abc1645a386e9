// The benchmark's static server on 127.0.0.1: bench/pages first, then www/ (embed.js, pkg/,
// widget.css), the libraries' dist files under /vendor/ and the generated data under /out/.
// Unlike tests/e2e/server.mjs it sends no Content-Security-Policy: ECharts' tooltip writes
// inline style attributes, which a strict policy blocks (with a console error per hover), and
// every page of the comparison must be served alike. Nothing is cached (fresh loads).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** `mounts`: [[url prefix, folder]], first match wins. Resolves to the listening server. */
export function serve(mounts) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    for (const [prefix, folder] of mounts) {
      if (!path.startsWith(prefix)) continue;
      const root = resolve(folder);
      const file = normalize(join(root, path.slice(prefix.length) || 'index.html'));
      if (!file.startsWith(root)) continue;
      try {
        if (!(await stat(file)).isFile()) continue;
        const body = await readFile(file);
        res.writeHead(200, {
          'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
          'cache-control': 'no-store',
        });
        return res.end(body);
      } catch { /* the next mount */ }
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}
