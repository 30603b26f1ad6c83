/**
 * The auth/* and realtime/* rules, exception grouping, the text report and compilePatterns in
 * Russian: every text a user reads is Russian and still carries its data (the error message,
 * the URL, the counts), and nothing that identifies a finding changes with the language.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../../../core/events';
import type { Locale } from '../../../core/i18n';
import type { Finding } from '../../../core/model';
import { Recording } from '../../../core/reducer';
import { reportFindings } from '../../../core/report';
import { compilePatterns, findFindings } from '../../../core/rules';
import { groupExceptions } from '../../../core/rules/exception-groups';
import { API, SEED_STACK, corsRefreshFailure, eventLog, type EventLog, login, refresh } from '../events';

const CYRILLIC = /[а-яё]/i;
const MINE = /^(?:auth|realtime)\//;
const MESSAGE = 'Error: Auth context not provided';
const WS = 'ws://127.0.0.1:8000/ws/widgets/';

function demoEvents(name: string): RecordedEvent[] {
  return JSON.parse(readFileSync(`tests/fixtures/demo-recordings/${name}.json`, 'utf8')) as RecordedEvent[];
}

function recordingOf(events: readonly RecordedEvent[]): Recording {
  const rec = new Recording();
  rec.apply(events);
  return rec;
}

function findingsIn(events: readonly RecordedEvent[], locale: Locale): Finding[] {
  return findFindings(recordingOf(events), undefined, { locale }).filter((f) => MINE.test(f.ruleId));
}

/** What must not change with the language. */
function identity(f: Finding) {
  return {
    ruleId: f.ruleId,
    key: f.key,
    severity: f.severity,
    count: f.count,
    firstTime: f.firstTime,
    basis: f.basis,
    causedBy: f.causedBy,
    evidence: f.evidence.map((e) => [e.type, e.id]),
    occurrences: f.occurrences?.map((o) => [o.time, o.evidenceIds]),
    facts: f.facts.length,
    snippets: f.fixSnippets.length,
  };
}

/** Every text of a Russian finding is Russian. */
function expectRussian(f: Finding): void {
  const where = `${f.key}`;
  expect(f.title, `${where} title`).toMatch(CYRILLIC);
  expect(f.explanation, `${where} explanation`).toMatch(CYRILLIC);
  expect(f.fix, `${where} fix`).toMatch(CYRILLIC);
  for (const fact of f.facts) expect(fact.label, `${where} fact`).toMatch(CYRILLIC);
  for (const s of f.fixSnippets) expect(s.label, `${where} snippet`).toMatch(CYRILLIC);
  for (const o of f.occurrences ?? []) expect(o.label, `${where} occurrence`).toMatch(CYRILLIC);
}

/** Runs a log in both languages: same findings, the Russian ones in Russian. */
function both(events: readonly RecordedEvent[]): { en: Finding[]; ru: Finding[] } {
  const en = findingsIn(events, 'en');
  const ru = findingsIn(events, 'ru');
  expect(ru.map(identity)).toEqual(en.map(identity));
  for (const f of ru) expectRussian(f);
  return { en, ru };
}

const byRule = (findings: Finding[], ruleId: string) => findings.filter((f) => f.ruleId === ruleId);
const fact = (f: Finding | undefined, label: string) => f?.facts.find((x) => x.label === label)?.value;

function sockets(n: number, every: number, code: number): EventLog {
  const log = eventLog();
  for (let i = 0; i < n; i++) {
    log
      .at(i * every)
      .cdp({ kind: 'channel.created', channelId: `w${i}`, transport: 'websocket', url: WS })
      // The probe sees the socket too: its close event carries the code CDP lacks.
      .page({ kind: 'channel.created', channelId: `w${i}`, transport: 'websocket', url: WS })
      .at(i * every + 5)
      .page({ kind: 'channel.closed', channelId: `w${i}`, code, reason: '' });
  }
  return log;
}

describe('auth and real-time findings in Russian, on the recorded demo', () => {
  it('buggy: auth/context-missing and its cause, with the message, the script and the occurrences', () => {
    const { en, ru } = both(demoEvents('demo-buggy'));
    const [auth] = byRule(ru, 'auth/context-missing');
    expect(auth.title).toBe(`Код обратился к контексту авторизации до его создания: «${MESSAGE}»`);
    expect(auth.explanation).toContain('websocketService-');
    expect(auth.explanation).toContain('необработанное отклонение промиса');
    expect(auth.explanation).toContain('а ещё в 1 месте ту же ошибку перехватили');
    expect(fact(auth, 'Сообщение')).toBe(MESSAGE);
    expect(fact(auth, 'Скрипт')).toMatch(/^websocketService-[\w-]+\.js$/);
    expect(fact(auth, 'Не обработано')).toBe('да');
    expect(fact(auth, 'Что было до этого')).toBe(
      'ни один ответ авторизации, входа или выдачи токена ещё не был получен',
    );
    expect(fact(auth, 'Случаи')).toMatch(/^2: .*\(\+\d+ мс\)/);
    expect(fact(auth, 'Причина')).toContain('(realtime/socket-before-auth)');
    expect(auth.occurrences?.map((o) => o.label).sort()).toEqual([
      'Необработанное отклонение промиса',
      'Перехвачена и записана в консоль',
    ]);
    expect(auth.evidence.map((e) => e.label)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Консоль: Router error: Error: Auth context not provided/),
      ]),
    );
    expect(auth.fixSnippets[0].code).toContain('// было: export const websocketService');
    expect(auth.fixSnippets[0].code).toContain('export function createWebSocketService');
    // The code of a snippet without prose is the same in both languages.
    expect(auth.fixSnippets[1].code).toBe(byRule(en, 'auth/context-missing')[0].fixSnippets[1].code);

    const [early] = byRule(ru, 'realtime/socket-before-auth');
    expect(early.title).toMatch(
      /^Сервис канала реального времени в websocketService-[\w-]+\.js создан раньше/,
    );
    expect(early.explanation).toContain(`«${MESSAGE}»`);
    expect(early.explanation).toContain('/api/auth/login/ завершился в +');
    expect(early.evidence[0].label).toBe(`Выброшено при создании: ${MESSAGE}`);
    expect(early.evidence[1].label).toMatch(/→ 200 \(первый ответ авторизации\)$/);

    const [refresh] = byRule(ru, 'auth/refresh-failed');
    expect(refresh.title).toMatch(
      /^Не удалось обновить токен: POST \S+\/api\/auth\/token\/refresh\/ — отклонён CORS \(HeaderDisallowedByPreflightResponse: authorization\)$/,
    );
    expect(fact(refresh, 'Что последовало')).toBe('ничего не замечено');
  });

  it('fixed: no auth or socket finding in either language', () => {
    const { en, ru } = both(demoEvents('demo-fixed'));
    expect(ru.map((f) => f.ruleId)).toEqual(en.map((f) => f.ruleId));
    expect(byRule(ru, 'auth/context-missing')).toEqual([]);
  });

  it('scenarios: expired token, reconnect storm, refresh race, socket closed as unauthorised', () => {
    const expired = both(demoEvents('scenario-expired-token')).ru;
    const [token] = byRule(expired, 'auth/expired-token');
    expect(token.title).toMatch(
      /^Запрос отправлен с токеном, срок действия которого истёк за \d+ с до этого$/,
    );
    expect(token.explanation).toContain('/fixed/api/widgets/');
    expect(token.explanation).toContain('сервер отклонил 1 такой запрос с кодом 401/403');
    expect(fact(token, 'Субъект (sub)')).toBe('demo');
    expect(token.evidence[0].label).toMatch(/→ 401 \(токен истёк\)$/);

    const storm = both(demoEvents('scenario-reconnect-storm')).ru;
    const [reconnects] = byRule(storm, 'realtime/reconnect-storm');
    expect(reconnects.title).toMatch(/^ws:\/\/\S+\/ws\/widgets\/: 6 переподключений за \d+,\d с$/);
    expect(fact(reconnects, 'Коды закрытия')).toBe('4401 ×6');
    expect(fact(reconnects, 'Соединения')).toMatch(/^6 за \d+,\d с \(порог: 4 за 10 с\)$/);
    expect(reconnects.evidence[0].label).toMatch(/^\+\d+ мс ws:\/\/\S+ → 4401$/);
    const [closed] = byRule(storm, 'realtime/abnormal-close');
    expect(closed.title).toBe(
      'WebSocket закрыт с кодом 4401 («invalid token»): код приложения, аналог HTTP 401',
    );
    expect(closed.explanation).toContain('закрывался с кодом 4401 6 раз');
    expect(closed.evidence[0].label).toMatch(/^ws:\/\/\S+ закрыт с кодом 4401$/);

    const race = both(demoEvents('scenario-refresh-race')).ru;
    const [raced] = byRule(race, 'auth/refresh-race');
    expect(raced.title).toBe('Гонка между обновлениями токена');
    expect(raced.explanation).toMatch(/^2 обновления выполнялись одновременно\./);
    expect(raced.explanation).toContain('(здесь 1 запрос получил 401)');
    expect(fact(raced, 'Отклонено')).toBe('401');
    expect(raced.evidence.map((e) => e.label)).toEqual([
      expect.stringMatching(/ в \+\d+ мс → 200$/),
      expect.stringMatching(/ в \+\d+ мс → 401$/),
    ]);
    expect(byRule(race, 'auth/refresh-failed')[0].title).toMatch(/ — ответ HTTP 401$/);

    const unauthorized = both(demoEvents('scenario-socket-unauthorized')).ru;
    expect(byRule(unauthorized, 'realtime/abnormal-close')[0].explanation).toMatch(
      /закрыт с кодом 4401 в \+\d+ мс: код приложения, аналог HTTP 401: сервер не принял учётные данные/,
    );
  });
});

describe('auth and real-time findings in Russian, on built logs', () => {
  it('auth/context-missing handled later, after a login, logged by two callers', () => {
    const log = login(eventLog(), 0)
      .at(100)
      .page({
        kind: 'exception',
        surface: 'unhandledrejection',
        message: MESSAGE,
        stackText: SEED_STACK,
        exceptionId: 'r1',
      })
      .at(103)
      .page({ kind: 'exception', surface: 'console', message: `Router error: ${MESSAGE}` })
      .at(2000)
      .page({ kind: 'exception', surface: 'console', message: `Layout error: ${MESSAGE}` })
      .at(900)
      .page({ kind: 'exception.handled', exceptionId: 'r1' });
    const { en, ru } = both(log.events);
    const [auth] = byRule(ru, 'auth/context-missing');
    expect(fact(byRule(en, 'auth/context-missing')[0], 'Unhandled')).toBe('handled later');
    expect(fact(auth, 'Не обработано')).toBe('обработано позже');
    expect(auth.explanation).toContain(`хотя POST ${API}/api/auth/login/ уже завершился.`);
    expect(auth.explanation).toContain(
      'Позже страница обработала ошибку, а ещё в 2 местах ту же ошибку перехватили',
    );
    expect(fact(auth, 'Что было до этого')).toBe(`после завершения POST ${API}/api/auth/login/`);
    expect(auth.evidence[1].label).toMatch(/^Консоль: Router error: /);
  });

  it('realtime/socket-before-auth for sockets: opened early, and without credentials', () => {
    const early = both(
      login(eventLog(), 100)
        .at(20)
        .cdp({
          kind: 'channel.created',
          channelId: 'w1',
          transport: 'websocket',
          url: `${WS}?token=abc`,
        }).events,
    ).ru;
    const [socket] = byRule(early, 'realtime/socket-before-auth');
    expect(socket.title).toBe('Соединение WebSocket открыто раньше, чем была готова авторизация');
    expect(socket.explanation).toContain(
      `Соединение с ${WS}?token=abc открыто слишком рано: оно создано в +`,
    );
    expect(fact(socket, 'Учётные данные')).toBe('в URL');

    const bare = eventLog()
      .at(0)
      .cdp({ kind: 'channel.created', channelId: 'w1', transport: 'websocket', url: WS })
      // The probe sees the socket too: its close event carries the code CDP lacks.
      .page({ kind: 'channel.created', channelId: 'w1', transport: 'websocket', url: WS })
      .at(900)
      .cdp({ kind: 'channel.created', channelId: 'w2', transport: 'websocket', url: `${WS}?token=abc` });
    const [unsigned] = byRule(both(bare.events).ru, 'realtime/socket-before-auth');
    expect(unsigned.explanation).toContain('оно не передало учётных данных');
    expect(fact(unsigned, 'Учётные данные')).toBe('не замечены');
    expect(unsigned.evidence[1].label).toBe(`позже, с учётными данными: ${WS}?token=abc`);
  });

  it('auth/refresh-failed: CORS, and a 401 followed by a socket closed and another attempt', () => {
    const [cors] = byRule(both(corsRefreshFailure(eventLog()).events).ru, 'auth/refresh-failed');
    expect(fact(cors, 'Сбой')).toContain('отклонён CORS (HeaderDisallowedByPreflightResponse');
    expect(cors.fix).toContain('CORS');

    const log = refresh(eventLog(), 'r1', 0, 401);
    log
      .at(10)
      .cdp({ kind: 'channel.created', channelId: 'w1', transport: 'websocket', url: 'ws://x/ws/' })
      // The probe sees the socket too: its close event carries the code CDP lacks.
      .page({ kind: 'channel.created', channelId: 'w1', transport: 'websocket', url: 'ws://x/ws/' })
      .at(200)
      .page({ kind: 'channel.closed', channelId: 'w1', code: 4401, reason: 'invalid token' });
    refresh(log, 'r2', 500, 401);
    const [failed] = byRule(both(log.events).ru, 'auth/refresh-failed');
    expect(fact(failed, 'Что последовало')).toBe('1 сокет закрыт с кодом 4401; ещё 1 попытка обновления');
    expect(fact(failed, 'Неудачных попыток')).toBe('2');
    expect(failed.explanation).toMatch(
      /^В \+0 мс приложение попыталось обновить токен, результат запроса: ответ HTTP 401\./,
    );
    expect(failed.evidence.map((e) => e.id)).toEqual(['r1', 'r2', 'w1']);
    expect(failed.evidence[2].label).toBe('ws://x/ws/ закрыт с кодом 4401');
  });

  it('auth/refresh-race: a credential used again after a successful refresh', () => {
    const log = refresh(eventLog(), 'r1', 0, 200, 'Token t1');
    refresh(log, 'r2', 1000, 401, 'Token t1');
    const [race] = byRule(both(log.events).ru, 'auth/refresh-race');
    expect(race.explanation).toMatch(
      /^1 обновление предъявило учётные данные, уже использованные предыдущим успешным обновлением\./,
    );
    expect(race.evidence.map((e) => e.label)).toEqual([
      expect.stringMatching(/→ 401 \(учётные данные уже использованы\)$/),
    ]);
    expect(race.explanation).toContain('(здесь 1 запрос получил 401)');
    expect(fact(race, 'Повторно использованы учётные данные')).toBe('1');
  });

  it('realtime/abnormal-close explains 1006 and 1011 in Russian', () => {
    const [abnormal] = byRule(both(sockets(1, 0, 1006).events).ru, 'realtime/abnormal-close');
    expect(abnormal.title).toBe(
      'WebSocket закрыт с кодом 1006: аварийное закрытие без фрейма закрытия (close frame)',
    );
    expect(abnormal.fix).toContain('пинги');
    const [server] = byRule(both(sockets(2, 100, 1011).events).ru, 'realtime/abnormal-close');
    expect(server.explanation).toBe(
      `${WS} закрывался с кодом 1011 2 раза: внутренняя ошибка сервера: сервер столкнулся с непредвиденной ситуацией.`,
    );
    expect(fact(server, 'Соединений закрыто с этим кодом')).toBe('2');
  });

  it('realtime/reconnect-storm names sockets without a close code in Russian', () => {
    const log = eventLog();
    for (let i = 0; i < 5; i++)
      log
        .at(i * 100)
        .cdp({ kind: 'channel.created', channelId: `w${i}`, transport: 'websocket', url: WS })
        // The probe sees the socket too: its close event carries the code CDP lacks.
        .page({ kind: 'channel.created', channelId: `w${i}`, transport: 'websocket', url: WS })
        .at(i * 100 + 5)
        .page({ kind: 'channel.closed', channelId: `w${i}` });
    const [storm] = byRule(both(log.events).ru, 'realtime/reconnect-storm');
    expect(storm.title).toBe(`${WS}: 5 переподключений за 0,4 с`);
    expect(fact(storm, 'Коды закрытия')).toBe('без кода ×5');
  });
});

describe('exception groups, the report and pattern errors in Russian', () => {
  it('labels occurrences in the locale, the same occurrences in both', () => {
    const log = eventLog()
      .at(0)
      .cdp({ kind: 'exception', surface: 'unhandledrejection', message: MESSAGE, stackText: SEED_STACK })
      .cdp({ kind: 'exception', surface: 'error', message: MESSAGE, stackText: SEED_STACK });
    const rec = recordingOf(log.events);
    const en = groupExceptions(rec.exceptions.values(), []);
    const ru = groupExceptions(rec.exceptions.values(), [], 'ru');
    expect(ru.map((g) => g.occurrences.map((o) => o.kind))).toEqual(
      en.map((g) => g.occurrences.map((o) => o.kind)),
    );
    expect(en[0].occurrences.map((o) => o.label)).toEqual(['Unhandled rejection', 'Uncaught error']);
    expect(ru[0].occurrences.map((o) => o.label)).toEqual([
      'Необработанное отклонение промиса',
      'Неперехваченная ошибка',
    ]);
  });

  it('writes the text report in Russian', () => {
    const events = demoEvents('demo-buggy');
    const en = reportFindings(events);
    const ru = reportFindings(events, 'ru');
    expect(ru.findings.map((f) => f.key)).toEqual(en.findings.map((f) => f.key));
    expect(en.text).toMatch(/^\d+ events: \d+ requests, \d+ channels, \d+ exceptions\./);
    expect(ru.text).toMatch(
      /^\d+ событи[йея]: \d+ запрос(?:а|ов)?, \d+ канал(?:а|ов)?, \d+ исключени[йея]\./,
    );
    expect(ru.text).toContain('Как исправить: ');
    expect(ru.text).toContain('вердикт самого Chromium');
    expect(ru.text).not.toContain('Fix:');
    expect(reportFindings([], 'ru').text).toBe(
      '0 событий: 0 запросов, 0 каналов, 0 исключений.\n\nПроблем не найдено.',
    );
    expect(reportFindings([]).text).toBe(
      '0 events: 0 requests, 0 channels, 0 exceptions.\n\nNo problems found.',
    );
  });

  it('describes invalid patterns in Russian, with the engine’s reason as data', () => {
    const en = compilePatterns(['auth (context', '', 'ok']);
    const ru = compilePatterns(['auth (context', '', 'ok'], 'ru');
    expect(ru.patterns.map(String)).toEqual(en.patterns.map(String));
    expect(ru.errors[0]).toMatch(/^Шаблон "auth \(context" не является допустимым регулярным выражением: .+/);
    expect(ru.errors[0]).toContain(en.errors[0].split(': ').slice(1).join(': '));
    expect(ru.errors[1]).toBe('Шаблон "" пуст: он совпал бы с любым сообщением.');
  });
});
