/**
 * The guard for the page -> extension hop. The page can read and forge everything the probe
 * posts, so every message is `unknown` until this schema accepts it: known kinds only, typed
 * fields only, every string and list capped (PAGE_LIMITS). A message that fails is refused
 * whole and counted, never forwarded.
 */
import * as v from 'valibot';
import {
  PAGE_LIMITS,
  PAGE_MESSAGE_TAG,
  PAGE_PROTOCOL_VERSION,
  type ProbeEvent,
  type ProbeToBridge,
} from './protocol';

const text = v.pipe(v.string(), v.maxLength(PAGE_LIMITS.maxStringChars));
const shortText = v.pipe(v.string(), v.maxLength(8 * 1024));
const id = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
/**
 * Bounds of every number from the page. A time outside a JS Date's range is no time at all
 * (`new Date(9e15).toISOString()` throws); the recorder clamps the rest to the recording's
 * window. A count stays a safe integer so that sums of counts stay finite: `1e308 + 1e308` is
 * `Infinity`, which a runtime port turns into `null`.
 */
export const PAGE_NUMBER_LIMITS = { maxTime: 8.64e15, maxCount: Number.MAX_SAFE_INTEGER } as const;

const time = v.pipe(
  v.number(),
  v.finite(),
  v.minValue(-PAGE_NUMBER_LIMITS.maxTime),
  v.maxValue(PAGE_NUMBER_LIMITS.maxTime),
);
const count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(PAGE_NUMBER_LIMITS.maxCount));
const headers = v.pipe(
  v.record(shortText, text),
  v.check((h) => Object.keys(h).length <= PAGE_LIMITS.maxHeaders, 'too many headers'),
);
const frame = v.strictObject({
  functionName: shortText,
  url: shortText,
  line: count,
  column: count,
});
const stack = v.pipe(v.array(frame), v.maxLength(PAGE_LIMITS.maxFrames));

const base = { time };

const probeEvent = v.variant('kind', [
  v.strictObject({
    ...base,
    kind: v.literal('request.start'),
    requestId: id,
    url: text,
    method: v.pipe(v.string(), v.maxLength(32)),
    headers,
    postData: v.optional(text),
    resourceType: v.picklist(['fetch', 'xhr']),
    initiatorStack: v.optional(stack),
  }),
  v.strictObject({
    ...base,
    kind: v.literal('request.response'),
    requestId: id,
    status: count,
    statusText: shortText,
    headers,
    mimeType: v.optional(shortText),
    body: v.optional(text),
    bodyTruncated: v.optional(v.boolean()),
  }),
  v.strictObject({
    ...base,
    kind: v.literal('request.finished'),
    requestId: id,
    encodedDataLength: v.optional(count),
  }),
  v.strictObject({
    ...base,
    kind: v.literal('request.failed'),
    requestId: id,
    errorText: shortText,
    canceled: v.optional(v.boolean()),
  }),
  v.strictObject({
    ...base,
    kind: v.literal('channel.created'),
    channelId: id,
    transport: v.picklist(['websocket', 'sse']),
    url: text,
    initiatorStack: v.optional(stack),
  }),
  v.strictObject({
    ...base,
    kind: v.literal('channel.open'),
    channelId: id,
    status: v.optional(count),
    headers: v.optional(headers),
  }),
  v.strictObject({
    ...base,
    kind: v.literal('channel.frame'),
    channelId: id,
    direction: v.picklist(['send', 'receive']),
    opcode: v.pipe(count, v.maxValue(15)),
    data: text,
    size: count,
    truncated: v.optional(v.boolean()),
    eventName: v.optional(shortText),
    lastEventId: v.optional(shortText),
  }),
  v.strictObject({ ...base, kind: v.literal('channel.error'), channelId: id, message: shortText }),
  v.strictObject({
    ...base,
    kind: v.literal('channel.closed'),
    channelId: id,
    code: v.optional(count),
    reason: v.optional(shortText),
    wasClean: v.optional(v.boolean()),
  }),
  v.strictObject({
    ...base,
    kind: v.literal('exception'),
    surface: v.picklist(['unhandledrejection', 'error']),
    message: text,
    errorName: v.optional(shortText),
    stack: v.optional(stack),
    stackText: v.optional(text),
    url: v.optional(text),
    line: v.optional(count),
    column: v.optional(count),
    exceptionId: v.optional(id),
  }),
  v.strictObject({ ...base, kind: v.literal('exception.handled'), exceptionId: id }),
  v.strictObject({ ...base, kind: v.literal('page.load'), url: text }),
  v.strictObject({
    ...base,
    kind: v.literal('channel.refused'),
    transport: v.picklist(['websocket', 'sse']),
    url: text,
  }),
]);

const probeMessage = v.strictObject({
  [PAGE_MESSAGE_TAG]: v.literal('probe'),
  v: v.literal(PAGE_PROTOCOL_VERSION),
  type: v.literal('events'),
  events: v.pipe(v.array(probeEvent), v.maxLength(PAGE_LIMITS.maxBatch)),
  overflow: count,
});

/** True when a window message claims to come from the probe (whether or not it is valid). */
export function isProbeShaped(data: unknown): boolean {
  return (
    typeof data === 'object' &&
    data !== null &&
    (data as Record<string, unknown>)[PAGE_MESSAGE_TAG] === 'probe'
  );
}

export type ProbeMessageResult = { ok: true; message: ProbeToBridge } | { ok: false; reason: string };

/**
 * Validates a probe-shaped window message. Returns the typed message, or the first problem
 * found (`events.3.url: too long`) so the panel can say why something was refused.
 */
export function parseProbeMessage(data: unknown): ProbeMessageResult {
  const result = v.safeParse(probeMessage, data);
  if (result.success) {
    return { ok: true, message: result.output as ProbeToBridge };
  }
  const issue = result.issues[0];
  const path = v.getDotPath(issue) ?? '(message)';
  return { ok: false, reason: `${path}: ${issue.message}`.slice(0, 300) };
}

export type { ProbeEvent };
