/**
 * "Copy as fetch" and "Copy as cURL" for a recorded request, as the row context menu offers
 * them. Secrets are redacted (`redact/`) unless the user picks the "(with secrets)" variant:
 * a command pasted into a chat or a ticket must not carry the user's token by accident.
 * Every captured string is quoted for its target language, never spliced in raw — a URL or
 * header value is page-controlled and could otherwise break out into the shell.
 */
import type { HttpRequest } from './model';
import { Redactor } from './redact';
import { getHeader } from './headers';

export interface CopyOptions {
  /** Copy secrets as captured. Only when the user picked the "(with secrets)" item. */
  withSecrets?: boolean;
}

/** What the commands need of a request. */
export type CopyableRequest = Pick<
  HttpRequest,
  'url' | 'method' | 'requestHeaders' | 'wireHeaders' | 'postData'
>;

interface Parts {
  url: string;
  method: string;
  headers: Array<[string, string]>;
  body?: string;
}

function parts(request: CopyableRequest, options: CopyOptions): Parts {
  const r = new Redactor({ includeSecrets: options.withSecrets === true });
  const source = request.wireHeaders ?? request.requestHeaders;
  // HTTP/2 pseudo-headers (`:authority`) are not headers a client may set.
  const headers = Object.entries(source)
    .filter(([name]) => !name.startsWith(':'))
    .map(([name, value]): [string, string] => [name, r.headerValue(name, value)]);
  const body =
    request.postData === undefined ? undefined : r.body(request.postData, getHeader(source, 'content-type'));
  return { url: r.url(request.url), method: request.method.toUpperCase(), headers, body };
}

/**
 * The request's URL, redacted unless asked otherwise.
 * @param request The recorded request.
 * @param options `withSecrets` to copy it as captured.
 */
export function copyUrl(request: Pick<HttpRequest, 'url'>, options: CopyOptions = {}): string {
  return new Redactor({ includeSecrets: options.withSecrets === true }).url(request.url);
}

/**
 * A `fetch(…)` call that repeats the request. Strings are JSON literals, valid JavaScript.
 * @param request The recorded request.
 * @param options `withSecrets` to keep secret values.
 */
export function copyAsFetch(request: CopyableRequest, options: CopyOptions = {}): string {
  const p = parts(request, options);
  const init: Record<string, unknown> = { method: p.method, headers: Object.fromEntries(p.headers) };
  if (p.body !== undefined) init.body = p.body;
  return `fetch(${JSON.stringify(p.url)}, ${JSON.stringify(init, null, 2)});`;
}

/**
 * A `curl` command for a POSIX shell that repeats the request.
 * @param request The recorded request.
 * @param options `withSecrets` to keep secret values.
 */
export function copyAsCurl(request: CopyableRequest, options: CopyOptions = {}): string {
  const p = parts(request, options);
  const lines = [`curl ${shellQuote(p.url)}`];
  if (p.method !== 'GET' || p.body !== undefined) lines.push(`-X ${shellQuote(p.method)}`);
  for (const [name, value] of p.headers) lines.push(`-H ${shellQuote(`${name}: ${value}`)}`);
  if (p.body !== undefined) lines.push(`--data-raw ${shellQuote(p.body)}`);
  return lines.join(' \\\n  ');
}

/**
 * Quotes `text` as one word for a POSIX shell: `'…'` when it has only printable characters,
 * else bash's `$'…'` with escapes, so a newline or control character survives the paste.
 * @param text Any string.
 */
export function shellQuote(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is detected here
  if (!/[\u0000-\u001f\u007f]/.test(text)) return `'${text.replace(/'/g, `'\\''`)}'`;
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (ch === '\\' || ch === "'") out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `$'${out}'`;
}
