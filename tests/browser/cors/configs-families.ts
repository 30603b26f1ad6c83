/**
 * The response-side families a HAR file must prove one by one (issue 13): origin mismatch by
 * port, scheme and host; multiple, invalid and empty values; credentials on the preflight and on
 * the actual response; the actual response failing after a good preflight; and server errors or
 * redirects without CORS headers hiding the real error. `{app-port}` is the page origin's port.
 */
import { ACAC, ACAM, ACAO, allow, answer, inc, pre, withCreds, type CorsConfig } from './config-shapes';

export const mismatches: CorsConfig[] = [
  { id: 'get-port-mismatch', family: 'origin', method: 'GET', actual: answer(200, { [ACAO]: '{api}' }) },
  {
    id: 'get-scheme-mismatch',
    family: 'origin',
    method: 'GET',
    actual: answer(200, { [ACAO]: 'https://127.0.0.1:{app-port}' }),
  },
  {
    id: 'get-host-mismatch',
    family: 'origin',
    method: 'GET',
    actual: answer(200, { [ACAO]: 'http://localhost:{app-port}' }),
  },
  {
    id: 'get-port-out-of-range',
    family: 'invalid-value',
    method: 'GET',
    actual: answer(200, { [ACAO]: 'http://127.0.0.1:99999' }),
  },
  { id: 'get-empty-value', family: 'invalid-value', method: 'GET', actual: answer(200, { [ACAO]: '' }) },
  {
    id: 'get-subdomain-wildcard',
    family: 'invalid-value',
    method: 'GET',
    actual: answer(200, { [ACAO]: '*.127.0.0.1' }),
  },
  {
    id: 'get-scheme-wildcard',
    family: 'invalid-value',
    method: 'GET',
    actual: answer(200, { [ACAO]: 'http://*.example' }),
  },
  {
    id: 'get-star-and-origin',
    family: 'multiple-values',
    method: 'GET',
    actual: answer(200, { [ACAO]: ['*', '{app}'] }),
  },
  {
    id: 'pre-two-lines',
    family: 'multiple-values',
    method: 'PUT',
    preflight: answer(204, { [ACAO]: ['{app}', '{app}'], [ACAM]: 'PUT' }),
    actual: allow(),
  },
  {
    id: 'pre-scheme-mismatch',
    family: 'preflight-origin',
    method: 'PUT',
    preflight: answer(204, { [ACAO]: 'https://127.0.0.1:{app-port}', [ACAM]: 'PUT' }),
    actual: allow(),
  },
  {
    id: 'pre-empty-value',
    family: 'preflight-origin',
    method: 'PUT',
    preflight: answer(204, { [ACAO]: '', [ACAM]: 'PUT' }),
    actual: allow(),
  },
];

export const credentialed: CorsConfig[] = [
  {
    id: 'cred-acac-false',
    family: 'credentials',
    method: 'GET',
    credentials: inc,
    actual: allow({ [ACAC]: 'false' }),
  },
  {
    id: 'cred-acac-empty',
    family: 'credentials',
    method: 'GET',
    credentials: inc,
    actual: allow({ [ACAC]: '' }),
  },
  {
    id: 'cred-pre-acac-True',
    family: 'credentials',
    method: 'PUT',
    credentials: inc,
    preflight: pre({ [ACAC]: 'True', [ACAM]: 'PUT' }),
    actual: withCreds(),
  },
  {
    id: 'cred-pre-ok-actual-star',
    family: 'credentials',
    method: 'PUT',
    credentials: inc,
    preflight: pre({ [ACAC]: 'true', [ACAM]: 'PUT' }),
    actual: answer(200, { [ACAO]: '*', [ACAC]: 'true' }),
  },
  {
    id: 'xhr-cred-no-acac',
    family: 'credentials',
    api: 'xhr',
    method: 'GET',
    credentials: inc,
    actual: allow(),
  },
];

export const afterPreflight: CorsConfig[] = [
  {
    id: 'pre-ok-actual-two-values',
    family: 'multiple-values',
    method: 'PUT',
    preflight: pre({ [ACAM]: 'PUT' }),
    actual: answer(200, { [ACAO]: '{app}, {app}' }),
  },
  {
    id: 'pre-ok-actual-404-bare',
    family: 'hidden-server-error',
    method: 'PUT',
    preflight: pre({ [ACAM]: 'PUT' }),
    actual: answer(404),
  },
  {
    id: 'pre-ok-actual-redirect-bare',
    family: 'hidden-server-error',
    method: 'PUT',
    preflight: pre({ [ACAM]: 'PUT' }),
    actual: answer(307),
    redirect: { to: 'api', answer: allow() },
  },
];

export const hiddenErrors: CorsConfig[] = [
  { id: 'get-404-bare', family: 'hidden-server-error', method: 'GET', actual: answer(404) },
  { id: 'get-502-bare', family: 'hidden-server-error', method: 'GET', actual: answer(502) },
  {
    id: 'redirect-to-500-bare',
    family: 'hidden-server-error',
    method: 'GET',
    actual: answer(302, { [ACAO]: '{app}' }),
    redirect: { to: 'api', answer: answer(500) },
  },
  {
    id: 'redirect-to-other-404-bare',
    family: 'hidden-server-error',
    method: 'GET',
    actual: answer(302, { [ACAO]: '{app}' }),
    redirect: { to: 'other', answer: answer(404) },
  },
];
