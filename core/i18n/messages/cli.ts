/** Messages of the cli area: the `handshake` command's help, usage errors and per-file output. */
import { pluralEn, pluralRu } from '../plural';

const countsEn = (p: { requests: number; channels: number; exceptions: number }) =>
  `${p.requests} ${pluralEn(p.requests, 'request', 'requests')}, ` +
  `${p.channels} ${pluralEn(p.channels, 'channel', 'channels')}, ` +
  `${p.exceptions} ${pluralEn(p.exceptions, 'exception', 'exceptions')}`;

export const en = {
  usage: `Usage:
  handshake analyze <file.har…> [--json]   findings per file; exit code 1 when any is an error
  handshake redact <in.har> -o <out.har>   write a copy with secrets removed (default redaction)
  handshake report <in.har> -o <out.html>  write one self-contained HTML report to attach to a ticket

Options:
  --lang en|ru   language of the output (default: the terminal's, from LC_ALL, LC_MESSAGES or LANG)

Every value printed or written goes through the same redaction as redact: secrets show as
[redacted:…] placeholders. Files may be gzipped (.har.gz).
Exit codes: 0 fine, 1 error findings, 2 a file could not be read.`,
  errors: {
    analyzeNeedsFile: 'analyze needs at least one file.',
    redactNeedsFiles: 'redact needs one input file and -o <output>.',
    reportNeedsFiles: 'report needs one input file and -o <output.html>.',
    badLang: (p: { value: string }) => `--lang takes en or ru, not "${p.value}".`,
  },
  progress: {
    read: (p: { file: string; percent: number }) => `${p.file}: read ${p.percent} %`,
    entries: (p: { file: string; done: number; total: number }) => `${p.file}: ${p.done}/${p.total} entries`,
    skipped: (p: { file: string; index: number; reason: string }) =>
      `${p.file}: entry ${p.index} skipped: ${p.reason}`,
    writing: (p: { file: string; events: number; output: string }) =>
      `${p.file}: ${p.events} ${pluralEn(p.events, 'event', 'events')}; writing ${p.output}`,
    wrote: (p: { output: string; findings: number }) =>
      `${p.output}: report written (${p.findings} ${pluralEn(p.findings, 'finding', 'findings')}).`,
  },
  cannotRead: (p: { message: string }) => `✖ Cannot read: ${p.message}`,
  summary: (p: { requests: number; channels: number; exceptions: number; creator: string }) =>
    `${countsEn(p)} (written by ${p.creator}).`,
  summaryUnknownCreator: (p: { requests: number; channels: number; exceptions: number }) =>
    `${countsEn(p)} (the tool that wrote the file is unknown).`,
};

const counts = (p: { requests: number; channels: number; exceptions: number }) =>
  `${p.requests} ${pluralRu(p.requests, 'запрос', 'запроса', 'запросов')}, ` +
  `${p.channels} ${pluralRu(p.channels, 'канал', 'канала', 'каналов')}, ` +
  `${p.exceptions} ${pluralRu(p.exceptions, 'исключение', 'исключения', 'исключений')}`;

export const ru: typeof en = {
  usage: `Использование:
  handshake analyze <file.har…> [--json]   проблемы в каждом файле; код выхода 1, если есть ошибки
  handshake redact <in.har> -o <out.har>   записать копию без секретов (скрытие секретов по умолчанию)
  handshake report <in.har> -o <out.html>  записать отчёт одним HTML-файлом, чтобы приложить его к заявке

Параметры:
  --lang en|ru   язык вывода (по умолчанию — язык терминала из LC_ALL, LC_MESSAGES или LANG)

Всё, что выводится или записывается, проходит то же скрытие секретов, что и redact: вместо
секретов стоят метки [redacted:…]. Файлы могут быть сжаты gzip (.har.gz).
Коды выхода: 0 — всё в порядке, 1 — найдены ошибки, 2 — не удалось прочитать файл.`,
  errors: {
    analyzeNeedsFile: 'команде analyze нужен хотя бы один файл.',
    redactNeedsFiles: 'команде redact нужны один входной файл и -o <output>.',
    reportNeedsFiles: 'команде report нужны один входной файл и -o <output.html>.',
    badLang: (p) => `--lang принимает en или ru, а не «${p.value}».`,
  },
  progress: {
    read: (p) => `${p.file}: прочитано ${p.percent} %`,
    entries: (p) => `${p.file}: записей ${p.done}/${p.total}`,
    skipped: (p) => `${p.file}: запись ${p.index} пропущена: ${p.reason}`,
    writing: (p) =>
      `${p.file}: ${p.events} ${pluralRu(p.events, 'событие', 'события', 'событий')}; сохранение в ${p.output}`,
    wrote: (p) =>
      `${p.output}: отчёт записан (${p.findings} ${pluralRu(p.findings, 'проблема', 'проблемы', 'проблем')}).`,
  },
  cannotRead: (p) => `✖ Не удалось прочитать: ${p.message}`,
  summary: (p) => `${counts(p)} (файл записан программой ${p.creator}).`,
  summaryUnknownCreator: (p) => `${counts(p)} (программа, записавшая файл, неизвестна).`,
};
