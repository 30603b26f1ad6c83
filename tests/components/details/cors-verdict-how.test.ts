// @vitest-environment happy-dom
/**
 * The CORS verdict box says how a verdict without the browser's was reached: from the response
 * headers, or inferred, and from what (a HAR file never carries Chromium's reason).
 */
import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { nextTick } from 'vue';
import CorsVerdict from '~/components/details/cors-verdict.vue';
import { useLocaleChoice } from '~/composables/i18n';
import type { HttpRequest } from '~/core/model';

const ORIGIN = 'http://app.test';

/** A GET as Chrome's HAR holds it: the response received, `net::ERR_FAILED`, no CORS reason. */
function refusedGet(responseHeaders: Record<string, string>, requestHeaders = {}): HttpRequest {
  return {
    id: 'g',
    source: 'har',
    url: 'http://api.test/api/me',
    method: 'GET',
    resourceType: 'fetch',
    startTime: 0,
    firstSeq: 1,
    requestHeaders: { Origin: ORIGIN, 'Sec-Fetch-Mode': 'cors', ...requestHeaders },
    status: 200,
    responseHeaders,
    state: 'failed',
    failure: { errorText: 'net::ERR_FAILED' },
  };
}

function howRow(wrapper: ReturnType<typeof mount>, name: string) {
  return wrapper
    .get('table[aria-label]')
    .findAll('tr')
    .find((tr) => tr.find('th').exists() && tr.get('th').text() === name)
    ?.get('td')
    .text();
}

describe('CorsVerdict: how we know', () => {
  afterEach(() => useLocaleChoice().setChoice('auto'));

  it('says a missing Allow-Origin was read from the response headers of a failed request', () => {
    const wrapper = mount(CorsVerdict, { props: { request: refusedGet({}) } });
    expect(howRow(wrapper, 'Our verdict (from headers)')).toBe('MissingAllowOriginHeader');
    expect(howRow(wrapper, 'How we know')).toBe(
      'from the response headers: the request failed (net::ERR_FAILED), and these headers fail this check whatever the credentials mode',
    );
  });

  it('says the credentials mode was inferred from the failure, in Russian too', async () => {
    const wrapper = mount(CorsVerdict, {
      props: { request: refusedGet({ 'Access-Control-Allow-Origin': '*' }) },
    });
    expect(howRow(wrapper, 'Our verdict (from headers)')).toBe('WildcardOriginNotAllowed');
    expect(howRow(wrapper, 'How we know')).toMatch(/^inferred: the credentials mode is "include"/);
    useLocaleChoice().setChoice('ru');
    await nextTick();
    expect(howRow(wrapper, 'Откуда это известно')).toMatch(/^выведено: режим учётных данных — «include»/);
  });

  it('has no such row for a request the answers allow', () => {
    const request = { ...refusedGet({ 'Access-Control-Allow-Origin': ORIGIN }), state: 'done' as const };
    request.failure = undefined;
    const wrapper = mount(CorsVerdict, { props: { request } });
    expect(wrapper.text()).not.toContain('How we know');
  });
});
