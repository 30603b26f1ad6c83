/**
 * Shapes captured payloads into the sizes the bridge accepts (`PAGE_LIMITS`): truncated text,
 * base64 previews of binary data, lower-cased header records.
 */
import { PAGE_LIMITS } from '../core/protocol';
import type { Getter, Natives } from './natives';

/** Bytes whose base64 text fits in `previewChars` (computed at load, before page scripts run). */
const MAX_BINARY_BYTES = Math.floor(PAGE_LIMITS.previewChars / 4) * 3;

export interface Preview {
  data: string;
  /** Whole payload size: bytes for binary, characters for text. */
  size: number;
  truncated: boolean;
}

/** Reads the bytes of ArrayBuffers and views without trusting page-replaceable getters. */
export interface BinaryReader {
  /** The payload as bytes, or undefined when it is not an ArrayBuffer or a view. */
  bytes(value: unknown): Uint8Array | undefined;
}

/**
 * Captures the ArrayBuffer / TypedArray / DataView getters. Their brand checks also tell the
 * kinds apart across realms, where `instanceof` would not.
 */
export function createBinaryReader(n: Natives): BinaryReader {
  const typedArrayProto = Object.getPrototypeOf(Uint8Array.prototype) as object;
  const bufferLength = n.getter(ArrayBuffer.prototype, 'byteLength');
  const typedBuffer = n.getter(typedArrayProto, 'buffer');
  const typedOffset = n.getter(typedArrayProto, 'byteOffset');
  const typedLength = n.getter(typedArrayProto, 'byteLength');
  const viewBuffer = n.getter(DataView.prototype, 'buffer');
  const viewOffset = n.getter(DataView.prototype, 'byteOffset');
  const viewLength = n.getter(DataView.prototype, 'byteLength');
  const isView = ArrayBuffer.isView;
  const Bytes = Uint8Array;

  function tryRead(value: object, buffer: Getter, offset: Getter, length: Getter): Uint8Array | undefined {
    try {
      return new Bytes(buffer(value) as ArrayBuffer, offset(value) as number, length(value) as number);
    } catch {
      return undefined;
    }
  }

  return {
    bytes(value) {
      if (typeof value !== 'object' || value === null) return undefined;
      if (isView(value)) {
        return (
          tryRead(value, typedBuffer, typedOffset, typedLength) ??
          tryRead(value, viewBuffer, viewOffset, viewLength)
        );
      }
      try {
        const length = bufferLength(value) as number;
        return new Bytes(value as ArrayBuffer, 0, length);
      } catch {
        return undefined;
      }
    },
  };
}

/** Text cut to `limit` characters (default `PAGE_LIMITS.previewChars`); `size` counts characters. */
export function textPreview(n: Natives, text: string, limit: number = PAGE_LIMITS.previewChars): Preview {
  if (text.length <= limit) return { data: text, size: text.length, truncated: false };
  return { data: n.slice(text, 0, limit), size: text.length, truncated: true };
}

/** Bytes as base64, cut so the base64 text stays within `PAGE_LIMITS.previewChars`. */
export function binaryPreview(n: Natives, bytes: Uint8Array): Preview {
  const maxBytes = MAX_BINARY_BYTES;
  const size = bytes.length;
  const kept = size > maxBytes ? maxBytes : size;
  // fromCharCode over chunks: one call per byte would be slow, one call for all may overflow
  // the argument limit.
  const chunk = 8190;
  let binary = '';
  for (let start = 0; start < kept; start += chunk) {
    const end = start + chunk < kept ? start + chunk : kept;
    binary += n.fromCharCodes(n.subarray(bytes, start, end));
  }
  return { data: n.btoa(binary), size, truncated: kept < size };
}

/** Collects header pairs into a record: lower-case names, capped count and value length. */
export class HeaderRecord {
  /** Without a prototype, so a header named `__proto__` is just a header. */
  readonly headers: Record<string, string>;
  private count = 0;

  constructor(private readonly n: Natives) {
    this.headers = n.bare();
  }

  /** Adds one header; a repeated name is joined with ', ' as browsers do. */
  add(name: unknown, value: unknown): void {
    if (typeof name !== 'string' || this.count >= PAGE_LIMITS.maxHeaders) return;
    const key = this.n.lower(name);
    const text = typeof value === 'string' ? value : typeof value === 'number' ? '' + value : '';
    const previous = this.headers[key];
    const joined = previous === undefined ? text : previous + ', ' + text;
    if (previous === undefined) this.count++;
    this.headers[key] = textPreview(this.n, joined).data;
  }

  /** Parses the CRLF-separated block of `getAllResponseHeaders()`. */
  addRawBlock(raw: string): void {
    let start = 0;
    while (start < raw.length) {
      let end = this.n.indexOf(raw, '\r\n', start);
      if (end < 0) end = raw.length;
      const colon = this.n.indexOf(raw, ':', start);
      if (colon > start && colon < end) {
        this.add(
          this.n.trim(this.n.slice(raw, start, colon)),
          this.n.trim(this.n.slice(raw, colon + 1, end)),
        );
      }
      start = end + 2;
    }
  }
}

/**
 * `String(error)` the way `Error.prototype.toString` computes it (`TypeError: Failed to
 * fetch`), without calling a `toString` the page may have replaced; short text for others.
 */
export function errorText(n: Natives, error: unknown): string {
  if (typeof error !== 'object' || error === null) {
    return typeof error === 'function' ? 'function' : textPreview(n, n.text(error as string)).data;
  }
  try {
    const record = error as { name?: unknown; message?: unknown };
    const name = typeof record.name === 'string' ? record.name : 'Error';
    const message = typeof record.message === 'string' ? record.message : '';
    const text = name === '' ? message : message === '' ? name : name + ': ' + message;
    return textPreview(n, text).data;
  } catch {
    return 'Error';
  }
}

/** Standard methods are upper-cased by fetch and XHR alike; `patch` stays `patch` (Fetch standard). */
export function normaliseMethod(n: Natives, method: string): string {
  const upper = n.upper(method);
  const standard =
    upper === 'DELETE' ||
    upper === 'GET' ||
    upper === 'HEAD' ||
    upper === 'OPTIONS' ||
    upper === 'POST' ||
    upper === 'PUT';
  return standard ? upper : method;
}

/** The MIME type of a `content-type` header (`text/html; charset=utf-8` -> `text/html`). */
export function mimeTypeOf(n: Natives, headers: Record<string, string>): string | undefined {
  const contentType = headers['content-type'];
  if (contentType === undefined) return undefined;
  const semicolon = n.indexOf(contentType, ';');
  return n.trim(semicolon < 0 ? contentType : n.slice(contentType, 0, semicolon));
}
