// @vitest-environment happy-dom
/**
 * The main panel in Russian: toolbar, capture status, findings, timeline, details and the time
 * axis switch language at runtime (no remount), and switching back restores the English.
 */
import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nextTick } from 'vue';
import { formatOffset, formatSize, sourceLabel } from '~/components/format';
import PanelApp from '~/components/panel-app.vue';
import { buildStory } from '~/components/story/story-lanes';
import { timelineRowSource } from '~/components/timeline/timeline-rows';
import CaptureStatus from '~/components/toolbar/capture-status.vue';
import FramesTable from '~/components/details/frames-table.vue';
import { useLocaleChoice } from '~/composables/i18n';
import type { RecordedEvent } from '~/core/events';
import type { RecorderStatus } from '~/core/protocol';
import { useRecordingStore } from '~/stores/recording';
import { FakeRecorderLink, manualFrames } from '../stores/fixtures/fake-recorder-link';
import { refreshEvents, snapshotEvents, socketEvents, status, TAB_ID } from '../stores/fixtures/seed-events';
import { Recording } from '~/core/reducer';
import { seedRecording } from './fixtures';

const language = useLocaleChoice();

async function mountPanel(snapshot?: { status: RecorderStatus; events: RecordedEvent[] }) {
  const link = new FakeRecorderLink();
  const frames = manualFrames();
  const store = useRecordingStore();
  store.attach(link, TAB_ID, { scheduleFrame: frames.schedule });
  if (snapshot) link.deliver({ type: 'snapshot', ...snapshot });
  frames.run();
  const wrapper = mount(PanelApp, { attachTo: document.body });
  return { wrapper, link, store, frames };
}

/** Switches language and lets the store re-derive the findings and the panel re-render. */
async function switchTo(choice: 'ru' | 'en', frames: { run(): void }) {
  language.setChoice(choice);
  await nextTick();
  frames.run();
  await nextTick();
}

/** English words that must not survive in the Russian panel (from the toolbar, findings, details). */
const ENGLISH = [
  'Not recording',
  'Recording',
  'Browser capture',
  'Dropped',
  'Record and reload',
  'Channels (',
  'Time axis',
  'Evidence',
  'Facts',
  'General',
  'Request headers',
  'Response headers',
  'Preflight request headers',
  'No response body',
];

describe('the panel in Russian', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    document.body.replaceChildren();
  });
  afterEach(() => language.setChoice('auto'));

  it('switches the toolbar, status, findings, timeline and details, and back', async () => {
    const { wrapper, store, frames } = await mountPanel({
      status: status(true),
      events: [...snapshotEvents(), ...refreshEvents(), ...socketEvents()],
    });
    expect(wrapper.get('[data-testid="recording-state"]').text()).toBe('Recording');

    await switchTo('ru', frames);
    // Toolbar and capture status.
    expect(wrapper.get('.toolbar').attributes('aria-label')).toBe('Запись');
    const stop = wrapper.get('button[aria-label="Остановить"]');
    expect(stop.attributes('title')).toBe('Остановить запись');
    expect(stop.text()).toBe('Остановить');
    expect(wrapper.get('button[aria-label="Записать с перезагрузкой"]').text()).toBe(
      'Записать с перезагрузкой',
    );
    expect(wrapper.get('button[aria-label="Очистить"]').attributes('title')).toBe('Очистить запись');
    expect(wrapper.get('[data-testid="recording-state"]').text()).toBe('Идёт запись');
    expect(wrapper.get('[data-testid="cdp-state"]').text()).toBe('Захват через браузер: подключён');
    const dropped = wrapper.get('[data-testid="dropped-count"]');
    expect(dropped.text()).toBe('Потеряно: 5');
    expect(dropped.attributes('title')).toBe(
      'Отклонено некорректных или слишком больших сообщений страницы: 2; потеряно событий до начала записи: 3',
    );

    // Findings: the strip, the expanded body's headings, the severity's name.
    expect(wrapper.get('section.findings').attributes('aria-label')).toBe('Проблемы');
    const finding = wrapper.get('[data-rule-id="cors/header-not-allowed"]');
    expect(finding.get('.severity-icon').attributes('aria-label')).toBe('ошибка');
    await finding.get('button.finding-summary').trigger('click');
    const headings = wrapper.findAll('[data-rule-id="cors/header-not-allowed"] h4').map((h) => h.text());
    expect(headings).toEqual(expect.arrayContaining(['Как исправить', 'Доказательства']));
    expect(headings).not.toContain('Fix');

    // Layout controls and the timeline.
    expect(wrapper.get('.view-switch').attributes('aria-label')).toBe('Вид хронологии');
    expect(wrapper.findAll('.view-switch button').map((b) => b.text())).toEqual([
      'Список',
      'Временная шкала',
    ]);
    expect(wrapper.get('details.channels summary').text()).toBe('Каналы (1)');
    expect(wrapper.get('[role="listbox"]').attributes('aria-label')).toBe('Хронология');
    expect(wrapper.get('[data-testid="timeline-filter"]').attributes('aria-label')).toBe('Фильтр хронологии');
    const rows = wrapper.findAll('[data-testid="timeline-row"]');
    expect(rows[0].get('.time').text()).toBe('+0,000 с');
    expect(wrapper.get('[data-testid="timeline-row"][data-id="r2"] .status').text()).toBe('ошибка CORS');
    // The preflight badge keeps the word Russian DevTools use; its tooltip is Russian.
    const preflight = wrapper
      .findAll('[data-testid="timeline-row"][data-id="r2"] .badge')
      .find((b) => b.text() === 'preflight');
    expect(preflight?.attributes('title')).toMatch(/предварительный запрос CORS/);
    expect(wrapper.get('[data-testid="timeline-row"][data-type="channel"] .status').text()).toBe(
      'закрыт 1006',
    );
    expect(wrapper.get('[data-testid="timeline-row"][data-type="page"] .badge').text()).toBe('страница');

    // Details of a request with its preflight.
    store.select({ type: 'request', id: 'r2' });
    await nextTick();
    const details = wrapper.get('[data-testid="details"]');
    expect(details.attributes('aria-label')).toBe('Подробности');
    const sections = details.findAll('summary').map((s) => s.text());
    expect(sections).toEqual(
      expect.arrayContaining([
        'Общие',
        'Предварительный запрос (preflight)',
        'Заголовки запроса',
        'Заголовки ответа',
        'Ответ',
      ]),
    );
    expect(details.text()).toContain('Заголовки предварительного запроса');
    expect(details.findAll('th').map((t) => t.text())).toEqual(
      expect.arrayContaining(['URL', 'Метод', 'Статус', 'Тип', 'Источник данных', 'Ошибка CORS']),
    );

    // Details of a channel: its table and its frames.
    store.select({ type: 'channel', id: 'ws1' });
    await nextTick();
    expect(
      details
        .findAll('summary')
        .map((s) => s.text())
        .slice(0, 2),
    ).toEqual(['Канал', 'Сообщения (2)']);
    expect(details.findAll('.frames-table th').map((t) => t.text())).toEqual([
      'Напр.',
      'Время',
      'Размер',
      'Данные',
    ]);
    expect(details.text()).toContain('Состояние');
    expect(details.text()).toContain('закрыт');

    // Details of an exception.
    store.select({ type: 'exception', id: 'x6' });
    await nextTick();
    expect(details.findAll('summary').map((s) => s.text())).toEqual(['Исключение', 'Стек вызовов']);
    expect(details.text()).toContain('Обработано позже');

    const text = wrapper.text();
    for (const english of ENGLISH) expect(text, english).not.toContain(english);

    // The time axis.
    await wrapper.findAll('.view-switch button')[1].trigger('click');
    expect(wrapper.get('section.story').attributes('aria-label')).toBe('Временная шкала');
    expect(wrapper.findAll('.lane-label').map((l) => l.text())).toEqual([
      'Запросы (2)',
      'Каналы (1)',
      'Отклонения промисов и ошибки (1)',
      'Загрузки страниц и действия пользователя (1)',
    ]);
    expect(wrapper.get('button[aria-label="Показать всё"]').text()).toBe('По ширине');

    // And back to English, without a remount.
    await switchTo('en', frames);
    expect(wrapper.findAll('.lane-label')[0].text()).toBe('Requests (2)');
    await wrapper.findAll('.view-switch button')[0].trigger('click');
    expect(wrapper.get('[data-testid="recording-state"]').text()).toBe('Recording');
    expect(wrapper.get('[data-testid="dropped-count"]').text()).toBe('Dropped: 5');
    expect(wrapper.get('button[aria-label="Stop"]').text()).toBe('Stop');
    expect(wrapper.get('[data-testid="details"]').attributes('aria-label')).toBe('Details');
    expect(wrapper.findAll('.view-switch button').map((b) => b.text())).toEqual(['List', 'Time axis']);
    expect(wrapper.get('[data-testid="timeline-row"][data-id="r2"] .status').text()).toBe('CORS error');
    expect(wrapper.text()).not.toMatch(/Идёт запись|Подробности|Проблемы|Потеряно/);
    wrapper.unmount();
  });

  it('says why the timeline is empty in Russian', async () => {
    const { wrapper, frames } = await mountPanel({ status: status(false, 'never'), events: [] });
    await switchTo('ru', frames);
    expect(wrapper.get('[data-testid="empty-state"]').text()).toBe(
      'Запись не идёт. Нажмите «Записать» или «Записать с перезагрузкой», чтобы записать эту страницу с первого запроса.',
    );
    expect(wrapper.get('[data-testid="recording-state"]').text()).toBe('Запись не идёт');
    expect(wrapper.get('[data-testid="cdp-state"]').text()).toBe('Захват через браузер: ещё не подключён');
    expect(wrapper.get('.findings-empty').text()).toBe('Проблем пока не найдено.');
    wrapper.unmount();
  });
});

describe('capture status in Russian', () => {
  afterEach(() => language.setChoice('auto'));

  it("shows the browser's own detach reason as data inside a Russian sentence", async () => {
    language.setChoice('ru');
    const wrapper = mount(CaptureStatus, {
      props: {
        recording: true,
        connection: 'open',
        cdp: 'detached',
        cdpReason: 'target_closed',
        rejected: 0,
        overflow: 1,
      },
    });
    expect(wrapper.get('[data-testid="cdp-state"]').text()).toBe(
      'Захват через браузер: отключён: target_closed — записываются только события страницы. Нажмите «Остановить», затем «Записать», чтобы подключиться снова',
    );
    expect(wrapper.get('[data-testid="dropped-count"]').attributes('aria-label')).toMatch(
      /^Потеряно: 1\. Отклонено/,
    );
    await wrapper.setProps({ connection: 'reconnecting' });
    expect(wrapper.get('[data-testid="recording-state"]').text()).toBe(
      'Модуль записи перезапускается — повторное подключение…',
    );
  });
});

describe('frames table in Russian', () => {
  afterEach(() => language.setChoice('auto'));

  it('names a heartbeat run with the Russian plural and sizes in КБ', () => {
    language.setChoice('ru');
    const frames = [0, 1, 2, 3, 4].map((i) => ({
      seq: i + 1,
      time: 1000 + i * 10,
      direction: 'receive' as const,
      opcode: 1,
      data: 'x'.repeat(1500),
      size: 1500,
      truncated: false,
    }));
    const wrapper = mount(FramesTable, {
      props: {
        frames,
        count: 2,
        origin: 1000,
        selectedFrameSeq: null,
        rows: [
          { kind: 'heartbeats', first: 0, count: 4, expanded: false },
          { kind: 'frame', index: 4 },
        ],
      },
    });
    expect(wrapper.get('[data-testid="heartbeat-row"]').text()).toContain(
      '4 служебных пинга — нажмите Enter, чтобы показать',
    );
    const row = wrapper.get('[data-testid="frame-row"]');
    expect(row.text()).toContain('1,5 КБ');
    expect(row.text()).toContain('+0,040 с');
    expect(row.get('[role="img"]').attributes('aria-label')).toBe('получено');
  });
});

describe('pure helpers take a locale', () => {
  it('format units, decimals and sources', () => {
    expect(formatSize(512)).toBe('512 B');
    expect(formatSize(1500)).toBe('1.5 kB');
    expect(formatSize(2_000_000, 'ru')).toBe('2,0 МБ');
    expect(formatSize(512, 'ru')).toBe('512 Б');
    expect(formatOffset(2234, 1000)).toBe('+1.234 s');
    expect(formatOffset(2234, 1000, 'ru')).toBe('+1,234 с');
    expect(sourceLabel('page')).toBe('page');
    expect(sourceLabel('page', 'ru')).toBe('страница');
    expect(sourceLabel('cdp', 'ru')).toBe('CDP');
  });

  it('timeline rows and story lanes', () => {
    const rec = seedRecording();
    const row = (locale: 'en' | 'ru', key: string) => {
      const source = timelineRowSource(rec.timeline, rec, locale);
      return source.at(source.indexOfKey(key));
    };
    expect(row('en', 'request:r2')).toMatchObject({ status: 'CORS error', preflight: true });
    expect(row('ru', 'request:r2')).toMatchObject({
      status: 'ошибка CORS',
      method: row('en', 'request:r2').method,
    });
    expect(row('en', 'channel:ws1')).toMatchObject({ badge: 'WS', status: 'closed 1006' });
    expect(row('ru', 'channel:ws1')).toMatchObject({ badge: 'WS', status: 'закрыт 1006' });
    expect(row('en', 'exception:x6')).toMatchObject({ badge: 'rejection' });
    expect(row('ru', 'exception:x6').badge).toBe('отклонение');
    expect(row('ru', 'exception:x6').status).toMatch(/^(обработано позже|не обработано)$/);
    const story = buildStory(rec, undefined, 'ru');
    expect(story.lanes.map((l) => l.label)).toEqual([
      'Запросы',
      'Каналы',
      'Отклонения промисов и ошибки',
      'Загрузки страниц и действия пользователя',
    ]);
    expect(buildStory(rec).lanes[0].label).toBe('Requests');
  });

  it('user actions the recorder names, with unknown ones kept as recorded', () => {
    const rec = new Recording();
    rec.apply([
      {
        kind: 'user.action',
        action: 'record',
        detail: 'record and reload',
        seq: 1,
        time: 1000,
        source: 'user',
      },
      { kind: 'user.action', action: 'channel off', detail: 'wss://x/*', seq: 2, time: 1001, source: 'user' },
      { kind: 'user.action', action: 'zap', seq: 3, time: 1002, source: 'user' },
    ]);
    const texts = (locale: 'en' | 'ru') => {
      const source = timelineRowSource(rec.timeline, rec, locale);
      return Array.from({ length: source.length }, (_, i) => `${source.at(i).badge} ${source.at(i).text}`);
    };
    expect(texts('en')).toEqual([
      'user record: record and reload',
      'user channel off: wss://x/*',
      'user zap',
    ]);
    expect(texts('ru')).toEqual([
      'действие начало записи: с перезагрузкой',
      'действие канал отключён: wss://x/*',
      'действие zap',
    ]);
  });
});
