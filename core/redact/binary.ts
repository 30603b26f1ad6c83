/**
 * Base64 bodies and binary WebSocket frames: decoded, and redacted as text when they are text
 * (UTF-8 without control characters); when they are not, the printable runs inside are scanned
 * (as `strings` would show them) and the whole payload is dropped, with a note in the manifest,
 * if one of them holds a secret: rewriting bytes inside an unknown binary format would corrupt it.
 */
import type { Redactor } from './redactor';

function bytesOf(base64: string): Uint8Array | undefined {
  try {
    const binary = atob(base64.replace(/[\r\n]/g, ''));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return undefined;
  }
}

function base64Of(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    const end = Math.min(bytes.length, i + 0x8000);
    for (let j = i; j < end; j++) binary += String.fromCharCode(bytes[j]);
  }
  return btoa(binary);
}

// Control characters other than tab, line feed and carriage return: a sign of binary.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/;
const PRINTABLE_RUN = /[\x20-\x7E]{6,}/g;

/**
 * A base64 payload with its secrets removed: re-encoded when it was text, `''` (and a note in
 * the manifest) when it was binary holding a secret, as it was otherwise.
 * @param r The redactor of the file.
 * @param data The payload as base64.
 * @param mimeType Its type, when known (a body's), to scan JSON and forms by their shape.
 * @param place Where it was, for the manifest (`response body of https://host/path`).
 */
export function scrubBase64(r: Redactor, data: string, mimeType: string, place: string): string {
  if (!r.active || data === '') return data;
  const bytes = bytesOf(data);
  if (!bytes) return r.text(data);
  let text: string | undefined;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = undefined;
  }
  if (text !== undefined && !CONTROL.test(text)) {
    const scrubbed = r.body(text, mimeType);
    return scrubbed === text ? data : base64Of(scrubbed);
  }
  let latin1 = '';
  for (let i = 0; i < bytes.length; i++) latin1 += String.fromCharCode(bytes[i]);
  let secret = false;
  for (const run of latin1.match(PRINTABLE_RUN) ?? []) {
    if (r.text(run) !== run) {
      secret = true;
      break;
    }
  }
  if (!secret) return data;
  r.dropped(place, bytes.length);
  return '';
}
