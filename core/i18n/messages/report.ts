/**
 * Messages of the report area: how findings read as plain text (the command line, `npm start`)
 * and as the self-contained HTML report (`handshake report`, the panel's "Save report").
 */
import { pluralEn, pluralRu } from '../plural';

export const en = {
  /** Where a finding's verdict came from, said in words instead of `cdp`/`page`/`har`. */
  basis: {
    cdp: "Chromium's own verdict",
    page: "the page's report",
    har: 'from the HAR file',
  },
  /** After the title when one problem happened more than once. */
  seen: (p: { count: number }) => `seen ${p.count} ${pluralEn(p.count, 'time', 'times')}`,
  fix: 'Fix:',
  /** Above the findings a finding caused. */
  consequences: 'Because of this:',
  noProblems: 'No problems found.',
  /** When entries were skipped: nothing found, but not everything was read. */
  noProblemsSkipped: (p: { skipped: number }) =>
    `No problems found in the entries that were read (${p.skipped} skipped ${pluralEn(p.skipped, 'entry was', 'entries were')} not checked).`,
  skipped: (p: { skipped: number; total: number; reasons: string }) =>
    `${p.skipped} of ${p.total} ${pluralEn(p.total, 'entry', 'entries')} ${pluralEn(p.skipped, 'was', 'were')} skipped: ${p.reasons}.`,
  /** The head of `reportFindings` (`npm start` without a display). */
  head: (p: { events: number; requests: number; channels: number; exceptions: number }) =>
    `${p.events} ${pluralEn(p.events, 'event', 'events')}: ${p.requests} ${pluralEn(p.requests, 'request', 'requests')}, ` +
    `${p.channels} ${pluralEn(p.channels, 'channel', 'channels')}, ${p.exceptions} ${pluralEn(p.exceptions, 'exception', 'exceptions')}.`,
  /** Durations in human units. */
  duration: {
    ms: (p: { value: number }) => `${p.value} ms`,
    s: (p: { value: string }) => `${p.value} s`,
    min: (p: { value: number }) => `${p.value} min`,
    minS: (p: { min: number; s: number }) => `${p.min} min ${p.s} s`,
    h: (p: { h: number; min: number }) => `${p.h} h ${p.min} min`,
  },
  /** The panel's "Save report" button. */
  panel: {
    save: 'Save report',
    saveTitle: 'Save a self-contained HTML report (redacted) to attach to a ticket',
  },
  /** The HTML report. */
  html: {
    title: (p: { name: string }) => `Handshake report: ${p.name}`,
    generated: (p: { date: string }) =>
      `Written by Handshake on ${p.date}. Secrets are replaced by [redacted:…] placeholders.`,
    summary: 'Summary',
    file: 'File',
    creator: 'Written by',
    counts: 'Contents',
    countsValue: (p: { requests: number; channels: number; exceptions: number }) =>
      `${p.requests} ${pluralEn(p.requests, 'request', 'requests')}, ${p.channels} ${pluralEn(p.channels, 'channel', 'channels')}, ` +
      `${p.exceptions} ${pluralEn(p.exceptions, 'exception', 'exceptions')}`,
    span: 'Time span',
    redaction: 'Redaction',
    redactionValue: (p: { count: number }) =>
      p.count === 0
        ? 'no secrets found'
        : `${p.count} distinct ${pluralEn(p.count, 'secret', 'secrets')} replaced by placeholders`,
    warnings: 'Warnings',
    skippedHeading: 'Skipped entries',
    skippedEntry: (p: { n: number; reason: string }) => `Entry ${p.n}: ${p.reason}`,
    findings: (p: { count: number }) => `Findings (${p.count})`,
    facts: 'Facts',
    evidence: 'Evidence',
    fixSnippets: 'Fix examples',
    occurrences: 'How it reached the page',
    causedBy: (p: { title: string }) => `Consequence of: ${p.title}`,
    timeline: (p: { count: number }) => `Requests (${p.count})`,
    time: 'Time',
    method: 'Method',
    url: 'URL',
    status: 'Status',
    duration: 'Duration',
    cors: 'CORS verdict',
    failed: 'failed',
    pending: 'pending',
    channels: (p: { count: number }) => `Channels (${p.count})`,
    channelHead: (p: { transport: string; url: string; frames: number }) =>
      `${p.transport} ${p.url} — ${p.frames} ${pluralEn(p.frames, 'message', 'messages')}`,
    closed: (p: { code: number; reason: string }) => `closed ${p.code}${p.reason ? ` (${p.reason})` : ''}`,
    sent: 'sent',
    received: 'received',
    data: 'Data',
    direction: 'Direction',
    moreNotShown: (p: { count: number }) =>
      `${p.count} more not shown (the report keeps the first ones; the HAR file has them all).`,
    moreRowsNotShown: (p: { count: number }) =>
      `${p.count} more ${pluralEn(p.count, 'request', 'requests')} not shown: the report lists the first ones and every failed one.`,
    none: 'None.',
    truncated: '(cut off in the recording)',
    binary: (p: { size: number }) => `(binary, ${p.size} B)`,
    headers: 'Headers',
    requestHeaders: 'Request headers',
    responseHeaders: 'Response headers',
  },
};

export const ru: typeof en = {
  basis: {
    cdp: 'вердикт самого Chromium',
    page: 'по сообщению страницы',
    har: 'по данным HAR-файла',
  },
  seen: (p) => `встретилось ${p.count} ${pluralRu(p.count, 'раз', 'раза', 'раз')}`,
  fix: 'Как исправить:',
  consequences: 'Из-за этого:',
  noProblems: 'Проблем не найдено.',
  noProblemsSkipped: (p) =>
    `В прочитанных записях проблем не найдено (${p.skipped} ${pluralRu(p.skipped, 'пропущенная запись не проверена', 'пропущенные записи не проверены', 'пропущенных записей не проверено')}).`,
  skipped: (p) =>
    `${pluralRu(p.skipped, 'Пропущена', 'Пропущено', 'Пропущено')} ${p.skipped} ` +
    `${pluralRu(p.skipped, 'запись', 'записи', 'записей')} из ${p.total}: ${p.reasons}.`,
  head: (p) =>
    `${p.events} ${pluralRu(p.events, 'событие', 'события', 'событий')}: ` +
    `${p.requests} ${pluralRu(p.requests, 'запрос', 'запроса', 'запросов')}, ` +
    `${p.channels} ${pluralRu(p.channels, 'канал', 'канала', 'каналов')}, ` +
    `${p.exceptions} ${pluralRu(p.exceptions, 'исключение', 'исключения', 'исключений')}.`,
  duration: {
    ms: (p) => `${p.value} мс`,
    s: (p) => `${p.value} с`,
    min: (p) => `${p.value} мин`,
    minS: (p) => `${p.min} мин ${p.s} с`,
    h: (p) => `${p.h} ч ${p.min} мин`,
  },
  panel: {
    save: 'Сохранить отчёт',
    saveTitle: 'Сохранить отчёт одним HTML-файлом (без секретов), чтобы приложить его к заявке',
  },
  html: {
    title: (p) => `Отчёт Handshake: ${p.name}`,
    generated: (p) => `Отчёт составлен Handshake ${p.date}. Секреты заменены метками [redacted:…].`,
    summary: 'Сводка',
    file: 'Файл',
    creator: 'Файл записан программой',
    counts: 'Содержимое',
    countsValue: (p) =>
      `${p.requests} ${pluralRu(p.requests, 'запрос', 'запроса', 'запросов')}, ` +
      `${p.channels} ${pluralRu(p.channels, 'канал', 'канала', 'каналов')}, ` +
      `${p.exceptions} ${pluralRu(p.exceptions, 'исключение', 'исключения', 'исключений')}`,
    span: 'Продолжительность',
    redaction: 'Скрытие секретов',
    redactionValue: (p) =>
      p.count === 0
        ? 'секретов не найдено'
        : `${p.count} ${pluralRu(p.count, 'секрет заменён', 'секрета заменены', 'секретов заменены')} метками`,
    warnings: 'Предупреждения',
    skippedHeading: 'Пропущенные записи',
    skippedEntry: (p) => `Запись ${p.n}: ${p.reason}`,
    findings: (p) => `Проблемы (${p.count})`,
    facts: 'Факты',
    evidence: 'Доказательства',
    fixSnippets: 'Примеры исправления',
    occurrences: 'Как это проявилось на странице',
    causedBy: (p) => `Следствие проблемы: ${p.title}`,
    timeline: (p) => `Запросы (${p.count})`,
    time: 'Время',
    method: 'Метод',
    url: 'Адрес',
    status: 'Статус',
    duration: 'Длительность',
    cors: 'Вердикт CORS',
    failed: 'ошибка',
    pending: 'не завершён',
    channels: (p) => `Каналы (${p.count})`,
    channelHead: (p) =>
      `${p.transport} ${p.url} — ${p.frames} ${pluralRu(p.frames, 'сообщение', 'сообщения', 'сообщений')}`,
    closed: (p) => `закрыт с кодом ${p.code}${p.reason ? ` (${p.reason})` : ''}`,
    sent: 'отправлено',
    received: 'получено',
    data: 'Данные',
    direction: 'Направление',
    moreNotShown: (p) => `Ещё ${p.count} не показано (в отчёте только первые; в HAR-файле есть все).`,
    moreRowsNotShown: (p) =>
      `Ещё ${p.count} ${pluralRu(p.count, 'запрос не показан', 'запроса не показаны', 'запросов не показаны')}: в отчёте первые запросы и все неудачные.`,
    none: 'Нет.',
    truncated: '(обрезано при записи)',
    binary: (p) => `(двоичные данные, ${p.size} Б)`,
    headers: 'Заголовки',
    requestHeaders: 'Заголовки запроса',
    responseHeaders: 'Заголовки ответа',
  },
};
