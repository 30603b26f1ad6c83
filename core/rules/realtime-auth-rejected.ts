/**
 * `realtime/auth-rejected`: the server turned a socket's credentials down inside the connection.
 * The handshake succeeded (101), so nothing looks wrong at the HTTP level; then the server sent
 * an error frame — `{"error":"Unknown api key"}`, `{"type":"error","message":"unauthorized"}`,
 * GraphQL over WebSocket's `connection_error` (subscriptions-transport-ws), a Socket.IO
 * `connect_error` packet, Action Cable's `disconnect` — and usually closed. One finding per
 * endpoint and message names the frame and the close. Closes with an auth code but no such
 * frame stay `realtime/abnormal-close`'s, which skips the channels claimed here.
 */
import type { Channel, Evidence, Finding, Frame } from '../model';
import type { Recording } from '../reducer';
import { relativeTime } from './auth-timing';
import type { RuleContext } from './config';

export const AUTH_REJECTED_RULE_ID = 'realtime/auth-rejected';

/** Words that make an error about credentials (a typo-free server says one of these). */
const AUTH_WORDS = new RegExp(
  [
    String.raw`unauthori[sz]ed|unauthenticated|not authenticated|not authori[sz]ed|forbidden`,
    String.raw`access denied|permission denied|login required`,
    String.raw`invalid[\s_-]*(?:access[\s_-]*)?(?:token|api[\s_-]?key|key|credentials?|signature|jwt|session|auth\w*)`,
    String.raw`(?:token|jwt|session|credentials?|api[\s_-]?key)[\s_-]*(?:is[\s_-]*|has[\s_-]*)?(?:expired|invalid|revoked|missing|required)`,
    String.raw`(?:unknown|missing|bad|wrong|no)[\s_-]*(?:api[\s_-]?key|key|token|credentials?)`,
    String.raw`auth(?:entication|orization)?[\s_-]*(?:failed|error|required|rejected|invalid)`,
  ].join('|'),
  'i',
);
/** A `type`/`event`/`status` value that marks an error or a refusal. */
const ERROR_TYPE = /error|reject|disconnect|unauthori|denied|fail/i;
/** Frames longer than this are data, not a rejection notice. */
const MAX_NOTICE = 4096;

type Json = Record<string, unknown>;
const isJson = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v : undefined);

function parseNotice(data: string): Json | undefined {
  // Socket.IO prefixes its JSON with packet types: `44{…}` is a connect_error.
  const json = data.replace(/^\d+(?=[{[])/, '');
  if (!json.startsWith('{')) return undefined;
  try {
    const value: unknown = JSON.parse(json);
    return isJson(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The message of an error-shaped notice: `error`, `message`, `reason`, or a payload's message. */
function messageOf(o: Json): string | undefined {
  const inner = (v: unknown) =>
    isJson(v) ? (text(v.message) ?? text(v.reason) ?? text(v.error)) : undefined;
  const first = (v: unknown) => (Array.isArray(v) ? inner(v[0]) : undefined);
  return (
    text(o.error) ??
    inner(o.error) ??
    text(o.message) ??
    text(o.reason) ??
    inner(o.payload) ??
    first(o.payload) ??
    inner(o.data) ??
    first(o.errors) ??
    (isJson(o.payload) ? inner(o.payload.response) : undefined)
  );
}

/**
 * What the server said, when a received frame is an in-band refusal of the connection's
 * credentials; undefined for any other frame.
 * @param frame A frame of a WebSocket or EventSource.
 */
export function authRejectionOf(frame: Frame): string | undefined {
  if (frame.direction !== 'receive' || frame.data.length > MAX_NOTICE) return undefined;
  const data = frame.data.trim();
  const o = parseNotice(data);
  if (!o) return data.length <= 200 && AUTH_WORDS.test(data) ? data : undefined;
  const kind = [o.type, o.event, o.status].find((v) => typeof v === 'string') as string | undefined;
  // subscriptions-transport-ws answers a refused `connection_init` (its onConnect threw or
  // returned false, in practice the auth check) with `connection_error`, then closes.
  if (kind === 'connection_error') return messageOf(o) ?? data;
  const errorShaped =
    o.error !== undefined ||
    o.errors !== undefined ||
    (kind !== undefined && ERROR_TYPE.test(kind)) ||
    o.success === false ||
    o.ok === false ||
    /^44[{[]/.test(data);
  return errorShaped && AUTH_WORDS.test(data) ? (messageOf(o) ?? data) : undefined;
}

/** The channels the server refused in-band, each with its first refusal frame. */
export function authRejections(rec: Recording): Map<Channel, { frame: Frame; message: string }> {
  const found = new Map<Channel, { frame: Frame; message: string }>();
  for (const c of rec.channels.values()) {
    for (const frame of c.frames) {
      const message = authRejectionOf(frame);
      if (message === undefined) continue;
      found.set(c, { frame, message });
      break;
    }
  }
  return found;
}

const clip = (s: string, n = 160) => (s.length > n ? `${s.slice(0, n)}…` : s);

/** One finding per (endpoint, message) of the sockets refused in-band. */
export function findSocketAuthRejected(rec: Recording, ctx: RuleContext): Finding[] {
  const groups = new Map<string, Array<{ channel: Channel; frame: Frame; message: string }>>();
  for (const [channel, { frame, message }] of authRejections(rec)) {
    const key = `${AUTH_REJECTED_RULE_ID}:${channel.url.split(/[?#]/)[0]}:${clip(message, 80)}`;
    const group = groups.get(key);
    if (group) group.push({ channel, frame, message });
    else groups.set(key, [{ channel, frame, message }]);
  }
  const findings: Finding[] = [];
  for (const [key, group] of groups) {
    group.sort((a, b) => a.frame.time - b.frame.time);
    const m = ctx.msg.rulesRealtime.authRejected;
    const { channel, frame, message } = group[0];
    const url = channel.url.split(/[?#]/)[0];
    const then = (c: Channel) =>
      c.closeCode !== undefined
        ? c.closeReason
          ? m.closedWithReason({ code: c.closeCode, reason: c.closeReason })
          : m.closedWith({ code: c.closeCode })
        : c.state === 'closed' || c.state === 'error'
          ? m.closed
          : m.noClose;
    const evidence: Evidence[] = group.map((g) => ({
      type: 'channel',
      id: g.channel.id,
      label: m.evidence({
        url: g.channel.url.split(/[?#]/)[0],
        frame: clip(g.frame.data),
        then: then(g.channel),
      }),
    }));
    findings.push({
      ruleId: AUTH_REJECTED_RULE_ID,
      key,
      severity: 'error',
      title: m.title({ message: clip(message, 120) }),
      explanation: m.explanation({
        url,
        time: relativeTime(rec, frame.time, ctx.locale),
        frame: clip(frame.data),
        then: then(channel),
        count: group.length,
      }),
      fix: m.fix,
      fixSnippets: [],
      facts: [
        { label: m.facts.channel, value: url },
        { label: m.facts.said, value: clip(frame.data) },
        { label: m.facts.then, value: then(channel) },
        { label: m.facts.connections, value: String(group.length) },
      ],
      evidence,
      count: group.length,
      firstTime: channel.createdTime,
      basis: channel.source === 'page' || channel.source === 'har' ? channel.source : 'cdp',
    });
  }
  return findings;
}
