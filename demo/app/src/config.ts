/**
 * Runtime configuration of the demo app. The app server injects `window.__DEMO_CONFIG__`
 * (the API origin changes with every free port), and the page URL picks the variant.
 */

export type DemoVariant = 'buggy' | 'fixed';

export interface DemoConfig {
  apiOrigin: string;
}

declare global {
  interface Window {
    __DEMO_CONFIG__?: DemoConfig;
  }
}

/** `?variant=fixed` selects the repaired app; anything else reproduces the incident. */
export function readVariant(): DemoVariant {
  return new URLSearchParams(location.search).get('variant') === 'fixed' ? 'fixed' : 'buggy';
}

function apiOrigin(): string {
  const config = window.__DEMO_CONFIG__;
  if (!config) throw new Error('Demo config missing: serve the app with demo/index.mjs');
  return config.apiOrigin;
}

/** Base URL of the REST API: the buggy and fixed CORS policies live under different paths. */
export function apiBase(): string {
  return readVariant() === 'fixed' ? `${apiOrigin()}/fixed/api` : `${apiOrigin()}/api`;
}

/** URL of the widgets WebSocket; the token goes in the query, as browsers cannot set headers. */
export function widgetsSocketUrl(token: string): string {
  const url = new URL('/ws/widgets/', apiOrigin());
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.searchParams.set('token', token);
  return url.toString();
}
