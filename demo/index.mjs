// Public API of the demo: build the incident app and serve it from two real origins.
// Plain ESM with JSDoc so Node, Vitest and Playwright import it without a compile step;
// TypeScript callers get types from index.d.mts.
import { startApiServer } from './api-server.mjs';
import { startAppServer } from './app-server.mjs';
import { buildDemoApp } from './build-app.mjs';

export { buildDemoApp };

/**
 * Builds the app if needed and starts the app origin and the API origin on 127.0.0.1.
 * Port 0 picks a free port.
 * @param {{ host?: string, appPort?: number, apiPort?: number, log?: boolean }} [options]
 * @returns {Promise<import('./index.d.mts').DemoServers>}
 */
export async function startDemo({ host = '127.0.0.1', appPort = 0, apiPort = 0, log = false } = {}) {
  const { outDir } = await buildDemoApp();
  let apiOrigin = '';
  const app = await startAppServer({ host, port: appPort, outDir, apiOrigin: () => apiOrigin, log });
  let api;
  try {
    api = await startApiServer({ host, port: apiPort, appOrigin: app.origin, log });
  } catch (err) {
    await app.close();
    throw err;
  }
  apiOrigin = api.origin;
  const servers = { app, api };
  return {
    appOrigin: app.origin,
    apiOrigin: api.origin,
    url(variant = 'buggy') {
      return `${app.origin}/?variant=${variant}`;
    },
    async close() {
      await Promise.all([servers.api.close(), servers.app.close()]);
    },
  };
}
