// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import CorsVerdict from '~/components/details/cors-verdict.vue';
import type { HttpRequest } from '~/core/model';
import { seedRecording } from '../fixtures';

function rowOf(wrapper: ReturnType<typeof mount>, table: string, name: string) {
  return wrapper
    .get(`table[aria-label="${table}"]`)
    .findAll('tr')
    .find((tr) => tr.find('th').exists() && tr.get('th').text() === name);
}

const ORIGIN = 'http://app.test';
const URL_ = 'http://api.test/api/items/1';

/** A HAR-shaped failure: no CDP verdict, the preflight answered without PUT. */
function harPair(allowMethods: string): { request: HttpRequest; preflight: HttpRequest } {
  const base = { source: 'har' as const, url: URL_, startTime: 0, firstSeq: 1, resourceType: 'fetch' };
  return {
    request: {
      ...base,
      id: 'a',
      method: 'PUT',
      requestHeaders: {},
      state: 'failed',
      failure: { errorText: 'net::ERR_FAILED' },
      preflightId: 'p',
    },
    preflight: {
      ...base,
      id: 'p',
      method: 'OPTIONS',
      resourceType: 'preflight',
      preflightFor: 'a',
      requestHeaders: { Origin: ORIGIN, 'Access-Control-Request-Method': 'PUT' },
      status: 204,
      responseHeaders: {
        'Access-Control-Allow-Origin': ORIGIN,
        'Access-Control-Allow-Methods': allowMethods,
      },
      state: 'done',
    },
  };
}

describe('CorsVerdict', () => {
  it("shows Chromium's verdict next to ours, basis CDP, with the decisive header highlighted", () => {
    const rec = seedRecording();
    const request = rec.requests.get('r2')!;
    const wrapper = mount(CorsVerdict, {
      props: { request, preflight: rec.requests.get(request.preflightId!) },
    });
    expect(rowOf(wrapper, 'CORS verdict', "Chromium's verdict")?.get('td').text()).toBe(
      'HeaderDisallowedByPreflightResponse (authorization)',
    );
    expect(rowOf(wrapper, 'CORS verdict', 'Our verdict (from headers)')?.get('td').text()).toBe(
      'HeaderDisallowedByPreflightResponse (authorization)',
    );
    expect(rowOf(wrapper, 'CORS verdict', 'Decided by')?.get('td').text()).toBe('basis: CDP');
    const decisive = rowOf(wrapper, 'CORS answer side', 'access-control-allow-headers');
    expect(decisive?.classes()).toContain('highlight');
    expect(rowOf(wrapper, 'CORS request side', 'access-control-request-headers')?.classes()).toContain(
      'highlight',
    );
    expect(wrapper.find('[data-testid="cors-disagreement"]').exists()).toBe(false);
  });

  it('judges a HAR request from its headers alone, and names a header that was not sent', () => {
    const { request, preflight } = harPair('GET');
    const wrapper = mount(CorsVerdict, { props: { request, preflight } });
    expect(rowOf(wrapper, 'CORS verdict', "Chromium's verdict")?.get('td').text()).toBe(
      'not reported (no CDP data)',
    );
    expect(rowOf(wrapper, 'CORS verdict', 'Our verdict (from headers)')?.get('td').text()).toBe(
      'MethodDisallowedByPreflightResponse (PUT)',
    );
    expect(rowOf(wrapper, 'CORS verdict', 'Decided by')?.get('td').text()).toBe('basis: headers');
    expect(rowOf(wrapper, 'CORS answer side', 'access-control-allow-methods')?.classes()).toContain(
      'highlight',
    );
    expect(wrapper.get('[data-testid="cors-decisive"]').text()).toBe(
      'Decisive header: access-control-allow-methods',
    );
  });

  it('says so when Chromium and the headers disagree', () => {
    const { request, preflight } = harPair('PUT');
    request.source = 'cdp';
    request.failure = {
      errorText: 'net::ERR_FAILED',
      cors: { corsError: 'PreflightMissingAllowOriginHeader', failedParameter: '' },
    };
    preflight.responseHeaders = { 'Access-Control-Allow-Origin': 'http://other.test' };
    const wrapper = mount(CorsVerdict, { props: { request, preflight } });
    expect(wrapper.get('[data-testid="cors-disagreement"]').text()).toContain(
      'Chromium saw the exchange itself',
    );
  });

  it('renders nothing for a request without a CORS failure', () => {
    const { request, preflight } = harPair('PUT');
    request.state = 'done';
    request.failure = undefined;
    expect(
      mount(CorsVerdict, { props: { request, preflight } }).find('[data-testid="cors-verdict"]').exists(),
    ).toBe(false);
  });
});
