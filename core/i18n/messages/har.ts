/** Messages of the har area: why a file is not HAR, why an entry was skipped, import warnings. */
import { pluralRu } from '../plural';

/** A limit in MiB as people say it: whole GiB from 1024 MiB up. */
const sizeEn = (mb: number) => (mb >= 1024 ? `${mb / 1024} GiB` : `${mb} MiB`);
const sizeRu = (mb: number) => (mb >= 1024 ? `${mb / 1024} ГиБ` : `${mb} МиБ`);

export const en = {
  /** Why a file cannot be read as HAR at all (`HarImportError`). */
  errors: {
    gzip: 'This file is gzip-compressed: decompress it first (gunzip), then import the .har inside.',
    empty: 'The file is empty: there is no HAR in it.',
    html: 'This is not a HAR file: it looks like HTML or XML. Export "Save all as HAR" from the Network panel.',
    notJson: 'This is not a HAR file: a HAR file is JSON that starts with {"log": …}.',
    invalidJson: (p: { why: string }) =>
      `This is not a HAR file: it is not valid JSON (${p.why}). It may be cut off or damaged.`,
    noLog: 'This is not a HAR file: the JSON has no "log" object (HAR files are {"log": {"entries": […]}}).',
    noEntries: 'This is not a HAR file: "log" has no "entries" list.',
    unreadable: (p: { why: string }) =>
      `The file could not be read (${p.why}). It may be damaged or cut off.`,
    tooLarge: (p: { limitMb: number }) =>
      `This .gz file expands to more than ${sizeEn(p.limitMb)}: refused as a possible decompression bomb. ` +
      'If you trust it, decompress it yourself (gunzip) and import the .har inside.',
  },
  /** Why one entry was skipped. */
  skip: {
    notObject: 'the entry is not an object',
    noRequest: 'the entry has no request object',
    noUrl: 'request.url is missing or empty',
    noMethod: 'request.method is missing',
  },
  /** What the import had to assume or leave out. */
  notices: {
    noVersion: 'The file does not say which HAR version it is; read as HAR 1.2.',
    otherVersion: (p: { version: string }) =>
      `The file says HAR ${p.version}; read as HAR 1.2 (the fields we use are the same).`,
    undated: (p: { count: number }) =>
      `${p.count} entries have no valid startedDateTime; they are placed after the entry before them.`,
    skipped: (p: { skipped: number; total: number }) =>
      `${p.skipped} of ${p.total} entries were skipped (see the list).`,
    droppedMessages: (p: { count: number }) =>
      `${p.count} WebSocket/SSE messages were malformed and left out.`,
    refusedExtras: (p: { count: number }) =>
      `${p.count} of the file's own Handshake items were malformed and left out.`,
  },
};

export const ru: typeof en = {
  errors: {
    gzip: 'Файл сжат gzip: сначала распакуйте его (gunzip), затем импортируйте .har из архива.',
    empty: 'Файл пуст: в нём нет HAR.',
    html:
      'Это не HAR-файл: похоже, это HTML или XML. Сохраните запись на панели «Сеть» (Network) ' +
      'командой «Save all as HAR» («Сохранить всё в формате HAR»).',
    notJson: 'Это не HAR-файл: HAR-файл — это JSON, который начинается с {"log": …}.',
    invalidJson: (p) =>
      `Это не HAR-файл: это некорректный JSON (${p.why}). Возможно, файл обрезан или повреждён.`,
    noLog: 'Это не HAR-файл: в JSON нет объекта "log" (HAR-файл устроен так: {"log": {"entries": […]}}).',
    noEntries: 'Это не HAR-файл: в "log" нет списка "entries".',
    unreadable: (p) => `Не удалось прочитать файл (${p.why}). Возможно, он повреждён или обрезан.`,
    tooLarge: (p) =>
      `Файл .gz распаковывается больше чем в ${sizeRu(p.limitMb)}: отклонён как возможная «zip-бомба». ` +
      'Если вы доверяете файлу, распакуйте его сами (gunzip) и импортируйте .har из архива.',
  },
  skip: {
    notObject: 'запись не является объектом',
    noRequest: 'в записи нет объекта request',
    noUrl: 'request.url отсутствует или пуст',
    noMethod: 'request.method отсутствует',
  },
  notices: {
    noVersion: 'В файле не указана версия HAR; он прочитан как HAR 1.2.',
    otherVersion: (p) =>
      `В файле указана версия HAR ${p.version}; он прочитан как HAR 1.2 (нужные нам поля в них совпадают).`,
    undated: (p) =>
      `${p.count} ${pluralRu(p.count, 'запись', 'записи', 'записей')} без корректного startedDateTime: ` +
      `такие записи помещены после предшествующих им.`,
    skipped: (p) => `Пропущено записей: ${p.skipped} из ${p.total} (см. список).`,
    droppedMessages: (p) => `Пропущено некорректных сообщений WebSocket/SSE: ${p.count}.`,
    refusedExtras: (p) => `Пропущено некорректных служебных элементов Handshake из файла: ${p.count}.`,
  },
};
