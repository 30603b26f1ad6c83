/**
 * When auth became ready, and which code is real-time code: the two questions behind the
 * causal links between `auth/context-missing` and `realtime/socket-before-auth`.
 * Endpoint and module patterns come from the per-site config.
 */
import type { StackFrame } from '../events';
import { messagesFor, type Locale } from '../i18n';
import type { Exception, HttpRequest, OriginalFrame } from '../model';
import type { Recording } from '../reducer';
import { scriptName } from '../stack';
import type { RuleContext } from './config';

/** A request (not a preflight) to an auth/login/token endpoint. */
export function isAuthRequest(r: HttpRequest, ctx: RuleContext): boolean {
  return (
    r.preflightFor === undefined && r.method !== 'OPTIONS' && ctx.authEndpoints.some((p) => p.test(r.url))
  );
}

/** A token-refresh request (not a preflight). */
export function isRefreshRequest(r: HttpRequest, ctx: RuleContext): boolean {
  return (
    r.preflightFor === undefined && r.method !== 'OPTIONS' && ctx.refreshEndpoints.some((p) => p.test(r.url))
  );
}

function succeeded(r: HttpRequest): boolean {
  return (
    r.state === 'done' &&
    r.endTime !== undefined &&
    r.status !== undefined &&
    r.status >= 200 &&
    r.status < 300
  );
}

/** The first auth response that completed with 2xx: from then on auth can exist. */
export function firstAuthSuccess(rec: Recording, ctx: RuleContext): HttpRequest | undefined {
  let best: HttpRequest | undefined;
  for (const r of rec.requests.values()) {
    if (!succeeded(r) || !isAuthRequest(r, ctx)) continue;
    if (!best || (r.endTime ?? 0) < (best.endTime ?? 0)) best = r;
  }
  return best;
}

/** The last successful auth response that completed at or before `time`. */
export function lastAuthSuccessBefore(
  rec: Recording,
  ctx: RuleContext,
  time: number,
): HttpRequest | undefined {
  let best: HttpRequest | undefined;
  for (const r of rec.requests.values()) {
    if (!succeeded(r) || !isAuthRequest(r, ctx) || (r.endTime ?? 0) > time) continue;
    if (!best || (r.endTime ?? 0) > (best.endTime ?? 0)) best = r;
  }
  return best;
}

/** A stack frame of real-time code, with its source-mapped original when known. */
export interface RealtimeFrame {
  frame: StackFrame;
  original?: OriginalFrame;
  /** The module as people name it: the original source file, else the script's file name. */
  module: string;
  /** The frame is a constructor call (`new X`): the service threw while being constructed. */
  construction: boolean;
}

/** The first frame of the stack that belongs to a real-time module, by script or original source. */
export function realtimeFrameOf(record: Exception, ctx: RuleContext): RealtimeFrame | undefined {
  for (const frame of record.stack) {
    const original = ctx.originalFrame(frame);
    const names = [scriptName(frame.url), original ? scriptName(original.source) : ''];
    if (!names.some((n) => n && ctx.realtimeModules.some((p) => p.test(n)))) continue;
    const construction = record.stack.some((f) => f.url === frame.url && /^new\s/.test(f.functionName));
    return { frame, original, module: original ? original.source : scriptName(frame.url), construction };
  }
  return undefined;
}

/** `+238 ms`: a time relative to the recording's first event, for facts (`+238 мс` in Russian). */
export function relativeTime(rec: Recording, time: number, locale: Locale = 'en'): string {
  const start = rec.timeline[0]?.time ?? time;
  return messagesFor(locale).rulesAuth.relativeTime({ ms: Math.round(time - start) });
}
