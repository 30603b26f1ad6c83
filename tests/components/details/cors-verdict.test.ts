// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { nextTick } from 'vue';
import CorsVerdict from '~/components/details/cors-verdict.vue';
import { useLocaleChoice } from '~/composables/i18n';
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
    expect(rowOf(wrapper, 'CORS verdict', 'Decided by')?.get('td').text()).toBe("Chromium's verdict (CDP)");
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
    expect(rowOf(wrapper, 'CORS verdict', 'Decided by')?.get('td').text()).toBe(
      'the response headers (our analysis)',
    );
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

describe('CorsVerdict in Russian', () => {
  afterEach(() => useLocaleChoice().setChoice('auto'));

  it('shows the verdicts, the exchange and the decisive header in Russian', () => {
    useLocaleChoice().setChoice('ru');
    const { request, preflight } = harPair('GET');
    const wrapper = mount(CorsVerdict, { props: { request, preflight } });
    expect(wrapper.get('summary').text()).toBe('Вердикт CORS');
    expect(rowOf(wrapper, 'Вердикт CORS', 'Вердикт Chromium')?.get('td').text()).toBe(
      'не сообщён (нет данных CDP)',
    );
    // Chromium's error names stay as DevTools shows them.
    expect(rowOf(wrapper, 'Вердикт CORS', 'Наш вердикт (по заголовкам)')?.get('td').text()).toBe(
      'MethodDisallowedByPreflightResponse (PUT)',
    );
    expect(rowOf(wrapper, 'Вердикт CORS', 'Основание решения')?.get('td').text()).toBe(
      'заголовки ответа (наш анализ)',
    );
    expect(wrapper.findAll('h4').map((h) => h.text())).toEqual([
      'Что спросил предварительный запрос',
      'Что сервер ответил на предварительный запрос',
    ]);
    expect(rowOf(wrapper, 'CORS: сторона ответа', 'статус')?.get('td').text()).toBe('204');
    expect(rowOf(wrapper, 'CORS: сторона ответа', 'access-control-allow-methods')?.classes()).toContain(
      'highlight',
    );
    expect(wrapper.get('[data-testid="cors-decisive"]').text()).toBe(
      'Решающий заголовок: access-control-allow-methods',
    );
  });

  it('highlights the translated request rows and says a header was not sent', () => {
    useLocaleChoice().setChoice('ru');
    const { request } = harPair('GET');
    // The request's own side: a failure of the actual response, not the preflight.
    request.method = 'GET';
    request.requestHeaders = { Origin: ORIGIN };
    request.preflightId = undefined;
    request.status = 200;
    request.responseHeaders = {};
    const wrapper = mount(CorsVerdict, { props: { request } });
    expect(wrapper.findAll('h4').map((h) => h.text())).toEqual(['Запрос', 'Что ответил сервер']);
    expect(rowOf(wrapper, 'CORS: сторона запроса', 'метод')?.get('td').text()).toBe('GET');
    expect(rowOf(wrapper, 'CORS: сторона ответа', 'access-control-allow-origin')?.get('td').text()).toBe(
      '(не отправлен)',
    );
    expect(rowOf(wrapper, 'CORS: сторона запроса', 'origin')?.classes()).toContain('highlight');

    // A refused method whose preflight request headers were not recorded: the request's own
    // method row (translated) is the counterpart of the decisive header.
    const pair = harPair('GET');
    pair.preflight.requestHeaders = {};
    pair.request.requestHeaders = { Origin: ORIGIN };
    const methods = mount(CorsVerdict, { props: pair });
    expect(rowOf(methods, 'CORS: сторона запроса', 'метод')?.classes()).toContain('highlight');
  });

  it('says a disagreement in Russian, and the analyser warning too', () => {
    useLocaleChoice().setChoice('ru');
    const { request, preflight } = harPair('PUT');
    request.source = 'cdp';
    request.failure = {
      errorText: 'net::ERR_FAILED',
      cors: { corsError: 'PreflightMissingAllowOriginHeader', failedParameter: '' },
    };
    preflight.requestHeaders = {
      ...preflight.requestHeaders,
      'Access-Control-Request-Headers': 'authorization',
    };
    preflight.responseHeaders = {
      'Access-Control-Allow-Origin': ORIGIN,
      'Access-Control-Allow-Methods': 'PUT',
      'Access-Control-Allow-Headers': '*',
    };
    // Answered (not failed), so the analyser judges it as sent, without credentials: allowed.
    request.state = 'done';
    request.status = 200;
    request.responseHeaders = { 'Access-Control-Allow-Origin': ORIGIN };
    const wrapper = mount(CorsVerdict, { props: { request, preflight } });
    expect(wrapper.get('[data-testid="cors-disagreement"]').text()).toMatch(
      /^Вердикты Chromium и наш расходятся\./,
    );
    expect(rowOf(wrapper, 'Вердикт CORS', 'Наш вердикт (по заголовкам)')?.get('td').text()).toBe('разрешён');
    expect(rowOf(wrapper, 'Вердикт CORS', 'Основание решения')?.get('td').text()).toBe(
      'вердикт Chromium (CDP)',
    );
    expect(wrapper.get('p.dim').text()).toMatch(
      /^Access-Control-Allow-Headers: \* пропускает «authorization»/,
    );
  });

  it('switches language while mounted', async () => {
    const rec = seedRecording();
    const request = rec.requests.get('r2')!;
    const wrapper = mount(CorsVerdict, {
      props: { request, preflight: rec.requests.get(request.preflightId!) },
    });
    expect(rowOf(wrapper, 'CORS verdict', 'Decided by')?.get('td').text()).toBe("Chromium's verdict (CDP)");
    useLocaleChoice().setChoice('ru');
    await nextTick();
    expect(rowOf(wrapper, 'Вердикт CORS', 'Основание решения')?.get('td').text()).toBe(
      'вердикт Chromium (CDP)',
    );
    expect(rowOf(wrapper, 'CORS: сторона запроса', 'access-control-request-headers')?.classes()).toContain(
      'highlight',
    );
  });
});
