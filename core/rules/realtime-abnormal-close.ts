/**
 * `realtime/abnormal-close`: a WebSocket closed with a code that means trouble, explained:
 * 1006 (no close frame: network, proxy or a refused handshake), 1011 (server error), 1008
 * (policy, often auth), and the application range 4000–4999 (RFC 6455 §7.4.1–7.4.2).
 * CDP's `webSocketClosed` has no code: it comes from the page's close event.
 */
import { messagesFor, type Locale } from '../i18n';
import type { Channel, Finding } from '../model';
import type { Recording } from '../reducer';
import { AUTH_CLOSE_CODES } from './auth-refresh-failed';
import { relativeTime } from './auth-timing';
import type { RuleContext } from './config';
import { authRejections } from './realtime-auth-rejected';

export const ABNORMAL_CLOSE_RULE_ID = 'realtime/abnormal-close';

/** The codes explained by their own meaning; other codes 4000–4999 are the application's. */
const MEANING_KEY = {
  1002: 'c1002',
  1003: 'c1003',
  1006: 'c1006',
  1007: 'c1007',
  1008: 'c1008',
  1009: 'c1009',
  1011: 'c1011',
  1015: 'c1015',
} as const;

/** The close codes this rule explains. */
export function isAbnormalClose(code: number | undefined): code is number {
  return code !== undefined && (code in MEANING_KEY || (code >= 4000 && code <= 4999));
}

/** Plain-words meaning of a close code, in `locale`. */
export function closeCodeMeaning(code: number, locale: Locale = 'en'): string {
  const m = messagesFor(locale).rulesRealtime.closeCode;
  if (code in MEANING_KEY) return m[MEANING_KEY[code as keyof typeof MEANING_KEY]];
  if (code === 4001 || code === 4401) return m.app401;
  if (code === 4003 || code === 4403) return m.app403;
  return m.app;
}

/**
 * One finding per (endpoint, close code). A socket the server refused in-band (an error frame
 * before the close) is `realtime/auth-rejected`'s finding, which names the close too.
 */
export function findAbnormalClose(rec: Recording, ctx: RuleContext): Finding[] {
  const m = ctx.msg.rulesRealtime.abnormalClose;
  const groups = new Map<string, Channel[]>();
  const rejected = authRejections(rec);
  for (const c of rec.channels.values()) {
    if (c.transport !== 'websocket' || !isAbnormalClose(c.closeCode) || rejected.has(c)) continue;
    const key = `${ABNORMAL_CLOSE_RULE_ID}:${c.url.split(/[?#]/)[0]}:${c.closeCode}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  return [...groups].map(([key, channels]) => {
    channels.sort((a, b) => a.createdTime - b.createdTime);
    const first = channels[0];
    const code = first.closeCode ?? 0;
    const auth = AUTH_CLOSE_CODES.has(code);
    const meaning = closeCodeMeaning(code, ctx.locale);
    const short = meaning.split(':')[0];
    const url = first.url.split('?')[0];
    return {
      ruleId: ABNORMAL_CLOSE_RULE_ID,
      key,
      severity: code === 1006 || code === 1011 || auth ? 'error' : 'warning',
      title: first.closeReason
        ? m.titleReason({ code, reason: first.closeReason, meaning: short })
        : m.title({ code, meaning: short }),
      explanation:
        channels.length > 1
          ? m.explanationMany({ url, code, count: channels.length, meaning })
          : m.explanationOnce({
              url,
              code,
              time: relativeTime(rec, first.lastActivity, ctx.locale),
              meaning,
            }),
      fix: auth ? m.fixAuth : code === 1006 ? m.fix1006 : m.fixOther,
      fixSnippets: [],
      facts: [
        { label: m.facts.code, value: `${code}${first.closeReason ? ` — ${first.closeReason}` : ''}` },
        { label: m.facts.meaning, value: meaning },
        { label: m.facts.connections, value: String(channels.length) },
      ],
      evidence: channels.map((c) => ({
        type: 'channel' as const,
        id: c.id,
        label: ctx.msg.rulesAuth.channelClosed({ url: c.url.split('?')[0], code }),
      })),
      count: channels.length,
      firstTime: first.createdTime,
      basis: first.source === 'page' || first.source === 'har' ? first.source : 'cdp',
    };
  });
}
