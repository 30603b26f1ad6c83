/**
 * The conformance configurations: each is one cross-origin request from the page and the
 * server's exact answers to its preflight and actual request. Every family of Chromium's CORS
 * errors is covered, with credentials on and off, wildcards, methods, many headers, redirects,
 * error statuses and the `null` origin.
 */
import type { CorsConfig } from './config-shapes';
import { headers } from './configs-headers';
import { methods, preflights, xhr } from './configs-preflight';
import { credentials, opaque, redirects, simple } from './configs-response';
import { afterPreflight, credentialed, hiddenErrors, mismatches } from './configs-families';

export type { Answer, CorsConfig } from './config-shapes';

export const CONFIGS: CorsConfig[] = [
  ...simple,
  ...credentials,
  ...methods,
  ...headers,
  ...preflights,
  ...redirects,
  ...opaque,
  ...xhr,
  ...mismatches,
  ...credentialed,
  ...afterPreflight,
  ...hiddenErrors,
];
