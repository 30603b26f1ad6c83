// @vitest-environment happy-dom
/**
 * The tools (replay, real-time switch, channels, export, import, library, frames filter, row
 * menu) speak Russian once the language is switched, with their data filled in, and English
 * again after switching back; ids and data attributes stay the same in both.
 */
import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defineComponent, h, nextTick } from 'vue';
import { fakeBrowser } from 'wxt/testing';
import ChannelList from '~/components/channels/channel-list.vue';
import ContextMenu from '~/components/context-menu/context-menu.vue';
import { rowMenuItems } from '~/components/context-menu/row-menu-items';
import ExportDialog from '~/components/export/export-dialog.vue';
import { ruleKindLabel, ruleProblem } from '~/components/export/rule-problem';
import FramesFilter from '~/components/filter/frames-filter.vue';
import FileActions from '~/components/import/file-actions.vue';
import ImportReport from '~/components/import/import-report.vue';
import LibraryList from '~/components/library/library-list.vue';
import ReplayPanel from '~/components/replay/replay-panel.vue';
import RealtimeSwitch from '~/components/toggles/realtime-switch.vue';
import { useLocaleChoice } from '~/composables/i18n';
import { useRowContextMenu } from '~/composables/row-context-menu';
import { DEFAULT_FRAME_FILTER } from '~/core/filter/frames';
import type { ReplayResult } from '~/core/events';
import type { Channel, HttpRequest } from '~/core/model';
import { LIBRARY_CREATOR } from '~/stores/file-import';
import { useRecordingStore } from '~/stores/recording';
import { refreshEvents, snapshotEvents, socketEvents } from '../stores/fixtures/seed-events';

const { setChoice } = useLocaleChoice();
afterEach(() => setChoice('auto'));

const request: HttpRequest = {
  id: 'r9',
  source: 'cdp',
  url: 'http://api.test/api/auth/token/refresh/',
  method: 'POST',
  resourceType: 'fetch',
  startTime: 1000,
  endTime: 1010,
  firstSeq: 1,
  requestHeaders: { Authorization: 'Token old' },
  postData: '{}',
  state: 'failed',
  failure: {
    errorText: 'net::ERR_FAILED',
    cors: { corsError: 'HeaderDisallowedByPreflightResponse', failedParameter: 'authorization' },
  },
};

const result: ReplayResult = {
  kind: 'replay.result',
  replayId: 'replay:5',
  sourceRequestId: 'r9',
  url: request.url,
  method: 'POST',
  startTime: 2000,
  durationMs: 12.4,
  status: 200,
  statusText: 'OK',
  headers: {},
  body: '',
};

function button(wrapper: ReturnType<typeof mount>, text: string) {
  const found = wrapper.findAll('button').find((b) => b.text() === text);
  if (!found) throw new Error(`no button "${text}" in ${wrapper.text()}`);
  return found;
}

describe('replay in Russian', () => {
  it('labels the panel, the confirmation and the result, and switches back to English', async () => {
    setChoice('ru');
    const wrapper = mount(ReplayPanel, {
      props: {
        request,
        isRefresh: true,
        confirmed: false,
        replays: [{ result }],
        canAct: true,
        site: 'http://app.test',
        refreshPatterns: [],
      },
    });
    expect(wrapper.get('[data-testid="refresh-flag"]').text()).toBe('Распознан как обновление токена');
    expect(wrapper.get('[data-testid="refresh-patterns"] summary').text()).toBe(
      'Шаблоны обновления токена для http://app.test',
    );
    expect(wrapper.get('h4').text()).toBe('Повтор 1');
    expect(wrapper.get('[data-testid="replay-cors"] [data-testid="original"]').text()).toBe(
      'заблокирован: HeaderDisallowedByPreflightResponse (authorization)',
    );
    expect(wrapper.get('[data-testid="replay-cors"] [data-testid="replay"]').text()).toBe('разрешён');
    expect(wrapper.get('[data-testid="replay-time"] [data-testid="replay"]').text()).toBe('12 мс');
    expect(wrapper.get('[data-testid="replay-status"] th').text()).toBe('Статус');

    await button(wrapper, 'Повторить запрос…').trigger('click');
    expect(wrapper.get('#replay-dialog-title').text()).toBe('Повторить этот запрос со страницы?');
    expect(wrapper.get('[data-testid="rotation-warning"]').text()).toMatch(
      /^Refresh-токены могут быть одноразовыми/,
    );
    expect(wrapper.text()).toContain('Больше не спрашивать для этого сайта');
    button(wrapper, 'Повторить запрос');
    await button(wrapper, 'Отмена').trigger('click');
    expect(wrapper.emitted('send')).toBeUndefined();

    setChoice('en');
    await nextTick();
    expect(wrapper.get('[data-testid="refresh-flag"]').text()).toBe('Recognised as a token refresh');
    expect(wrapper.get('[data-testid="replay-cors"] [data-testid="replay"]').text()).toBe('passed');
    expect(wrapper.get('h4').text()).toBe('Replay 1');
  });
});

describe('real-time switch and channels in Russian', () => {
  it('says what is switched off, with Russian plurals, and the refusals counted', async () => {
    setChoice('ru');
    const wrapper = mount(RealtimeSwitch, {
      props: { allOff: false, blockedCount: 2, refusedCount: 3, canAct: true },
    });
    expect(wrapper.get('[data-testid="realtime-state"]').text()).toBe(
      'Каналы реального времени отключены частично: отключено 2 канала',
    );
    expect(wrapper.get('[data-testid="refused-count"]').text()).toBe('Отклонено: 3');
    expect(wrapper.get('button').text()).toBe('Отключить каналы реального времени');
    await wrapper.setProps({ blockedCount: 1 });
    expect(wrapper.get('[data-testid="realtime-state"]').text()).toBe(
      'Каналы реального времени отключены частично: отключён 1 канал',
    );
    await wrapper.setProps({ allOff: true });
    expect(wrapper.get('button').text()).toBe('Включить каналы реального времени');

    setChoice('en');
    await nextTick();
    expect(wrapper.get('[data-testid="realtime-state"]').text()).toBe(
      'Real-time off: WebSocket and EventSource are refused in this tab',
    );
    expect(wrapper.get('[data-testid="refused-count"]').text()).toBe('Refused: 3');
  });

  it('lists channel states and refusals in Russian; data-state does not change with the language', async () => {
    const closed: Channel = {
      id: 'ws1',
      source: 'cdp',
      transport: 'websocket',
      url: 'ws://app.test/ws/notifications/?token=a',
      createdTime: 0,
      firstSeq: 1,
      state: 'closed',
      closeCode: 4000,
      closeReason: 'Closed by Handshake: real-time switched off',
      frames: [],
      framesIn: 2,
      framesOut: 1,
      lastActivity: 10,
    };
    setChoice('ru');
    const wrapper = mount(ChannelList, {
      props: {
        channels: [closed],
        refused: [
          {
            transport: 'websocket',
            url: 'ws://app.test/ws/notifications/?token=b',
            count: 2,
            firstTime: 20,
            lastTime: 30,
          },
          {
            transport: 'websocket',
            url: 'ws://app.test/ws/notifications/?token=c',
            count: 1,
            firstTime: 40,
            lastTime: 50,
          },
        ],
        blocked: ['app.test/ws/notifications/'],
        allOff: false,
        origin: 0,
        canAct: true,
      },
    });
    const states = wrapper.findAll('[data-testid="channel-state"]').map((c) => c.text());
    expect(states).toEqual(['закрыт Handshake, код 4000', 'отклонён Handshake ×3']);
    expect(wrapper.findAll('[data-testid="channel-row"]').map((r) => r.attributes('data-state'))).toEqual([
      'closed',
      'refused',
    ]);
    expect(wrapper.findAll('th').map((th) => th.text())).toContain('Последняя активность');
    expect(wrapper.findAll('button')[1].text()).toBe('Включить');
    expect(wrapper.findAll('button')[1].attributes('aria-label')).toBe('Включить app.test/ws/notifications/');

    setChoice('en');
    await nextTick();
    expect(wrapper.findAll('[data-testid="channel-state"]').map((c) => c.text())).toEqual([
      'closed 4000 by Handshake',
      'refused by Handshake ×3',
    ]);
    expect(wrapper.findAll('button')[1].text()).toBe('Switch on');
  });

  it('shows the empty channel list in Russian', () => {
    setChoice('ru');
    const wrapper = mount(ChannelList, {
      props: { channels: [], refused: [], blocked: [], allOff: false, origin: 0, canAct: true },
    });
    expect(wrapper.text()).toMatch(/^Каналов WebSocket и EventSource пока нет/);
  });
});

describe('export in Russian', () => {
  const props = {
    manifest: {
      includeSecrets: false,
      keepJwtTimes: false,
      fired: [
        { rule: 'header:authorization', count: 3 },
        { rule: 'cookie', count: 5 },
      ],
      distinctSecrets: 2,
      userRules: [],
      suspects: [],
      dropped: [],
    },
    rules: [{ match: 'json-key' as const, pattern: 'tenantKey', label: 'tenantKey' }],
    includeSecrets: true,
    keepJwtTimes: false,
    format: 'har' as const,
    progress: { entriesDone: 40, entriesTotal: 121 },
    busy: true,
    error: null,
  };

  it('shows the summary, the rules, the opt-in warning and the progress in Russian', async () => {
    setChoice('ru');
    const wrapper = mount(ExportDialog, { props });
    expect(wrapper.get('#export-title').text()).toBe('Экспорт записи');
    expect(wrapper.get('[data-testid="redaction-summary"] p').text()).toMatch(
      /^2 уникальных секретных значения будут заменены заглушками/,
    );
    expect(wrapper.findAll('[data-testid="redaction-rule"]').map((r) => r.text())).toEqual([
      'header:authorization — 3 значения',
      'cookie — 5 значений',
    ]);
    expect(wrapper.text()).toContain('Ключ JSON tenantKey');
    expect(wrapper.get('.warning').text()).toMatch(/^Файл будет содержать действующие учётные данные/);
    expect(wrapper.get('[data-testid="export-progress"]').text()).toBe('Сохранение файла… 40 из 121 записи');
    expect(wrapper.get('.actions button').text()).toBe('Экспортировать с секретами');
    expect(wrapper.get('input[type="text"]').attributes('placeholder')).toBe('например, X-Tenant-Key');
    expect(wrapper.findAll('option').map((o) => o.text())).toEqual([
      'Имя заголовка',
      'Ключ JSON',
      'Параметр запроса или формы',
    ]);

    await wrapper.get('input[type="text"]').setValue('x-tenant-(');
    await wrapper.get('form').trigger('submit');
    expect(wrapper.get('form [role="alert"]').text()).toBe(
      '«x-tenant-(» — некорректный шаблон: экранируйте специальные символы, например ( [ * + ?',
    );

    // The refusal follows a language switch, as every label does.
    setChoice('en');
    await nextTick();
    expect(wrapper.get('form [role="alert"]').text()).toContain('"x-tenant-(" is not a valid pattern');
    expect(wrapper.get('[data-testid="export-progress"]').text()).toBe('Writing… 40 of 121 entries');
    expect(wrapper.get('.actions button').text()).toBe('Export with secrets');
  });

  it('words rule problems and kinds in the language asked, English by default', () => {
    expect(ruleProblem({ match: 'header', pattern: '', label: '' }, 'ru')).toBe(
      'Введите имя (или шаблон), значение которого нужно скрыть.',
    );
    expect(ruleProblem({ match: 'header', pattern: '', label: '' })).toBe(
      'Type a name (or a pattern) to redact.',
    );
    expect(ruleKindLabel('param', 'ru')).toBe('Параметр запроса или формы');
    expect(ruleKindLabel('param')).toBe('Query or form parameter');
  });
});

describe('files and library in Russian', () => {
  it('labels the file actions', () => {
    setChoice('ru');
    const wrapper = mount(FileActions, { props: { canExport: true, importing: false, libraryOpen: false } });
    expect(wrapper.findAll('button').map((b) => b.text())).toEqual([
      'Экспортировать…',
      'Сохранить отчёт',
      'Открыть файл…',
      'Сохранить в библиотеку',
      'Библиотека',
    ]);
    expect(wrapper.get('[data-testid="import-file"]').attributes('aria-label')).toBe('HAR-файл для импорта');
  });

  it('reports the skipped entries of an opened file, and names the library as its writer', async () => {
    setChoice('ru');
    const wrapper = mount(ImportReport, {
      props: {
        file: {
          name: 'app.har',
          creator: LIBRARY_CREATOR,
          warnings: [],
          skipped: [
            { index: 0, reason: 'no URL' },
            { index: 4, reason: 'no URL' },
          ],
        },
        canGoLive: true,
      },
    });
    expect(wrapper.get('.dim').text()).toBe('только чтение · создатель: библиотека записей Handshake');
    expect(wrapper.get('summary').text()).toBe('Пропущено 2 записи HAR');
    expect(wrapper.findAll('[data-testid="skipped-entry"]')[1].text()).toBe('Запись HAR 5: no URL');
    expect(wrapper.get('button').text()).toBe('Вернуться к текущей записи');

    setChoice('en');
    await nextTick();
    expect(wrapper.get('.dim').text()).toBe('read-only · written by Handshake library');
    expect(wrapper.get('summary').text()).toBe('2 skipped entries');
    expect(wrapper.findAll('[data-testid="skipped-entry"]')[1].text()).toBe('Entry 5: no URL');
  });

  it('lists saved recordings with sizes and event counts, and an empty library', async () => {
    setChoice('ru');
    const item = { id: 1, name: 'login bug', site: 'unknown', savedAt: 0, size: 2048, eventCount: 21 };
    const wrapper = mount(LibraryList, { props: { items: [item], error: null } });
    const cells = wrapper.findAll('[data-testid="library-item"] td').map((td) => td.text());
    expect(cells[1]).toBe('неизвестно');
    expect(cells[3]).toBe('2.0 КБ · 21 событие');
    expect(wrapper.findAll('button').map((b) => b.attributes('aria-label'))).toEqual([
      'Открыть login bug',
      'Экспортировать login bug',
      'Переименовать login bug',
      'Удалить login bug',
    ]);
    await wrapper.setProps({ items: [] });
    expect(wrapper.text()).toMatch(/^Сохранённых записей пока нет\. Нажмите «Сохранить в библиотеку»/);
  });
});

describe('frames filter in Russian', () => {
  it('labels the bar, counts frames and lists ignored patterns', async () => {
    setChoice('ru');
    const wrapper = mount(FramesFilter, {
      props: { filter: { ...DEFAULT_FRAME_FILTER }, shown: 1, total: 5, problems: ['/(/: bad'] },
    });
    expect(wrapper.get('[data-testid="frames-count"]').text()).toBe('1 из 5 сообщений');
    expect(wrapper.get('[data-testid="frames-text"]').attributes('placeholder')).toBe(
      'Фильтр сообщений: текст или /regex/',
    );
    expect(wrapper.findAll('option').map((o) => o.text())).toEqual(['Все', 'Отправленные', 'Полученные']);
    expect(wrapper.get('[data-testid="frames-problems"]').text()).toBe('Проигнорировано: /(/: bad');
    expect(wrapper.text()).toContain('Сворачивать служебные пинги');

    setChoice('en');
    await nextTick();
    expect(wrapper.get('[data-testid="frames-count"]').text()).toBe('1 of 5 frames');
  });
});

describe('row menu in Russian', () => {
  beforeEach(() => fakeBrowser.reset());

  it('builds the items in the language asked, actions unchanged', () => {
    const items = rowMenuItems({ type: 'request', canAct: true }, 'ru');
    expect(items.map((i) => i && [i.action, i.label])).toEqual([
      ['copy-url', 'Копировать URL'],
      ['copy-url-secrets', 'Копировать URL (с секретами)'],
      ['copy-fetch', 'Копировать как fetch'],
      ['copy-fetch-secrets', 'Копировать как fetch (с секретами)'],
      ['copy-curl', 'Копировать как cURL'],
      ['copy-curl-secrets', 'Копировать как cURL (с секретами)'],
      null,
      ['replay', 'Повторить запрос…'],
      ['mark-refresh', 'Отметить как обновление токена'],
    ]);
    expect(rowMenuItems({ type: 'channel', canAct: true }, 'ru').at(-1)?.label).toBe('Отключить этот канал');
  });

  it('says when a row has nothing to do', () => {
    setChoice('ru');
    const wrapper = mount(ContextMenu, {
      props: {
        items: [{ action: 'replay', label: 'Повторить запрос…', disabled: true }],
        x: 0,
        y: 0,
        label: 'Меню',
      },
      attachTo: document.body,
    });
    expect(wrapper.get('li.dim').text()).toBe('Для этой строки нет действий.');
    wrapper.unmount();
  });

  it('follows the language in its items and in what it announces', async () => {
    setActivePinia(createPinia());
    const recording = useRecordingStore();
    recording.recording.apply([...snapshotEvents(), ...refreshEvents(), ...socketEvents()]);
    recording.flush();
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async () => undefined },
    });
    let menu!: ReturnType<typeof useRowContextMenu>;
    mount(
      defineComponent({
        setup: () => (
          (menu = useRowContextMenu({ readOnly: () => false, openReplay: () => {} })),
          () => h('div')
        ),
      }),
    );
    setChoice('ru');
    menu.show({ type: 'request', id: 'r2' }, 0, 0);
    expect(menu.items.value[0]?.label).toBe('Копировать URL');
    await menu.pick('copy-curl');
    expect(menu.notice.value).toBe('Команда cURL скопирована.');
    setChoice('en');
    expect(menu.notice.value).toBe('Copied the cURL command.');
  });
});
