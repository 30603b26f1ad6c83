/** The panel around the views: its empty states, progress, layout controls and units. */
import { pluralRu } from '../plural';

export const en = {
  toolbar: 'Panel',
  readingFile: 'Reading the file…',
  entriesProgress: (p: { done: number; total: number }) => `${p.done} of ${p.total} entries`,
  dismiss: 'Dismiss',
  /** The recorder's own failures (core/protocol.ts RecorderErrorCode); `reason` is the browser's. */
  recorderErrors: {
    saveFailed: (p: { reason: string }) => `Could not save the recording: ${p.reason}`,
    loadFailed: (p: { reason: string }) => `Could not load the saved recording: ${p.reason}`,
    realtimeFailed: (p: { reason: string }) =>
      `Could not switch real-time channels, the previous setting is kept: ${p.reason}`,
  },
  channels: (p: { count: number }) => `Channels (${p.count})`,
  resizeFindings: 'Resize findings',
  resizeTimeline: 'Resize timeline and details',
  view: 'Timeline view',
  list: 'List',
  timeAxis: 'Time axis',
  empty: {
    noMatch: (p: { query: string; total: number }) =>
      `Nothing in the timeline matches "${p.query}". Press Escape in the filter box to see all ${p.total} rows.`,
    fileEmpty: 'This file has no requests, channels or rejections that could be read.',
    noTab:
      'Drop a HAR file here, or press Import… to open one read-only (or open a saved recording from the library). To record a tab, open Handshake from DevTools, or open this page as panel.html?tabId=<tab id>.',
    recorderError: (p: { error: string }) =>
      `The recorder reported: ${p.error}. Press Record to try again; if it keeps failing, reload the extension.`,
    connecting: 'Connecting to the recorder…',
    notRecording:
      'Not recording. Press Record — or Record and reload to capture this page from its first request.',
    waiting: "Recording… waiting for the page's first request.",
  },
  /** Units of the shared formatters (`components/format.ts`); `value` is already a formatted number. */
  units: {
    offset: (p: { value: string }) => `+${p.value} s`,
    bytes: (p: { value: number }) => `${p.value} B`,
    kilobytes: (p: { value: string }) => `${p.value} kB`,
    megabytes: (p: { value: string }) => `${p.value} MB`,
  },
};

export const ru: typeof en = {
  toolbar: 'Панель',
  readingFile: 'Чтение файла…',
  entriesProgress: (p) => `${p.done} из ${p.total} ${pluralRu(p.total, 'записи', 'записей', 'записей')}`,
  dismiss: 'Скрыть',
  recorderErrors: {
    saveFailed: (p) => `Не удалось сохранить запись: ${p.reason}`,
    loadFailed: (p) => `Не удалось загрузить сохранённую запись: ${p.reason}`,
    realtimeFailed: (p) =>
      `Не удалось переключить каналы реального времени, прежняя настройка сохранена: ${p.reason}`,
  },
  channels: (p) => `Каналы (${p.count})`,
  resizeFindings: 'Изменить высоту списка проблем',
  resizeTimeline: 'Изменить ширину хронологии и подробностей',
  view: 'Вид хронологии',
  list: 'Список',
  timeAxis: 'Временная шкала',
  empty: {
    noMatch: (p) =>
      `В хронологии нет ничего, что соответствует «${p.query}». Нажмите Escape в поле фильтра, чтобы увидеть все строки (${p.total}).`,
    fileEmpty: 'В этом файле нет запросов, каналов или отклонений промисов, которые удалось бы прочитать.',
    noTab:
      'Перетащите сюда HAR-файл или нажмите «Открыть файл…», чтобы открыть его только для чтения (или откройте сохранённую запись из библиотеки записей). Чтобы записать вкладку, откройте Handshake из DevTools или откройте эту страницу как panel.html?tabId=<id вкладки>.',
    recorderError: (p) =>
      `Модуль записи сообщил об ошибке: ${p.error}. Нажмите «Записать», чтобы попробовать снова; если ошибка повторяется, перезагрузите расширение.`,
    connecting: 'Подключение к модулю записи…',
    notRecording:
      'Запись не идёт. Нажмите «Записать» или «Записать с перезагрузкой», чтобы записать эту страницу с первого запроса.',
    waiting: 'Идёт запись… ожидание первого запроса страницы.',
  },
  units: {
    offset: (p) => `+${p.value} с`,
    bytes: (p) => `${p.value} Б`,
    kilobytes: (p) => `${p.value} КБ`,
    megabytes: (p) => `${p.value} МБ`,
  },
};
