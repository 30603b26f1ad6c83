/**
 * The CORS vocabulary shared by the rules and the panel: how a verdict (Chromium's, ours) is
 * named and worded, the request details' CORS verdict box, and the analyser's warnings.
 * Chromium's `corsError` names stay as they are: they are what DevTools and the console show.
 */
export const en = {
  /** Chromium's verdict next to ours: labels and values (rule facts and the verdict box). */
  verdict: {
    browser: "Chromium's verdict",
    ours: 'Our verdict (from headers)',
    decidedBy: 'Decided by',
    disagreement: 'Disagreement',
    allowed: 'allowed',
    none: 'none: an answer it depends on was not captured',
    byBrowser: 'the browser (CDP)',
    byHeaders: 'the recorded headers',
    differs: "Chromium's verdict differs from ours; Chromium's is shown.",
    /** How the verdict was reached, and from what (a HAR file never carries the browser's). */
    howWeKnow: 'How we know',
    knownFromBrowser: "the browser's own verdict (CDP)",
    knownFromHeaders: (p: { error: string }) =>
      `from the response headers: the request failed (${p.error}), and these headers fail this check whatever the credentials mode`,
    inferredFromCookie:
      'inferred: the request is judged as sent with credentials, because it carried a Cookie header',
    inferredFromFailure: (p: { error: string }) =>
      `inferred: the credentials mode is "include", because the request failed (${p.error}) although its answers pass without credentials`,
    inferredUnrecorded:
      'from the response headers: the file does not record that the browser refused it (proxies and some browsers do not), but a browser in CORS mode refuses these headers whatever the credentials mode',
  },
  /** The CORS verdict box of a request's details. */
  box: {
    title: 'CORS verdict',
    notReported: 'not reported (no CDP data)',
    notJudged: 'not judged (no Origin recorded)',
    noVerdict: 'no verdict: an answer it depends on was not captured',
    /** Our verdict, and every header the preflight answer missed. */
    allMissing: (p: { verdict: string; headers: string }) => `${p.verdict} — all missing: ${p.headers}`,
    basisCdp: "Chromium's verdict (CDP)",
    basisHeaders: 'the response headers (our analysis)',
    disagreement:
      "Chromium's verdict and ours differ. Chromium saw the exchange itself, so its verdict is the one to act on; the recorded headers may not be what it judged.",
    preflightAsked: 'The preflight asked',
    request: 'The request',
    serverAnsweredPreflight: 'The server answered the preflight',
    serverAnswered: 'The server answered',
    requestSide: 'CORS request side',
    answerSide: 'CORS answer side',
    decisiveHeader: 'Decisive header:',
    rowMethod: 'method',
    rowUnsafeHeaders: 'non-safelisted headers',
    rowStatus: 'status',
    noAnswer: 'no answer',
    notSent: '(not sent)',
  },
  /** Things that pass today but are fragile (the analyser's `warnings`). */
  warnings: {
    authorizationWildcard:
      'Access-Control-Allow-Headers: * lets "authorization" through only because Chromium still ' +
      'tolerates it (deprecated: the Fetch standard says * never covers Authorization). List it by name.',
  },
};

export const ru: typeof en = {
  verdict: {
    browser: 'Вердикт Chromium',
    ours: 'Наш вердикт (по заголовкам)',
    decidedBy: 'Основание решения',
    disagreement: 'Расхождение',
    allowed: 'разрешён',
    none: 'нет: не записан ответ, от которого он зависит',
    byBrowser: 'браузер (CDP)',
    byHeaders: 'записанные заголовки',
    differs: 'Вердикт Chromium отличается от нашего; показан вердикт Chromium.',
    howWeKnow: 'Откуда это известно',
    knownFromBrowser: 'собственный вердикт браузера (CDP)',
    knownFromHeaders: (p) =>
      `по заголовкам ответа: запрос завершился ошибкой (${p.error}), а эти заголовки не проходят проверку при любом режиме учётных данных`,
    inferredFromCookie:
      'выведено: запрос считается отправленным с учётными данными, потому что в нём был заголовок Cookie',
    inferredFromFailure: (p) =>
      `выведено: режим учётных данных — «include», потому что запрос завершился ошибкой (${p.error}), хотя без учётных данных ответы проверку проходят`,
    inferredUnrecorded:
      'по заголовкам ответа: в файле не записано, что браузер отказал (прокси и некоторые браузеры этого не пишут), но браузер в режиме CORS отвергает такие заголовки при любом режиме учётных данных',
  },
  box: {
    title: 'Вердикт CORS',
    notReported: 'не сообщён (нет данных CDP)',
    notJudged: 'не вынесен (заголовок Origin не записан)',
    noVerdict: 'нет вердикта: не записан ответ, от которого он зависит',
    allMissing: (p) => `${p.verdict} — все недостающие: ${p.headers}`,
    basisCdp: 'вердикт Chromium (CDP)',
    basisHeaders: 'заголовки ответа (наш анализ)',
    disagreement:
      'Вердикты Chromium и наш расходятся. Chromium видел сам обмен, поэтому действовать нужно по его вердикту; ' +
      'записанные заголовки могут отличаться от тех, что он проверял.',
    preflightAsked: 'Что спросил предварительный запрос',
    request: 'Запрос',
    serverAnsweredPreflight: 'Что сервер ответил на предварительный запрос',
    serverAnswered: 'Что ответил сервер',
    requestSide: 'CORS: сторона запроса',
    answerSide: 'CORS: сторона ответа',
    decisiveHeader: 'Решающий заголовок:',
    rowMethod: 'метод',
    rowUnsafeHeaders: 'заголовки не из safelist',
    rowStatus: 'статус',
    noAnswer: 'нет ответа',
    notSent: '(не отправлен)',
  },
  warnings: {
    authorizationWildcard:
      'Access-Control-Allow-Headers: * пропускает «authorization» только потому, что Chromium это пока ' +
      'допускает (устаревшее поведение: по стандарту Fetch * никогда не покрывает Authorization). Укажите его по имени.',
  },
};
