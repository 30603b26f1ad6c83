/** Messages of the frames filter bar in a channel's details. */
import { pluralEn, pluralRu } from '../plural';

export const en = {
  label: 'Filter frames',
  direction: 'Direction',
  all: 'All',
  sent: 'Sent',
  received: 'Received',
  textLabel: 'Filter frames by text or /regex/',
  placeholder: 'Filter frames: text or /regex/',
  collapse: 'Collapse heartbeats',
  count: (p: { shown: number; total: number }) =>
    `${p.shown} of ${p.total} ${pluralEn(p.total, 'frame', 'frames')}`,
  patterns: 'Heartbeat patterns',
  patternsHelp:
    'A frame whose whole text matches one of these regular expressions (one per line, case-insensitive) is ' +
    'a heartbeat. WebSocket ping and pong frames always are.',
  patternsLabel: 'Heartbeat patterns, one per line',
  savePatterns: 'Save patterns',
  resetPatterns: 'Reset to defaults',
  ignored: (p: { problems: string }) => `Ignored: ${p.problems}`,
};

export const ru: typeof en = {
  label: 'Фильтр сообщений',
  direction: 'Направление',
  all: 'Все',
  sent: 'Отправленные',
  received: 'Полученные',
  textLabel: 'Фильтровать сообщения по тексту или /regex/',
  placeholder: 'Фильтр сообщений: текст или /regex/',
  collapse: 'Сворачивать служебные пинги',
  count: (p) => `${p.shown} из ${p.total} ${pluralRu(p.total, 'сообщения', 'сообщений', 'сообщений')}`,
  patterns: 'Шаблоны служебных пингов (heartbeat)',
  patternsHelp:
    'Сообщение, весь текст которого совпадает с одним из этих регулярных выражений (по одному на строку, ' +
    'без учёта регистра), считается служебным пингом (heartbeat). Кадры ping и pong протокола WebSocket ' +
    'считаются ими всегда.',
  patternsLabel: 'Шаблоны служебных пингов, по одному на строку',
  savePatterns: 'Сохранить шаблоны',
  resetPatterns: 'Вернуть по умолчанию',
  ignored: (p) => `Проигнорировано: ${p.problems}`,
};
