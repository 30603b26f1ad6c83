/**
 * A failed cross-origin request as the HAR importer, CDP or the probe records it: the preflight
 * first (when there is one), then the request itself. Shared by the CORS rule tests.
 */
import type { EventBody } from '../../../core/events';
import { API, ORIGIN, eventLog, type EventLog } from '../events';

export interface Failure {
  source?: 'har' | 'cdp' | 'page';
  url?: string;
  method?: string;
  headers?: Record<string, string>;
  preflight?: { status: number; headers: Record<string, string>; asked?: string };
  /** The actual request's answer; absent = status 0 (the preflight failed). */
  response?: { status: number; headers: Record<string, string> };
  cors?: { corsError: string; failedParameter: string };
}

/** A failed request as the HAR importer (or CDP) records it: preflight first, its own request. */
export function failure(f: Failure): EventLog {
  const log = eventLog();
  const add = (body: EventBody) =>
    f.source === 'cdp' ? log.cdp(body) : f.source === 'page' ? log.page(body) : log.har(body);
  const url = f.url ?? `${API}/api/items/1`;
  const method = f.method ?? 'PUT';
  if (f.preflight) {
    add({
      kind: 'request.start',
      requestId: 'pre',
      url,
      method: 'OPTIONS',
      resourceType: 'preflight',
      preflightFor: 'req',
      headers: {
        Origin: ORIGIN,
        'Access-Control-Request-Method': method,
        ...(f.preflight.asked ? { 'Access-Control-Request-Headers': f.preflight.asked } : {}),
      },
    });
    add({
      kind: 'request.response',
      requestId: 'pre',
      status: f.preflight.status,
      statusText: '',
      headers: f.preflight.headers,
    });
    add({ kind: 'request.finished', requestId: 'pre' });
  }
  log.at(10);
  add({
    kind: 'request.start',
    requestId: 'req',
    url,
    method,
    resourceType: 'fetch',
    headers: { Origin: ORIGIN, ...f.headers },
  });
  if (f.response)
    add({
      kind: 'request.response',
      requestId: 'req',
      status: f.response.status,
      statusText: '',
      headers: f.response.headers,
    });
  add({ kind: 'request.failed', requestId: 'req', errorText: 'net::ERR_FAILED', cors: f.cors });
  return log;
}
