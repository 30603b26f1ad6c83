/**
 * `realtime/abnormal-close`: a WebSocket closed with a code that means trouble, explained:
 * 1006 (no close frame: network, proxy or a refused handshake), 1011 (server error), 1008
 * (policy, often auth), and the application range 4000–4999 (RFC 6455 §7.4.1–7.4.2).
 * CDP's `webSocketClosed` has no code: it comes from the page's close event.
 */
import type { Channel, Finding } from '../model';
import type { Recording } from '../reducer';
import { AUTH_CLOSE_CODES } from './auth-refresh-failed';
import { relativeTime } from './auth-timing';
import type { RuleContext } from './config';

export const ABNORMAL_CLOSE_RULE_ID = 'realtime/abnormal-close';

const MEANING: Record<number, string> = {
  1002: 'protocol error: one side sent a frame the other could not accept',
  1003: 'unsupported data: the server could not accept the data type sent',
  1006: 'closed abnormally, without a close frame: the network dropped, a proxy or load balancer cut it, or the handshake was refused (a blocked or failed upgrade reports 1006 too)',
  1007: 'invalid payload data (e.g. text that is not UTF-8)',
  1008: 'policy violation: the server refused the connection by policy, most often authentication or origin checks',
  1009: 'message too big for the server',
  1011: 'internal server error: the server hit an unexpected condition',
  1015: 'TLS handshake failure',
};

/** The close codes this rule explains. */
export function isAbnormalClose(code: number | undefined): code is number {
  return code !== undefined && (code in MEANING || (code >= 4000 && code <= 4999));
}

/** Plain-words meaning of a close code. */
export function closeCodeMeaning(code: number): string {
  if (MEANING[code]) return MEANING[code];
  if (code === 4001 || code === 4401)
    return 'application code mirroring HTTP 401: the server did not accept the credentials (missing, invalid or expired token)';
  if (code === 4003 || code === 4403)
    return 'application code mirroring HTTP 403: the credentials were valid but not allowed here';
  return 'application-defined (4000–4999): look the code up in the server’s own close-code table';
}

/** One finding per (endpoint, close code). */
export function findAbnormalClose(rec: Recording, _ctx: RuleContext): Finding[] {
  const groups = new Map<string, Channel[]>();
  for (const c of rec.channels.values()) {
    if (c.transport !== 'websocket' || !isAbnormalClose(c.closeCode)) continue;
    const key = `${ABNORMAL_CLOSE_RULE_ID}:${c.url.split(/[?#]/)[0]}:${c.closeCode}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  return [...groups].map(([key, channels]) => {
    channels.sort((a, b) => a.createdTime - b.createdTime);
    const first = channels[0];
    const code = first.closeCode ?? 0;
    const auth = AUTH_CLOSE_CODES.has(code);
    return {
      ruleId: ABNORMAL_CLOSE_RULE_ID,
      key,
      severity: code === 1006 || code === 1011 || auth ? 'error' : 'warning',
      title: `WebSocket closed with ${code}${first.closeReason ? ` ("${first.closeReason}")` : ''}: ${closeCodeMeaning(code).split(':')[0]}`,
      explanation:
        `${first.url.split('?')[0]} closed with code ${code} ${channels.length > 1 ? `${channels.length} times` : `at ${relativeTime(rec, first.lastActivity)}`}: ` +
        `${closeCodeMeaning(code)}.`,
      fix: auth
        ? 'Connect only with a valid, fresh token (after login or refresh), and on this code refresh the token once before reconnecting instead of retrying in a loop.'
        : code === 1006
          ? 'Check the server and any proxy in between (timeouts, upgrade headers, idle limits); send pings to keep idle connections alive, and reconnect with back-off.'
          : 'Check the server logs at the close time for the error behind this code; reconnect with back-off.',
      fixSnippets: [],
      facts: [
        { label: 'Close code', value: `${code}${first.closeReason ? ` — ${first.closeReason}` : ''}` },
        { label: 'Meaning', value: closeCodeMeaning(code) },
        { label: 'Connections closed so', value: String(channels.length) },
      ],
      evidence: channels.map((c) => ({
        type: 'channel' as const,
        id: c.id,
        label: `${c.url.split('?')[0]} closed ${code}`,
      })),
      count: channels.length,
      firstTime: first.createdTime,
      basis: first.source === 'page' || first.source === 'har' ? first.source : 'cdp',
    };
  });
}
