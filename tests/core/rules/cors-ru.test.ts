/**
 * The `cors/*` rules in Russian, on the recordings the English tests use: every title,
 * explanation, fix, fact and evidence label is Russian and still names the header, method,
 * origin and URL; rule ids, keys, evidence ids and the snippets' code do not change with language.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseCors } from '../../../core/cors/analyse';
import { importHarText } from '../../../core/har';
import type { Locale } from '../../../core/i18n';
import type { Finding } from '../../../core/model';
import { Recording } from '../../../core/reducer';
import { findFindings } from '../../../core/rules';
import { failure as failureLog } from '../cors/failure';
import {
  API,
  ORIGIN,
  REFRESH_URL,
  corsRefreshFailure,
  eventLog,
  type EventLog,
  corsConsoleOnlyFailure,
} from '../events';

const failure = (f: Parameters<typeof failureLog>[0]): EventLog['events'] => failureLog(f).events;

const CYRILLIC = /[а-яё]/i;

function corsFindings(events: EventLog['events'], locale: Locale): Finding[] {
  const rec = new Recording();
  rec.apply(events);
  return findFindings(rec, undefined, { locale }).filter((f) => f.ruleId.startsWith('cors/'));
}

const fact = (f: Finding, label: string) => f.facts.find((x) => x.label === label)?.value;

const ACAO = { 'Access-Control-Allow-Origin': ORIGIN };
const ITEMS = `${API}/api/items/1`;

/** Every family, on the fixtures of the English tests; `names` must appear in the Russian text. */
const CASES: Array<{ name: string; events: () => EventLog['events']; rule: string; names: string[] }> = [
  {
    name: 'the demo HAR Chrome exported (header refused)',
    events: () => importHarText(readFileSync('tests/cli/fixtures/demo-buggy-chrome.har', 'utf8')).events,
    rule: 'cors/header-not-allowed',
    names: ['authorization', '/api/auth/token/refresh/'],
  },
  {
    name: 'the seed failure from CDP with the console verdict',
    events: () =>
      corsRefreshFailure(eventLog())
        .at(26)
        .page({
          kind: 'request.start',
          requestId: 'page:1',
          url: REFRESH_URL,
          method: 'POST',
          headers: {},
          resourceType: 'fetch',
        })
        .at(27)
        .page({ kind: 'request.failed', requestId: 'page:1', errorText: 'TypeError: Failed to fetch' })
        .events,
    rule: 'cors/header-not-allowed',
    names: ['authorization', REFRESH_URL, ORIGIN],
  },
  {
    name: "Chromium's console text, no verdict on the failure",
    events: () => corsConsoleOnlyFailure().events,
    rule: 'cors/header-not-allowed',
    names: ['x-csrftoken', REFRESH_URL, ORIGIN],
  },
  {
    name: 'a 404 preflight without CORS headers',
    events: () => failure({ preflight: { status: 404, headers: {} } }),
    rule: 'cors/hidden-server-error',
    names: ['404', ITEMS],
  },
  {
    name: 'a 500 response without CORS headers',
    events: () => failure({ method: 'GET', response: { status: 500, headers: {} } }),
    rule: 'cors/hidden-server-error',
    names: ['500', ITEMS],
  },
  {
    name: 'a redirected preflight',
    events: () => failure({ preflight: { status: 301, headers: { Location: 'https://x/' } } }),
    rule: 'cors/hidden-server-error',
    names: ['301', ITEMS],
  },
  {
    name: 'a Private Network Access block',
    events: () =>
      failure({
        source: 'cdp',
        method: 'GET',
        cors: { corsError: 'InsecureLocalNetwork', failedParameter: '' },
      }),
    rule: 'cors/hidden-server-error',
    names: ['InsecureLocalNetwork', ITEMS],
  },
  {
    name: 'a method refused (listed in lower case)',
    events: () =>
      failure({
        preflight: { status: 204, headers: { ...ACAO, 'Access-Control-Allow-Methods': 'get, put' } },
      }),
    rule: 'cors/method-not-allowed',
    names: ['PUT', ITEMS, ORIGIN],
  },
  {
    name: 'a lower-case method fetch() does not normalise',
    events: () =>
      failure({
        method: 'patch',
        preflight: { status: 204, headers: { ...ACAO, 'Access-Control-Allow-Methods': 'PATCH' } },
      }),
    rule: 'cors/method-not-allowed',
    names: ['patch', 'PATCH', ITEMS, ORIGIN],
  },
  {
    name: 'credentials against a wildcard',
    events: () =>
      failure({ method: 'GET', response: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } } }),
    rule: 'cors/credentials',
    names: ['*', ITEMS, ORIGIN],
  },
  {
    name: 'credentials without Allow-Credentials',
    events: () =>
      failure({ method: 'GET', headers: { Cookie: 'a=1' }, response: { status: 200, headers: { ...ACAO } } }),
    rule: 'cors/credentials',
    names: ['Access-Control-Allow-Credentials', ITEMS, ORIGIN],
  },
  {
    name: 'an origin mismatch',
    events: () =>
      failure({
        method: 'GET',
        response: { status: 200, headers: { 'Access-Control-Allow-Origin': 'http://other.test' } },
      }),
    rule: 'cors/origin-mismatch',
    names: ['http://other.test', ITEMS, ORIGIN],
  },
  {
    name: 'a missing Allow-Origin on a 200 preflight',
    events: () => failure({ preflight: { status: 204, headers: { 'Access-Control-Allow-Methods': 'PUT' } } }),
    rule: 'cors/origin-mismatch',
    names: ['Access-Control-Allow-Origin', ITEMS, ORIGIN],
  },
  {
    name: 'a 403 preflight',
    events: () =>
      failure({ preflight: { status: 403, headers: { ...ACAO, 'Access-Control-Allow-Methods': 'PUT' } } }),
    rule: 'cors/preflight-status',
    names: ['403', ITEMS],
  },
  {
    name: 'an unparsable allow list',
    events: () =>
      failure({
        preflight: { status: 204, headers: { ...ACAO, 'Access-Control-Allow-Methods': 'GET; PUT' } },
      }),
    rule: 'cors/invalid-allow-list',
    names: ['Access-Control-Allow-Methods', 'GET; PUT', ITEMS],
  },
  {
    name: "Chromium's verdict against ours",
    events: () =>
      failure({
        source: 'cdp',
        preflight: { status: 204, headers: { 'Access-Control-Allow-Methods': 'PUT' } },
        cors: { corsError: 'MethodDisallowedByPreflightResponse', failedParameter: 'PUT' },
      }),
    rule: 'cors/method-not-allowed',
    names: ['PUT', ITEMS, ORIGIN],
  },
];

/** English words of the catalogs' prose: a Russian value must not carry any of them. */
const ENGLISH_WORDS =
  /\b(?:the|not|no|none|nothing|unknown|allowed|answer|captured|sent|failed|missing|absent|this|origin|preflight|Console|blocked|rejected|differs|shown|recorded)\b/;

describe('cors/* rules in Russian', () => {
  for (const c of CASES) {
    it(`${c.name}: ${c.rule}, Russian text with the same ids`, () => {
      const en = corsFindings(c.events(), 'en');
      const ru = corsFindings(c.events(), 'ru');
      expect(en.map((f) => f.ruleId)).toEqual([c.rule]);
      expect(ru.map((f) => f.ruleId)).toEqual([c.rule]);
      const [e] = en;
      const [r] = ru;

      // Identity never changes with language.
      expect(r.key).toBe(e.key);
      expect(r.severity).toBe(e.severity);
      expect(r.basis).toBe(e.basis);
      expect(r.count).toBe(e.count);
      expect(r.firstTime).toBe(e.firstTime);
      expect(r.evidence.map((x) => [x.type, x.id])).toEqual(e.evidence.map((x) => [x.type, x.id]));

      for (const field of ['title', 'explanation', 'fix'] as const) {
        expect(r[field], field).toMatch(CYRILLIC);
        expect(r[field], field).not.toBe(e[field]);
        expect(r[field], field).not.toMatch(/\b(?:the|was|server|browser)\b/i);
      }
      const text = `${r.title}\n${r.explanation}\n${r.fix}`;
      for (const name of c.names) expect(text, name).toContain(name);

      // Facts: the same rows; labels Russian; word values Russian, data (URLs, codes) as is.
      expect(r.facts).toHaveLength(e.facts.length);
      r.facts.forEach((fr, i) => {
        const fe = e.facts[i];
        expect(fr.label, fe.label).toMatch(CYRILLIC);
        if (ENGLISH_WORDS.test(fe.value)) expect(fr.value, fe.value).toMatch(CYRILLIC);
        else expect(fr.value).toBe(fe.value);
        expect(fr.value).not.toMatch(ENGLISH_WORDS);
      });

      // Evidence labels: words translated, request lines as they are.
      r.evidence.forEach((xr, i) => {
        const xe = e.evidence[i];
        if (ENGLISH_WORDS.test(xe.label)) expect(xr.label, xe.label).toMatch(CYRILLIC);
        else expect(xr.label).toBe(xe.label);
      });

      // Snippets: the frameworks' names as labels, the same code, prose comments translated.
      expect(r.fixSnippets.map((s) => s.label)).toEqual(e.fixSnippets.map((s) => s.label));
      r.fixSnippets.forEach((sr, i) => {
        const se = e.fixSnippets[i];
        const code = (s: string) =>
          s.split('\n').filter((l) => !/^\s*(?:#|\/\/)/.test(l) || /settings\.py/.test(l));
        const uncommented = (s: string) => s.replace(/\s*\/\/ [^\n]*$/gm, '');
        expect(code(uncommented(sr.code))).toEqual(code(uncommented(se.code)));
        const comments = sr.code
          .split('\n')
          .filter((l) => /^\s*(?:#|\/\/)/.test(l) && !/settings\.py/.test(l));
        for (const line of comments) expect(line).toMatch(CYRILLIC);
      });
    });
  }

  it('writes the seed failure in Russian exactly', () => {
    const [f] = corsFindings(CASES[1].events(), 'ru');
    expect(f.title).toBe(
      'Сервер отклонил заголовок запроса «authorization» в ответе на предварительный запрос CORS',
    );
    expect(f.explanation).toContain(
      `Перед отправкой POST ${REFRESH_URL} браузер отправил предварительный запрос`,
    );
    expect(f.explanation).toContain('Страница увидела только «TypeError: Failed to fetch»');
    expect(f.fix).toMatch(
      /^Исправлять нужно на сервере: добавьте «authorization» в Access-Control-Allow-Headers/,
    );
    expect(fact(f, 'Запрос')).toBe(`POST ${REFRESH_URL}`);
    expect(fact(f, 'Предварительный запрос')).toBe(`OPTIONS ${REFRESH_URL} → 200`);
    expect(fact(f, 'Запрещённый заголовок')).toBe('authorization');
    expect(fact(f, 'Источник запроса')).toBe(ORIGIN);
    expect(fact(f, 'Основание решения')).toBe('браузер (CDP)');
    expect(f.evidence.map((e) => e.label)).toContain(
      'POST /api/auth/token/refresh/ — preflight-запрос отклонил «authorization»',
    );
    const [fromConsole] = corsFindings(CASES[2].events(), 'ru');
    expect(fromConsole.evidence.find((e) => e.type === 'log')?.label).toBe(
      'Консоль: заблокировано политикой CORS («x-csrftoken»)',
    );
    expect(fact(fromConsole, 'Предварительный запрос')).toBe('не записан');
  });

  it('words each variant of a family in Russian', () => {
    const [notFound] = corsFindings(CASES[3].events(), 'ru');
    expect(notFound.title).toBe(
      'Ошибка сервера 404 в ответе на предварительный запрос (OPTIONS), которую браузер выдал за ошибку CORS',
    );
    expect(notFound.explanation).toMatch(
      /^На самом деле это не проблема CORS: предварительный запрос \(OPTIONS\)/,
    );
    expect(fact(notFound, 'Отчёт браузера')).toBe('PreflightMissingAllowOriginHeader ()');

    const [lower] = corsFindings(CASES[8].events(), 'ru');
    expect(lower.fix).toContain('либо отправляйте с клиента «PATCH», либо разрешите в точности «patch»');
    const [upper] = corsFindings(CASES[7].events(), 'ru');
    expect(upper.fix).toContain('сравнение учитывает регистр');
    expect(fact(upper, 'Сервер разрешил')).toBe('get, put');

    const [wildcard] = corsFindings(CASES[9].events(), 'ru');
    expect(wildcard.title).toBe(
      'Сервер ответил Access-Control-Allow-Origin: * на запрос с учётными данными (credentials)',
    );
    const [noCreds] = corsFindings(CASES[10].events(), 'ru');
    expect(noCreds.title).toBe(
      'Сервер не разрешил учётные данные (Access-Control-Allow-Credentials: отсутствует)',
    );
    expect(noCreds.explanation).toContain('а этого заголовка не было');
    expect(fact(noCreds, 'Allow-Credentials в ответе')).toBe('ничего');

    const [missing] = corsFindings(CASES[12].events(), 'ru');
    expect(missing.title).toBe(`Сервер не разрешил доступ для ${ORIGIN} (ответ на предварительный запрос)`);
    expect(missing.fix).toContain(
      'в ответе на предварительный запрос. Со стороны клиента это изменить нельзя.',
    );

    const [status] = corsFindings(CASES[13].events(), 'ru');
    expect(status.title).toBe('На предварительный запрос CORS сервер ответил 403, а не 2xx');

    const [disagree] = corsFindings(CASES[15].events(), 'ru');
    expect(fact(disagree, 'Вердикт Chromium')).toBe('MethodDisallowedByPreflightResponse (PUT)');
    expect(fact(disagree, 'Наш вердикт (по заголовкам)')).toBe('PreflightMissingAllowOriginHeader ()');
    expect(fact(disagree, 'Расхождение')).toBe(
      'Вердикт Chromium отличается от нашего; показан вердикт Chromium.',
    );
  });

  it('translates the prose comments of the server snippets and keeps their code', () => {
    const [f] = corsFindings(CASES[7].events(), 'ru');
    const snippet = (label: string) => f.fixSnippets.find((s) => s.label === label)?.code ?? '';
    expect(snippet('nginx')).toContain('# в location, который отвечает и на OPTIONS, и на сам запрос');
    expect(snippet('nginx')).toContain('add_header Access-Control-Allow-Methods "GET, POST, PUT" always;');
    expect(snippet('Spring')).toMatch(/^\/\/ в вашем бине CorsConfigurationSource\n/);
    expect(snippet('ASP.NET Core')).toMatch(/\/\/ и app\.UseCors\(\); перед app\.MapControllers\(\);$/);
    const [seed] = corsFindings(CASES[1].events(), 'ru');
    const seedSpring = seed.fixSnippets.find((s) => s.label === 'Spring')?.code ?? '';
    expect(seedSpring).toContain('// или глобально: corsConfiguration.setAllowedHeaders(List.of(');
  });

  it("words the analyser's warnings in the locale asked for, English by default", () => {
    const exchange = {
      request: {
        method: 'GET',
        url: `${API}/x`,
        headers: { Authorization: 'Bearer a' },
        credentials: 'same-origin' as const,
        origin: ORIGIN,
      },
      preflight: { status: 204, headers: { ...ACAO, 'Access-Control-Allow-Headers': '*' } },
      responses: [],
    };
    expect(analyseCors(exchange).warnings.join(' ')).toMatch(/never covers Authorization/);
    const [warning] = analyseCors(exchange, 'ru').warnings;
    expect(warning).toMatch(CYRILLIC);
    expect(warning).toContain('«authorization»');
  });
});
