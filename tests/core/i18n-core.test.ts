/**
 * The core's own texts outside the rules — HAR import errors, warnings and skip reasons, the
 * filter language's problems, redaction summaries — in Russian, from real inputs, and still
 * the same English by default.
 */
import { describe, expect, it } from 'vitest';
import { compileFrameFilter, DEFAULT_FRAME_FILTER, FrameView } from '~/core/filter/frames';
import { parseFilter } from '~/core/filter/parse';
import {
  HarImportError,
  harNoticeText,
  harSkipReason,
  importHar,
  importHarText,
  previewRedaction,
  type HarNotice,
} from '~/core/har';
import { LiveHarEntries } from '~/core/har/live-entries';
import { describeRemoval, redactionRuleProblem, type RedactionManifest } from '~/core/redact';

const CYRILLIC = /[а-яё]/i;

/** A HAR 1.1 file: one good entry, one without a URL, one without a date, a channel with a bad message. */
function messyHar(): string {
  return JSON.stringify({
    log: {
      version: '1.1',
      creator: { name: 'Test', version: '1' },
      entries: [
        {
          startedDateTime: '2026-11-26T10:00:00.000Z',
          time: 5,
          request: { method: 'GET', url: 'https://api.test/a', headers: [] },
          response: { status: 200, headers: [] },
        },
        { startedDateTime: '2026-11-26T10:00:01.000Z', request: { method: 'GET' }, response: {} },
        { request: { method: 'GET', url: 'https://api.test/b' }, response: { status: 200 } },
        {
          startedDateTime: '2026-11-26T10:00:02.000Z',
          _resourceType: 'websocket',
          request: { method: 'GET', url: 'wss://api.test/ws' },
          response: { status: 101 },
          _webSocketMessages: [{ type: 'send', time: 1, opcode: 1, data: 'hi' }, { nope: true }],
        },
      ],
    },
  });
}

async function errorOf(promise: Promise<unknown>): Promise<HarImportError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HarImportError) return error;
    throw error;
  }
  throw new Error('no error');
}

describe('HAR import in Russian', () => {
  it('says why a file is not HAR, with the parser’s own words kept', async () => {
    const broken = await errorOf(importHar('{"log": {"entries": [', { locale: 'ru' }));
    expect(broken.code).toBe('invalidJson');
    expect(broken.message).toMatch(/^Это не HAR-файл: это некорректный JSON \(.+\)\. Возможно, файл обрезан/);
    expect(broken.localized('en')).toMatch(/^This is not a HAR file: it is not valid JSON \(.+\)\./);
    expect(broken.params.why).toBeTruthy();
    expect(broken.localized('en')).toContain(broken.params.why);

    const html = await errorOf(importHar('<html></html>', { locale: 'ru' }));
    expect(html.message).toBe(
      'Это не HAR-файл: похоже, это HTML или XML. Сохраните запись на панели «Сеть» (Network) ' +
        'командой «Save all as HAR» («Сохранить всё в формате HAR»).',
    );
    const gzip = await errorOf(importHar(new Uint8Array([0x1f, 0x8b, 8, 0]), { locale: 'ru' }));
    expect(gzip.message).toMatch(/^Файл сжат gzip/);
    expect(() => importHarText('', { locale: 'ru' })).toThrow('Файл пуст: в нём нет HAR.');
    expect(() => importHarText('{"log": {}}', { locale: 'ru' })).toThrow(
      'Это не HAR-файл: в "log" нет списка "entries".',
    );
  });

  it('stays English by default, with a code the UI can render in Russian later', async () => {
    const error = await errorOf(importHar('[1, 2]'));
    expect(error.message).toBe('This is not a HAR file: a HAR file is JSON that starts with {"log": …}.');
    expect(error.code).toBe('notJson');
    expect(error.localized('ru')).toBe(
      'Это не HAR-файл: HAR-файл — это JSON, который начинается с {"log": …}.',
    );
    // An error made from a message alone (a broken gzip stream in the panel) keeps its message.
    expect(new HarImportError('as given').localized('ru')).toBe('as given');
    expect(HarImportError.of('unreadable', { why: 'EIO' }, 'ru').message).toBe(
      'Не удалось прочитать файл (EIO). Возможно, он повреждён или обрезан.',
    );
  });

  it('writes warnings and skip reasons in Russian, and keeps their codes', async () => {
    const ru = await importHar(messyHar(), { locale: 'ru' });
    expect(ru.skipped).toEqual([{ index: 1, reason: 'request.url отсутствует или пуст', code: 'noUrl' }]);
    expect(ru.warnings).toEqual([
      'В файле указана версия HAR 1.1; он прочитан как HAR 1.2 (нужные нам поля в них совпадают).',
      '1 запись без корректного startedDateTime: такие записи помещены после предшествующих им.',
      'Пропущено записей: 1 из 4 (см. список).',
      'Пропущено некорректных сообщений WebSocket/SSE: 1.',
    ]);
    const en = importHarText(messyHar());
    expect(en.warnings).toEqual([
      'The file says HAR 1.1; read as HAR 1.2 (the fields we use are the same).',
      '1 entries have no valid startedDateTime; they are placed after the entry before them.',
      '1 of 4 entries were skipped (see the list).',
      '1 WebSocket/SSE messages were malformed and left out.',
    ]);
    expect(en.skipped[0]).toMatchObject({ reason: 'request.url is missing or empty', code: 'noUrl' });
    // The codes give the same sentences in either language.
    expect(en.notices.map((n) => harNoticeText(n, 'ru'))).toEqual(ru.warnings);
    expect(ru.notices.map((n) => harNoticeText(n))).toEqual(en.warnings);
    expect(harSkipReason('notObject', 'ru')).toBe('запись не является объектом');
  });

  it('names every notice in Russian with its numbers', () => {
    const notices: HarNotice[] = [
      { code: 'noVersion' },
      { code: 'undated', count: 5 },
      { code: 'refusedExtras', count: 3 },
    ];
    expect(notices.map((n) => harNoticeText(n, 'ru'))).toEqual([
      'В файле не указана версия HAR; он прочитан как HAR 1.2.',
      '5 записей без корректного startedDateTime: такие записи помещены после предшествующих им.',
      'Пропущено некорректных служебных элементов Handshake из файла: 3.',
    ]);
  });

  it('gives a live entry’s skip reason in the feed’s language', () => {
    const skipped = new LiveHarEntries('ru').add({ request: { url: 'https://a.test/' } });
    expect(skipped).toMatchObject({ skipped: 'request.method отсутствует', skippedCode: 'noMethod' });
    expect(new LiveHarEntries().add(42).skipped).toBe('the entry is not an object');
  });
});

describe('the filter language in Russian', () => {
  it('says why each term was left out, the term as typed', () => {
    const { terms, problems } = parseFilter(
      '-domain:*.cdn.test /re(fresh/ status-code:abc is:nope larger-than:lots -method: method:post',
      'ru',
    );
    expect(terms.map((t) => t.kind)).toEqual(['domain', 'method']);
    expect(problems).toEqual([
      '/re(fresh/ — некорректное регулярное выражение',
      'status-code:abc — нужен код статуса, например 404 или 4xx',
      'is:nope — ожидается is:failed или is:cors',
      'larger-than:lots — нужен размер, например 500, 10k или 1M',
      '-method: — для method нужно значение',
    ]);
    expect(parseFilter('is:nope').problems).toEqual(['is:nope — expected is:failed or is:cors']);
  });

  it('reports a frames filter’s bad pattern in Russian', () => {
    const filter = { ...DEFAULT_FRAME_FILTER, text: '/(/', heartbeatPatterns: ['(unclosed'] };
    expect(compileFrameFilter(filter, 'ru').problems).toEqual([
      '/(/ — некорректное регулярное выражение',
      '(unclosed — некорректный шаблон служебных пингов (heartbeat)',
    ]);
    expect(new FrameView(filter, new Set(), 'ru').problems).toHaveLength(2);
    expect(new FrameView(filter).problems[1]).toBe('(unclosed — not a valid heartbeat pattern');
  });
});

describe('redaction in Russian', () => {
  it('sums up what an export of a real recording removed', () => {
    const { events } = importHarText(
      JSON.stringify({
        log: {
          version: '1.2',
          entries: [
            {
              startedDateTime: '2026-11-26T10:00:00.000Z',
              request: {
                method: 'GET',
                url: 'https://api.test/me?access_token=abcdefgh123',
                headers: [{ name: 'Authorization', value: 'Bearer eyJhbGciOi.eyJzdWIiOiIxIn0.c2ln' }],
              },
              response: { status: 200, headers: [] },
            },
          ],
        },
      }),
    );
    const manifest = previewRedaction(events);
    expect(manifest.distinctSecrets).toBe(2);
    const ru = describeRemoval(manifest, 'ru');
    expect(ru).toMatch(/^скрыто уникальных секретов: 2; сработавшие правила: .*header:authorization ×1/);
    expect(describeRemoval(manifest)).toMatch(/^removed 2 distinct secrets: .*header:authorization ×1/);
    const none: RedactionManifest = { ...manifest, fired: [], distinctSecrets: 0 };
    expect(describeRemoval(none, 'ru')).toBe('скрыто уникальных секретов: 0; секреты не найдены');
    expect(describeRemoval(none)).toBe('removed 0 distinct secrets: none found');
  });

  it('says why a rule cannot be added', () => {
    expect(redactionRuleProblem({ pattern: ' ' }, 'ru')).toBe(
      'Введите имя (или шаблон), значение которого нужно скрыть.',
    );
    expect(redactionRuleProblem({ pattern: 'x-(' }, 'ru')).toBe(
      '«x-(» — некорректный шаблон: экранируйте специальные символы, например ( [ * + ?',
    );
    expect(redactionRuleProblem({ pattern: 'x-(' })).toBe(
      '"x-(" is not a valid pattern: escape special characters such as ( [ * + ?',
    );
    expect(redactionRuleProblem({ pattern: 'x-tenant' }, 'ru')).toBeNull();
    expect(CYRILLIC.test(redactionRuleProblem({ pattern: '' }, 'ru') ?? '')).toBe(true);
  });
});
