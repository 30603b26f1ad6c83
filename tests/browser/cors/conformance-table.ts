/** Renders the conformance run as docs/cors-conformance.md. */
import type { CorsConfig } from './cors-configs';

export interface Row {
  config: CorsConfig;
  agree: boolean;
  chromium: string;
  ours: string;
  /** The verdict from Chrome's HAR export of the same run, analysed from the file alone. */
  fromHar: string;
  harAgree: boolean;
  basis: string;
}

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

function describeAnswer(headers: Record<string, string | string[]>, status: number): string {
  const list = Object.entries(headers).map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(' / ') : v}`);
  return `${status}${list.length ? ` ${list.join('; ')}` : ''}`;
}

function describeConfig(c: CorsConfig): string {
  const parts = [`${c.api === 'xhr' ? 'XHR' : 'fetch'} ${c.method}`];
  if (c.page === 'null') parts.push('from an opaque (null) origin');
  if (c.credentials === 'include') parts.push('credentials: include');
  if (c.credentials === 'omit') parts.push('credentials: omit');
  const headers = Object.entries(c.headers ?? {}).map(
    ([k, v]) => `${k}: ${v.length > 40 ? `${v.slice(0, 37)}...` : v}`,
  );
  if (headers.length) parts.push(`headers ${headers.join(', ')}`);
  if (c.preflight) parts.push(`preflight → ${describeAnswer(c.preflight.headers, c.preflight.status)}`);
  parts.push(`actual → ${describeAnswer(c.actual.headers, c.actual.status)}`);
  if (c.redirect)
    parts.push(
      `redirect to ${c.redirect.to} → ${describeAnswer(c.redirect.answer.headers, c.redirect.answer.status)}`,
    );
  return parts.join('; ');
}

export function conformanceTable(rows: Row[]): string {
  const agreed = rows.filter((r) => r.agree).length;
  const harAgreed = rows.filter((r) => r.harAgree).length;
  const lines = [
    '# CORS conformance: Chromium vs the Handshake analyser',
    '',
    'Written by `tests/browser/cors/cors-conformance.spec.ts` (`npx playwright test tests/browser/cors`).',
    'Each row is a real local server answering a cross-origin request from real Chromium. "Chromium" is',
    'CDP\'s `Network.loadingFailed.corsErrorStatus` (`corsError (failedParameter)`) or `allowed`; "ours"',
    'is `core/cors` computing the verdict from the request and the logged response headers alone.',
    '"From the HAR alone" is the same run written as Chrome\'s DevTools exports a HAR (each redirect hop',
    'and the preflight their own entries, the headers sent and received, `response._error`, never a CORS',
    'reason), imported and analysed as `handshake analyze` does: the first CORS failure it finds, or',
    '`allowed` when it finds none; "credentials inferred" where the file does not say the credentials mode',
    'and the verdict rests on the request having failed although it passes without credentials.',
    '`{app}` is the page origin, `{other}` a third origin. A preflight listed for a request that needs',
    'none is never sent.',
    '',
    `Agreement: **${agreed} / ${rows.length}** from the logged headers, **${harAgreed} / ${rows.length}** from the HAR alone.`,
    '',
    '| # | id | family | configuration | Chromium | ours | from the HAR alone | decided at |',
    '| - | -- | ------ | ------------- | -------- | ---- | ------------------ | ---------- |',
  ];
  rows.forEach((r, i) => {
    const mark = r.agree ? '' : ' ⚠';
    const harMark = r.harAgree ? '' : ' ⚠';
    lines.push(
      `| ${i + 1} | ${r.config.id} | ${r.config.family} | ${cell(describeConfig(r.config))} | ${cell(r.chromium)} | ${cell(r.ours)}${mark} | ${cell(r.fromHar)}${harMark} | ${r.basis} |`,
    );
  });
  return `${lines.join('\n')}\n`;
}
