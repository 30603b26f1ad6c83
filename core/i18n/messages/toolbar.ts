/** The recorder toolbar and the capture status next to it. */
export const en = {
  label: 'Recording',
  record: 'Record',
  recordTitle: "Record this tab's traffic",
  stop: 'Stop',
  stopTitle: 'Stop recording',
  recordAndReload: 'Record and reload',
  recordAndReloadTitle: "Record from the page's first request",
  clear: 'Clear',
  clearTitle: 'Clear the recording',
  state: {
    connecting: 'Connecting to the recorder…',
    reconnecting: 'Recorder restarting — reconnecting…',
    notConnected: 'Not connected',
    recording: 'Recording',
    notRecording: 'Not recording',
  },
  cdp: {
    attached: 'Browser capture: attached',
    offStopped: 'Browser capture: off (recording stopped)',
    cancelled:
      'Browser capture: the debugging bar was cancelled — capturing page events only. Press Stop, then Record, to attach again',
    detached: (p: { reason: string }) =>
      `Browser capture: detached: ${p.reason} — capturing page events only. Press Stop, then Record, to attach again`,
    unknownReason: 'unknown reason',
    unavailable:
      'Browser capture unavailable in this browser — page events and DevTools network entries only',
    notYet: 'Browser capture: not attached yet',
  },
  dropped: (p: { count: number }) => `Dropped: ${p.count}`,
  droppedTitle: (p: { rejected: number; overflow: number }) =>
    `${p.rejected} malformed or oversized page messages refused, ` +
    `${p.overflow} events lost before recording began`,
  droppedLabel: (p: { count: number; details: string }) => `Dropped: ${p.count}. ${p.details}`,
  clamped: (p: { count: number }) => `Times clamped: ${p.count}`,
  clampedTitle: (p: { count: number }) =>
    `Page event times outside the recording's window: ${p.count}; moved to its edge ` +
    '(the events are kept, their times are not to be trusted)',
  payloads: (p: { count: number }) => `Payloads not kept: ${p.count}`,
  payloadsTitle: (p: { count: number }) =>
    `Frames recorded without their payload: ${p.count}; this tab's recording passed its memory bound ` +
    '(settings: Keep everything lifts it)',
};

export const ru: typeof en = {
  label: 'Запись',
  record: 'Записать',
  recordTitle: 'Записывать трафик этой вкладки',
  stop: 'Остановить',
  stopTitle: 'Остановить запись',
  recordAndReload: 'Записать с перезагрузкой',
  recordAndReloadTitle: 'Записывать с первого запроса страницы',
  clear: 'Очистить',
  clearTitle: 'Очистить запись',
  state: {
    connecting: 'Подключение к модулю записи…',
    reconnecting: 'Модуль записи перезапускается — повторное подключение…',
    notConnected: 'Нет подключения',
    recording: 'Идёт запись',
    notRecording: 'Запись не идёт',
  },
  cdp: {
    attached: 'Захват через браузер: подключён',
    offStopped: 'Захват через браузер: отключён (запись остановлена)',
    cancelled:
      'Захват через браузер: в уведомлении об отладке нажата кнопка «Отмена» — записываются только события страницы. Нажмите «Остановить», затем «Записать», чтобы подключиться снова',
    detached: (p) =>
      `Захват через браузер: отключён: ${p.reason} — записываются только события страницы. Нажмите «Остановить», затем «Записать», чтобы подключиться снова`,
    unknownReason: 'причина неизвестна',
    unavailable:
      'Захват через браузер недоступен в этом браузере — только события страницы и записи сети DevTools',
    notYet: 'Захват через браузер: ещё не подключён',
  },
  dropped: (p) => `Потеряно: ${p.count}`,
  droppedTitle: (p) =>
    `Отклонено некорректных или слишком больших сообщений страницы: ${p.rejected}; ` +
    `потеряно событий до начала записи: ${p.overflow}`,
  droppedLabel: (p) => `Потеряно: ${p.count}. ${p.details}`,
  clamped: (p) => `Исправлено времён: ${p.count}`,
  clampedTitle: (p) =>
    `Время событий страницы вне окна записи: ${p.count}; оно сдвинуто к краю окна ` +
    '(события сохранены, но их времени доверять нельзя)',
  payloads: (p) => `Без содержимого: ${p.count}`,
  payloadsTitle: (p) =>
    `Кадров записано без содержимого: ${p.count}; запись этой вкладки превысила предел памяти ` +
    '(в настройках: «Хранить всё» снимает предел)',
};
