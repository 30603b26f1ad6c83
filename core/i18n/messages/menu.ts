/** Messages of the timeline rows' context menu and what its items report. */
export const en = {
  /** The menu's accessible name. */
  rowActions: 'Row actions',
  nothing: 'Nothing to do for this row.',
  items: {
    copyUrl: 'Copy URL',
    copyUrlSecrets: 'Copy URL (with secrets)',
    copyFetch: 'Copy as fetch',
    copyFetchSecrets: 'Copy as fetch (with secrets)',
    copyCurl: 'Copy as cURL',
    copyCurlSecrets: 'Copy as cURL (with secrets)',
    replay: 'Replay…',
    markRefresh: 'Mark as token refresh',
    unmarkRefresh: 'Not a token refresh',
    channelOff: 'Turn this channel off',
    channelOn: 'Turn this channel back on',
  },
  /** Announced (a polite live region) once a copy is done. */
  copied: {
    url: 'Copied the URL.',
    urlSecrets: 'Copied the URL with secrets.',
    fetch: 'Copied the fetch call.',
    fetchSecrets: 'Copied the fetch call with secrets.',
    curl: 'Copied the cURL command.',
    curlSecrets: 'Copied the cURL command with secrets.',
  },
  failed: (p: { error: string }) => `Could not do that: ${p.error}`,
  /** The clipboard API and the textarea fallback both refused. */
  copyRefused: 'The browser refused to copy.',
};

export const ru: typeof en = {
  rowActions: 'Действия со строкой',
  nothing: 'Для этой строки нет действий.',
  items: {
    copyUrl: 'Копировать URL',
    copyUrlSecrets: 'Копировать URL (с секретами)',
    copyFetch: 'Копировать как fetch',
    copyFetchSecrets: 'Копировать как fetch (с секретами)',
    copyCurl: 'Копировать как cURL',
    copyCurlSecrets: 'Копировать как cURL (с секретами)',
    replay: 'Повторить запрос…',
    markRefresh: 'Отметить как обновление токена',
    unmarkRefresh: 'Это не обновление токена',
    channelOff: 'Отключить этот канал',
    channelOn: 'Снова включить этот канал',
  },
  copied: {
    url: 'URL скопирован.',
    urlSecrets: 'URL скопирован вместе с секретами.',
    fetch: 'Вызов fetch скопирован.',
    fetchSecrets: 'Вызов fetch скопирован вместе с секретами.',
    curl: 'Команда cURL скопирована.',
    curlSecrets: 'Команда cURL скопирована вместе с секретами.',
  },
  failed: (p) => `Не удалось выполнить действие: ${p.error}`,
  copyRefused: 'Браузер не разрешил копирование.',
};
