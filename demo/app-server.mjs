// The app origin: a plain static server for the built app. Every response is `no-store` so a
// reload re-runs the whole incident, and the page gets the API origin injected at runtime.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

/**
 * The config script, with `<` escaped so no value can close the script element.
 * @param {{ apiOrigin: string }} config
 */
function configScript(config) {
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  return `<script>window.__DEMO_CONFIG__=${json};</script>`;
}

/**
 * Starts the app origin.
 * @param {{ host: string, port: number, outDir: string, apiOrigin: () => string, log: boolean }} options
 *   `apiOrigin` is read per request: the API server starts after this one (it needs our origin for CORS).
 * @returns {Promise<{ origin: string, close(): Promise<void> }>}
 */
export async function startAppServer({ host, port, outDir, apiOrigin, log }) {
  const indexHtml = await readFile(join(outDir, 'index.html'), 'utf8');
  const server = createServer(async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    if (log) console.log(`[app] ${req.method} ${req.url}`);
    res.setHeader('Cache-Control', 'no-store');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    if (pathname.startsWith('/assets/')) {
      const file = normalize(join(outDir, pathname));
      try {
        // `..` segments (decoded from %2f too) must not leave the build's assets folder.
        if (!file.startsWith(join(outDir, 'assets') + sep)) throw new Error('outside assets');
        const body = await readFile(file);
        res.writeHead(200, {
          'Content-Type':
            CONTENT_TYPES[/** @type {keyof CONTENT_TYPES} */ (extname(file))] ?? 'application/octet-stream',
        });
        res.end(req.method === 'HEAD' ? undefined : body);
      } catch {
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      }
      return;
    }
    // Any other path is the single-page app; the inline config runs before the deferred module.
    const html = indexHtml.replace('<head>', `<head>${configScript({ apiOrigin: apiOrigin() })}`);
    res.writeHead(200, { 'Content-Type': CONTENT_TYPES['.html'] });
    res.end(req.method === 'HEAD' ? undefined : html);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(undefined));
  });
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    origin: `http://${host}:${address.port}`,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(() => resolve(undefined)));
    },
  };
}
