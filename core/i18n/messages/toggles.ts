/** Messages of the toggles: the tab-wide real-time switch and the channel list with its switches. */
import { pluralEn, pluralRu } from '../plural';

export const en = {
  realtime: {
    label: 'Real-time',
    allOff: 'Real-time off: WebSocket and EventSource are refused in this tab',
    partlyOff: (p: { count: number }) =>
      `Real-time partly off: ${p.count} ${pluralEn(p.count, 'channel', 'channels')} switched off`,
    on: 'Real-time on',
    refusedTitle: 'New connections Handshake refused while real-time was off (reconnect attempts included)',
    refused: (p: { count: number }) => `Refused: ${p.count}`,
    switchOn: 'Switch real-time on',
    switchOff: 'Switch real-time off',
    switchOnTitle: 'Let the page open WebSocket and EventSource channels again',
    switchOffTitle:
      'Close live channels and refuse new ones in this tab, until switched on again (survives reloads)',
    pageOnly:
      'Refused in the page itself: sockets opened by workers or frames, and event streams read with fetch, still connect',
  },
  channels: {
    label: 'Channels',
    empty: 'No WebSocket or EventSource channel yet. Record, then use the page: channels appear here live.',
    channel: 'Channel',
    state: 'State',
    in: 'In',
    out: 'Out',
    lastActivity: 'Last activity',
    switchColumn: 'Switch',
    show: (p: { transport: string; pattern: string }) => `Show ${p.transport} ${p.pattern}`,
    switchOn: 'Switch on',
    switchOff: 'Switch off',
    switchOnLabel: (p: { pattern: string }) => `Switch on ${p.pattern}`,
    switchOffLabel: (p: { pattern: string }) => `Switch off ${p.pattern}`,
    states: {
      connecting: 'connecting',
      open: 'open',
      closed: 'closed',
      error: 'error',
    },
    closedCode: (p: { code: number }) => `closed ${p.code}`,
    closedByHandshake: 'closed by Handshake',
    closedCodeByHandshake: (p: { code: number }) => `closed ${p.code} by Handshake`,
    refused: (p: { count: number }) => `refused by Handshake ×${p.count}`,
  },
};

export const ru: typeof en = {
  realtime: {
    label: 'Каналы реального времени',
    allOff: 'Каналы реального времени отключены: WebSocket и EventSource в этой вкладке блокируются',
    partlyOff: (p) =>
      `Каналы реального времени отключены частично: ${pluralRu(p.count, 'отключён', 'отключено', 'отключено')} ` +
      `${p.count} ${pluralRu(p.count, 'канал', 'канала', 'каналов')}`,
    on: 'Каналы реального времени включены',
    refusedTitle:
      'Новые подключения, которые Handshake отклонил, пока каналы реального времени были отключены ' +
      '(включая попытки переподключения)',
    refused: (p) => `Отклонено: ${p.count}`,
    switchOn: 'Включить каналы реального времени',
    switchOff: 'Отключить каналы реального времени',
    switchOnTitle: 'Снова разрешить странице открывать каналы WebSocket и EventSource',
    switchOffTitle:
      'Закрыть открытые каналы и отклонять новые в этой вкладке, пока их снова не включат (сохраняется ' +
      'после перезагрузки)',
    pageOnly:
      'Блокируется в самой странице: сокеты из воркеров и фреймов и потоки событий, читаемые через fetch, ' +
      'по-прежнему подключаются',
  },
  channels: {
    label: 'Каналы',
    empty:
      'Каналов WebSocket и EventSource пока нет. Начните запись и поработайте со страницей — каналы ' +
      'появятся здесь сразу же.',
    channel: 'Канал',
    state: 'Состояние',
    in: 'Входящие',
    out: 'Исходящие',
    lastActivity: 'Последняя активность',
    switchColumn: 'Переключатель',
    show: (p) => `Показать ${p.transport} ${p.pattern}`,
    switchOn: 'Включить',
    switchOff: 'Отключить',
    switchOnLabel: (p) => `Включить ${p.pattern}`,
    switchOffLabel: (p) => `Отключить ${p.pattern}`,
    states: {
      connecting: 'подключение',
      open: 'открыт',
      closed: 'закрыт',
      error: 'ошибка',
    },
    closedCode: (p) => `закрыт, код ${p.code}`,
    closedByHandshake: 'закрыт Handshake',
    closedCodeByHandshake: (p) => `закрыт Handshake, код ${p.code}`,
    refused: (p) => `отклонён Handshake ×${p.count}`,
  },
};
