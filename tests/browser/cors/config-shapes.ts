/**
 * The shape of a conformance configuration, and the helpers its lists use. A configuration is
 * one cross-origin request from the page and the server's exact answers to its preflight and
 * actual request; `{app}`, `{api}` and `{other}` in header values become the servers' origins.
 */
export interface Answer {
  status: number;
  headers: Record<string, string | string[]>;
}

export interface CorsConfig {
  id: string;
  family: string;
  /** `null`: the page has an opaque origin (a `data:` document). */
  page?: 'app' | 'null';
  api?: 'fetch' | 'xhr';
  method: string;
  headers?: Record<string, string>;
  credentials?: 'omit' | 'same-origin' | 'include';
  body?: string;
  preflight?: Answer;
  actual: Answer;
  /** The actual answer is a 302 to this origin's `/c/<id>/target`, which answers `answer`. */
  redirect?: { to: 'api' | 'other'; answer: Answer };
}

export const ACAO = 'Access-Control-Allow-Origin';
export const ACAC = 'Access-Control-Allow-Credentials';
export const ACAM = 'Access-Control-Allow-Methods';
export const ACAH = 'Access-Control-Allow-Headers';

export const answer = (status: number, headers: Answer['headers'] = {}): Answer => ({ status, headers });
/** A 200 that lets the app origin read it. */
export const allow = (extra: Answer['headers'] = {}) => answer(200, { [ACAO]: '{app}', ...extra });
export const withCreds = (extra: Answer['headers'] = {}) => allow({ [ACAC]: 'true', ...extra });
/** A 204 preflight answer from the app origin's point of view. */
export const pre = (extra: Answer['headers'] = {}, status = 204) =>
  answer(status, { [ACAO]: '{app}', ...extra });
export const JSON_CT = { 'Content-Type': 'application/json' };
export const AUTH = { Authorization: 'Bearer t', 'Content-Type': 'application/json' };
export const inc = 'include' as const;
