/** Messages of the replay area: the replay panel, its confirmation and the side-by-side result. */
export const en = {
  panel: {
    label: 'Replay',
    recognised: 'Recognised as a token refresh',
    notRecognised: 'Not recognised as a token refresh',
    mark: 'Mark as refresh',
    unmark: 'Not a refresh',
    replayTitle: "Send this request again from the page's origin",
    replay: 'Replay…',
    patterns: 'Refresh patterns',
    patternsFor: (p: { site: string }) => `Refresh patterns for ${p.site}`,
    patternsHelp:
      'A request whose path contains one of these (one per line) is taken for a token refresh on this site. ' +
      'Marks you set above are remembered for this site too.',
    patternsLabel: 'Refresh patterns, one per line',
    savePatterns: 'Save patterns',
    resetPatterns: 'Reset to defaults',
    noSite: 'Record a page load first: patterns are kept per site.',
    notReplayed:
      'Not replayed yet. Replay sends it again from the page, with its cookies and CORS, and shows the answer here.',
    entry: (p: { n: number }) => `Replay ${p.n}`,
  },
  dialog: {
    title: 'Replay this request from the page?',
    rotationWarning:
      'Refresh tokens may rotate: the server can revoke the token this request carries as soon as it is used ' +
      'again. Replaying can log the user out of this page or revoke the session. Send it only on a test ' +
      'account or when you can log in again.',
    method: 'Method',
    headers: 'Headers (one per line)',
    headersLabel: 'Headers',
    body: 'Body',
    useNewestToken: 'Use the newest token captured since',
    remember: "Don't ask again for this site",
    send: 'Send replay',
    /** Where the replay runs (issue 14): the confirmation holds for this pair of origins only. */
    fromPage: (p: { page: string; api: string }) =>
      `Sent from the page at ${p.page}, the page this tab shows, with its cookies. ` +
      `"Don't ask again" holds only for requests to ${p.api} from that page; ` +
      'if the tab shows another page when it is sent, nothing is sent.',
    noPage:
      'Handshake does not know which page this tab shows, so it cannot make sure the replay goes out ' +
      'from the page you mean. Press Record and reload, then replay.',
  },
  result: {
    original: 'Original',
    replay: 'Replay',
    status: 'Status',
    time: 'Time',
    body: 'Body',
    noResponse: '(no response)',
    empty: '(empty)',
    passed: 'passed',
    blocked: (p: { error: string }) => `blocked: ${p.error}`,
    blockedParameter: (p: { error: string; parameter: string }) => `blocked: ${p.error} (${p.parameter})`,
    failed: (p: { error: string }) => `failed: ${p.error}`,
    ms: (p: { ms: number }) => `${p.ms} ms`,
    notSent: 'not sent',
    refusedPage: (p: { actual: string; expected: string }) =>
      `Not sent: the tab showed ${p.actual}, not ${p.expected} where you confirmed the replay, ` +
      "so that page's cookies were not used. Go back to that page, or replay again to confirm it from this one.",
  },
  /** The site's refresh settings in extension storage (stores/toggles.ts). */
  settings: {
    readFailed: (p: { error: string }) => `Could not read this site's refresh settings: ${p.error}`,
    saveFailed: (p: { error: string }) =>
      `Could not save this site's refresh settings (kept for this panel only): ${p.error}`,
  },
};

export const ru: typeof en = {
  panel: {
    label: 'Повтор запроса',
    recognised: 'Распознан как обновление токена',
    notRecognised: 'Не распознан как обновление токена',
    mark: 'Отметить как обновление',
    unmark: 'Это не обновление токена',
    replayTitle: 'Отправить этот запрос ещё раз от источника (Origin) страницы',
    replay: 'Повторить запрос…',
    patterns: 'Шаблоны обновления токена',
    patternsFor: (p) => `Шаблоны обновления токена для ${p.site}`,
    patternsHelp:
      'Запрос, путь которого содержит один из этих шаблонов (по одному на строку), считается на этом сайте ' +
      'обновлением токена. Отметки, поставленные выше, тоже запоминаются для этого сайта.',
    patternsLabel: 'Шаблоны обновления токена, по одному на строку',
    savePatterns: 'Сохранить шаблоны',
    resetPatterns: 'Вернуть по умолчанию',
    noSite: 'Сначала запишите загрузку страницы: шаблоны хранятся отдельно для каждого сайта.',
    notReplayed:
      'Запрос ещё не повторялся. Повтор отправляет его снова со страницы — с её cookie и CORS — и показывает ' +
      'ответ здесь.',
    entry: (p) => `Повтор ${p.n}`,
  },
  dialog: {
    title: 'Повторить этот запрос со страницы?',
    rotationWarning:
      'Refresh-токены могут быть одноразовыми (ротация): сервер может отозвать токен из этого запроса, как ' +
      'только его используют повторно. Повтор может привести к выходу пользователя из аккаунта на этой странице ' +
      'или к отзыву сеанса. Отправляйте запрос, только если вы работаете под тестовой учётной записью или сможете ' +
      'войти заново.',
    method: 'Метод',
    headers: 'Заголовки (по одному на строку)',
    headersLabel: 'Заголовки',
    body: 'Тело',
    useNewestToken: 'Подставить самый свежий токен, перехваченный после этого запроса',
    remember: 'Больше не спрашивать для этого сайта',
    send: 'Повторить запрос',
    fromPage: (p) =>
      `Запрос уйдёт со страницы ${p.page}, открытой сейчас в этой вкладке, с её cookie. ` +
      `«Больше не спрашивать» действует только для запросов к ${p.api} с этой страницы; ` +
      'если к моменту отправки во вкладке окажется другая страница, ничего не будет отправлено.',
    noPage:
      'Handshake не знает, какая страница открыта в этой вкладке, и не может проверить, что повтор уйдёт ' +
      'с нужной страницы. Нажмите «Записать с перезагрузкой», затем повторите запрос.',
  },
  result: {
    original: 'Исходный',
    replay: 'Повтор',
    status: 'Статус',
    time: 'Время',
    body: 'Тело',
    noResponse: '(нет ответа)',
    empty: '(пусто)',
    passed: 'разрешён',
    blocked: (p) => `заблокирован: ${p.error}`,
    blockedParameter: (p) => `заблокирован: ${p.error} (${p.parameter})`,
    failed: (p) => `ошибка: ${p.error}`,
    ms: (p) => `${p.ms} мс`,
    notSent: 'не отправлен',
    refusedPage: (p) =>
      `Не отправлен: во вкладке была открыта страница ${p.actual}, а не ${p.expected}, где вы подтвердили повтор, — ` +
      'cookie чужой страницы не использовались. Вернитесь на ту страницу или повторите запрос ещё раз, ' +
      'чтобы подтвердить его с этой.',
  },
  settings: {
    readFailed: (p) => `Не удалось прочитать настройки обновления токена для этого сайта: ${p.error}`,
    saveFailed: (p) =>
      `Не удалось сохранить настройки обновления токена для этого сайта (они действуют только в этой панели): ${p.error}`,
  },
};
