/**
 * What kind of failure a request's error text names, whoever wrote it: Chromium's net error
 * names (`net::ERR_CONNECTION_REFUSED`, from CDP's `loadingFailed.errorText` or a Chrome HAR's
 * `_error`; list: https://source.chromium.org/chromium/chromium/src/+/main:net/base/net_error_list.h),
 * Firefox's `NS_ERROR_*` / `SEC_ERROR_*` codes, WebKit's sentences (Playwright's
 * `_failureText`), mitmproxy's Python exception texts, and our importer's
 * "No response (status 0)" for a file that records no reason at all.
 */
import type { HttpRequest } from '../model';

export type FailureKind =
  | 'refused'
  | 'connect'
  | 'dns'
  | 'timeout'
  | 'reset'
  | 'offline'
  | 'certificate'
  | 'blockedClient'
  | 'blocked'
  | 'aborted'
  | 'noResponse'
  | 'failed'
  | 'pageOnly'
  | 'other';

/** Checked in this order: the first match names the kind. */
const PATTERNS: Array<[FailureKind, RegExp]> = [
  ['aborted', /ERR_ABORTED|NS_BINDING_ABORTED|NS_ERROR_ABORT\b|\bcancell?ed\b|\baborted\b/i],
  ['blockedClient', /ERR_BLOCKED_BY_CLIENT|ERR_BLOCKED_BY_ADMINISTRATOR/i],
  ['blocked', /ERR_BLOCKED_BY|NS_ERROR_CONTENT_BLOCKED|NS_ERROR_TRACKING|blocked by/i],
  [
    'offline',
    /INTERNET_DISCONNECTED|NETWORK_CHANGED|NETWORK_ACCESS_DENIED|NS_ERROR_OFFLINE|appears to be offline/i,
  ],
  [
    'dns',
    /NAME_NOT_RESOLVED|NAME_RESOLUTION_FAILED|NS_ERROR_UNKNOWN_HOST|ENOTFOUND|EAI_AGAIN|getaddrinfo|Name or service not known|nodename nor servname|hostname could not be found|No address associated/i,
  ],
  [
    'certificate',
    /ERR_CERT_|ERR_SSL_|ERR_BAD_SSL|SSL_PROTOCOL_ERROR|SEC_ERROR_|SSL_ERROR_|MOZILLA_PKIX_ERROR|certificate|TLS handshake/i,
  ],
  ['timeout', /TIMED_OUT|ETIMEDOUT|NS_ERROR_NET_TIMEOUT|timed out|\btimeout\b/i],
  ['refused', /CONNECTION_REFUSED|ECONNREFUSED|Connection refused/i],
  [
    'reset',
    /CONNECTION_RESET|CONNECTION_CLOSED|CONNECTION_ABORTED|EMPTY_RESPONSE|NS_ERROR_NET_RESET|NS_ERROR_NET_INTERRUPT|NS_ERROR_NET_PARTIAL_TRANSFER|ECONNRESET|socket hang up|connection was lost|INCOMPLETE_CHUNKED|CONTENT_LENGTH_MISMATCH|HTTP2_PROTOCOL_ERROR|QUIC_PROTOCOL_ERROR/i,
  ],
  [
    'connect',
    /ADDRESS_UNREACHABLE|CONNECTION_FAILED|PROXY_CONNECTION|TUNNEL_CONNECTION|EHOSTUNREACH|ENETUNREACH|NS_ERROR_PROXY|Connect call failed|Could not connect/i,
  ],
  ['noResponse', /^No response \(status -?\d+\)$/],
  ['failed', /^net::ERR_FAILED$/],
  ['pageOnly', /Failed to fetch|NetworkError when attempting|^Load failed$|^Network Error$/i],
];

/** The kind of a failed request's failure, from CDP's flags first and then its error text. */
export function failureKindOf(r: HttpRequest): FailureKind {
  const failure = r.failure;
  if (!failure) return 'other';
  if (failure.canceled) return 'aborted';
  // CDP's `blockedReason`: `inspector` is DevTools' own request blocking, the rest is policy
  // (csp, mixed-content, corp-not-same-origin, subresource-filter …).
  if (failure.blockedReason) return 'blocked';
  for (const [kind, pattern] of PATTERNS) if (pattern.test(failure.errorText)) return kind;
  return 'other';
}

/** The finding's severity: a cancel is usually intended, a blocker is the user's own setup. */
export function failureSeverity(kind: FailureKind): 'error' | 'warning' | 'info' {
  if (kind === 'aborted') return 'info';
  if (kind === 'blockedClient') return 'warning';
  return 'error';
}
