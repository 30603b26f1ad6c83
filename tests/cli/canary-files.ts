/**
 * The canary suite as real files: each canary's recording written as the HAR a user would hand
 * to support (our export with secrets kept, so every `_` field is there), and the checks that
 * no planted secret survives in what `handshake` writes or prints, in any form.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportHar } from '../../core/har';
import type { RecordedEvent } from '../../core/events';
import { canaries, type Canary } from '../core/redact/canaries';
import { edgeCanaries } from '../core/redact/canaries-edge';
import { moreCanaries } from '../core/redact/canaries-more';

/** Every canary of the suite (the 219 of tests/core/redact), each with a unique secret. */
export function allCanaries(): Canary[] {
  const first = canaries();
  return [...first, ...moreCanaries(first.length + 100), ...edgeCanaries(first.length + 1000)];
}

/** The canary written as a HAR file with its secrets (what the user would redact). */
export function writeCanaryHar(dir: string, index: number, canary: Canary): string {
  const path = join(dir, `canary-${index}.har`);
  writeFileSync(path, [...exportHar(canary.events, { redaction: { includeSecrets: true } })].join(''));
  return path;
}

const b64url = (s: string) => s.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

function utf8Base64(value: string): string {
  return Buffer.from(value, 'utf8').toString('base64');
}

/**
 * `text` with every base64-looking string decoded and appended, so a secret re-encoded inside
 * a base64 body or frame (at any byte offset) is seen too.
 */
export function withDecoded(text: string): string {
  let out = text;
  for (const m of text.matchAll(/[A-Za-z0-9+/_-]{8,}={0,2}/g)) {
    const decoded = Buffer.from(m[0].replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('latin1');
    out += `\n${decoded}`;
  }
  return out;
}

const html = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The secrets of `secrets` found in `text`: raw, URL-encoded, JSON-escaped, HTML-escaped, base64(url). */
export function leaks(text: string, secrets: readonly string[]): string[] {
  const all = withDecoded(text);
  return secrets.filter((s) => {
    const forms = [
      s,
      encodeURIComponent(s),
      JSON.stringify(s).slice(1, -1),
      html(s),
      utf8Base64(s).replace(/=+$/, ''),
      b64url(utf8Base64(s)),
    ];
    return forms.some((form) => all.includes(form)) || pieceOf(all, s);
  });
}

/** Shown in part: a finding that quotes a secret cut short still leaks most of it. */
const PIECE = 10;

function pieceOf(text: string, secret: string): boolean {
  for (let i = 0; i + PIECE <= secret.length; i++) if (text.includes(secret.slice(i, i + PIECE))) return true;
  return false;
}

/** The hosts of the canary's requests and channels: what must stay readable in every output. */
export function hostsOf(events: readonly RecordedEvent[]): string[] {
  const hosts = new Set<string>();
  for (const e of events)
    if (e.kind === 'request.start' || e.kind === 'channel.created')
      hosts.add(new URL(e.url.replace(/^wss?:/, 'https:')).hostname);
  return [...hosts];
}

/** The response statuses of the canary's requests. */
export function statusesOf(events: readonly RecordedEvent[]): number[] {
  return events.flatMap((e) => (e.kind === 'request.response' ? [e.status] : []));
}
