/**
 * The CORS analyser's vocabulary: what it reads (one request with the server's answers) and
 * what it says (a `CorsVerdict` in Chromium's `corsError` words, so that our verdict and the
 * browser's own — CDP `Network.CorsErrorStatus` — compare one to one).
 */
import type { Headers } from '../events';

/**
 * The `corsError` values of CDP's `Network.CorsError` that the analyser can derive from
 * headers alone (Chromium `services/network/public/mojom/cors.mojom`).
 */
export type CorsErrorName =
  | 'InvalidResponse'
  | 'WildcardOriginNotAllowed'
  | 'MissingAllowOriginHeader'
  | 'MultipleAllowOriginValues'
  | 'InvalidAllowOriginValue'
  | 'AllowOriginMismatch'
  | 'InvalidAllowCredentials'
  | 'PreflightInvalidStatus'
  | 'PreflightDisallowedRedirect'
  | 'PreflightWildcardOriginNotAllowed'
  | 'PreflightMissingAllowOriginHeader'
  | 'PreflightMultipleAllowOriginValues'
  | 'PreflightInvalidAllowOriginValue'
  | 'PreflightAllowOriginMismatch'
  | 'PreflightInvalidAllowCredentials'
  | 'InvalidAllowMethodsPreflightResponse'
  | 'InvalidAllowHeadersPreflightResponse'
  | 'MethodDisallowedByPreflightResponse'
  | 'HeaderDisallowedByPreflightResponse';

/** The fetch's credentials mode (`fetch(url, {credentials})`; XHR `withCredentials` = include). */
export type CredentialsMode = 'omit' | 'same-origin' | 'include';

/** What the page asked for. */
export interface CorsRequest {
  /** As the page passed it: the analyser normalises it as `fetch()` does. */
  method: string;
  url: string;
  /** Headers the page set (browser-added and forbidden ones are ignored). */
  headers: Headers;
  credentials: CredentialsMode;
  /** The page's serialised origin (`http://127.0.0.1:5173`), `null` for an opaque one. */
  origin: string;
  /**
   * The CORS-unsafe header names as the browser listed them in the preflight's
   * `Access-Control-Request-Headers`, when that is known: more exact than recomputing them
   * from recorded headers, which mix the page's headers with the browser's.
   */
  unsafeHeaderNames?: string[];
}

/** One answer from the server: its status and headers. */
export interface CorsResponse {
  url?: string;
  status: number;
  headers: Headers;
}

/** A request and the server's answers: the preflight's, then the actual request's hops. */
export interface CorsExchange {
  request: CorsRequest;
  /** The answer to the OPTIONS preflight, when one was captured. */
  preflight?: CorsResponse;
  /** The actual request's answers in order: redirects first, then the final one. */
  responses: CorsResponse[];
}

/** Which answer decided the verdict. */
export type CorsStage = 'preflight' | 'response' | 'redirect';

export interface CorsVerdict {
  /**
   * `blocked`: the browser refuses it; `allowed`: it passes every check; `unknown`: the answers
   * the verdict depends on were not captured (e.g. a preflighted request without its preflight).
   */
  outcome: 'allowed' | 'blocked' | 'unknown';
  corsError?: CorsErrorName;
  /** Chromium's `failedParameter`: the header name, method or header value that failed. */
  failedParameter?: string;
  /**
   * For `HeaderDisallowedByPreflightResponse`: every request header the preflight answer did
   * not allow, sorted. Chromium names just one of them in `failedParameter`, picked in the
   * order of its internal header map (a hash map, so not predictable from outside): fix them all.
   */
  disallowedHeaders?: string[];
  stage?: CorsStage;
  /** The response header that decided it, lower case (`access-control-allow-headers`). */
  decisiveHeader?: string;
  /** The status of the answer that decided it. */
  status?: number;
  preflightNeeded: boolean;
  /** The method after `fetch()`'s normalisation (`put` -> `PUT`, `patch` stays). */
  method: string;
  /** CORS-unsafe request header names, lower case and sorted, as in the preflight. */
  unsafeHeaders: string[];
  /** Things that pass today but are fragile: Chromium deprecations, spec differences. */
  warnings: string[];
}
