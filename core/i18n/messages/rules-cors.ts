/**
 * Messages of the `cors/*` rules: titles, explanations, fixes, fact labels and values, evidence
 * labels and the prose comments of the server snippets. Chromium's `corsError` names, header
 * names, methods and code stay as they are in both languages.
 */
export const en = {
  /** Fact labels shared by every family. */
  facts: {
    request: 'Request',
    preflight: 'Preflight',
    requestOrigin: 'Request origin',
    disallowedHeader: 'Disallowed header',
    disallowedMethod: 'Disallowed method',
    serverAllowed: 'Server allowed',
    askedFor: 'Asked for',
    allowOriginAnswered: 'Allow-Origin answered',
    allowCredentialsAnswered: 'Allow-Credentials answered',
    preflightAnswer: 'Preflight answer',
    serverAnswered: 'Server answered',
    reportedAs: 'Reported as',
  },
  /** Word values of facts and labels. */
  values: {
    notCaptured: 'not captured',
    noAnswer: 'no answer',
    failed: 'failed',
    noneSent: 'none sent',
    unknown: 'unknown',
    nothing: 'nothing',
    absent: 'absent',
    missing: 'missing',
    unknownStatus: '(unknown)',
    notCapturedParen: '(not captured)',
    /** Stands for the page origin when the recording did not say it. */
    thisOrigin: 'this origin',
    /** A placeholder in a fix for the page origin the recording did not say. */
    pageOriginPlaceholder: '<the page origin>',
    unknownPreflightNotCaptured: 'unknown (preflight answer not captured)',
    noAllowHeaders: 'nothing (no Access-Control-Allow-Headers header)',
    noAllowMethods: 'nothing (no Access-Control-Allow-Methods header)',
    /** `OPTIONS /x → no answer (net::ERR_FAILED)`. */
    answerFailed: (p: { head: string; error: string }) => `${p.head} → no answer (${p.error})`,
    preflightFailed: (p: { head: string; error: string }) => `${p.head} → failed (${p.error})`,
    preflightNoAnswer: (p: { head: string }) => `${p.head} → no answer captured`,
  },
  evidence: {
    preflight: (p: { path: string; status: string | number }) =>
      `OPTIONS ${p.path} → ${p.status} (preflight)`,
    headerRejected: (p: { method: string; path: string; header: string }) =>
      `${p.method} ${p.path} — preflight rejected "${p.header}"`,
    console: (p: { header: string }) => `Console: blocked by CORS policy ("${p.header}")`,
  },
  /** Which answer decided, as the subject of a sentence. */
  where: { preflight: 'preflight answer', response: 'response' },
  /** Where the server must answer, as the end of a fix. */
  whereIn: { preflight: 'on the preflight answer', response: 'on the response' },
  /** Prose comments inside the server snippets (the code around them stays code). */
  snippets: {
    nginxLocation:
      '# in the location that answers both OPTIONS and the request; `always` keeps the\n# headers on 4xx/5xx answers too',
    nginxOptionsLocation: '# in the location that answers OPTIONS',
    springBean: '// in your CorsConfigurationSource bean',
    springGlobally: '// or globally:',
    aspnetUseCors: '// and app.UseCors(); before app.MapControllers();',
  },
  headerNotAllowed: {
    title: (p: { header: string }) =>
      `Request header "${p.header}" was refused by the server's CORS preflight`,
    explanation: (p: { method: string; url: string; header: string; origin: string; allowed: string }) =>
      `Before sending ${p.method} ${p.url}, the browser sent an OPTIONS preflight asking ` +
      `the server for permission to send the "${p.header}" header from ${p.origin}. ` +
      `The server's answer did not list "${p.header}" in Access-Control-Allow-Headers ` +
      `(it allowed: ${p.allowed}), so the browser never sent the real request.`,
    pageSaw: (p: { error: string }) =>
      `The page only saw "${p.error}"; the reason is only in the browser's own report.`,
    pageSawGeneric:
      "The page only saw a generic network error (TypeError: Failed to fetch); the reason is only in the browser's own report.",
    fix: (p: { header: string; origin: string; url: string; asked: string }) =>
      `The fix is on the server: add "${p.header}" to Access-Control-Allow-Headers in its CORS ` +
      `configuration for ${p.origin} (the preflight answer to OPTIONS ${p.url}). ` +
      `Changing the header's case in the client cannot help: header names are case-insensitive, and the ` +
      `browser already lowercases them in Access-Control-Request-Headers ("${p.asked}").`,
  },
  methodNotAllowed: {
    title: (p: { method: string }) => `Method ${p.method} was refused by the server's CORS preflight`,
    explanation: (p: { method: string; url: string; origin: string; allowed: string }) =>
      `Before sending ${p.method} ${p.url}, the browser asked the server with an OPTIONS ` +
      `preflight whether ${p.origin} may use ${p.method}. The answer's ` +
      `Access-Control-Allow-Methods (${p.allowed}) did not list it, so the request was never sent. ` +
      'Method names are compared case-sensitively; "*" counts only for requests without credentials.',
    fix: (p: { method: string; url: string }) =>
      `On the server, add ${p.method} to Access-Control-Allow-Methods for OPTIONS ${p.url}.`,
    fixLowerCase: (p: { method: string; upper: string }) =>
      `The page sends "${p.method}" in lower case, and fetch() only upper-cases DELETE, GET, HEAD, OPTIONS, ` +
      `POST and PUT: either send "${p.upper}" from the client or allow "${p.method}" exactly.`,
    fixExactCase: 'Listing it in lower case does not help: the comparison is case-sensitive.',
  },
  originMismatch: {
    title: (p: { where: string; origin: string }) => `The server's ${p.where} did not allow ${p.origin}`,
    explanation: (p: { where: string; method: string; url: string; problem: string; origin: string }) =>
      `The ${p.where} to ${p.method} ${p.url} ${p.problem}, so the browser kept it from ` +
      `the page at ${p.origin}.`,
    opaqueOrigin:
      'The page has an opaque origin ("null": a sandboxed frame, a file or a redirect across origins).',
    /** What was wrong with the answer's Access-Control-Allow-Origin (the predicate of `explanation`). */
    problem: {
      missing: 'carried no Access-Control-Allow-Origin header',
      multiple: (p: { value: string }) =>
        `carried several origins ("${p.value}"); the header takes exactly one origin or "*"`,
      invalid: (p: { value: string }) =>
        `carried "${p.value}", which is not an origin (scheme://host[:port])`,
      nullOnly: 'allowed only the "null" origin',
      mismatch: (p: { value: string }) =>
        `allowed "${p.value}", which is not the page's origin (the comparison is exact: scheme, host, port, no trailing slash)`,
    },
    fix: (p: { origin: string; whereIn: string }) =>
      `On the server, answer Access-Control-Allow-Origin: ${p.origin} (echo the allowed ` +
      `request Origin, with Vary: Origin) ${p.whereIn}. Nothing on the client can change this.`,
  },
  credentials: {
    titleWildcard: 'The server answered Access-Control-Allow-Origin: * to a request with credentials',
    titleNotAllowed: (p: { value: string }) =>
      `The server did not allow credentials (Access-Control-Allow-Credentials: ${p.value})`,
    explanation: (p: { method: string; url: string }) =>
      `${p.method} ${p.url} was sent with credentials (cookies or HTTP authentication).`,
    wildcard: (p: { where: string }) =>
      `The ${p.where} allowed any origin with "*", which browsers never accept for credentialed requests: ` +
      'the server must name the origin.',
    notTrue: (p: { where: string; value: string }) =>
      `The ${p.where} must carry exactly "Access-Control-Allow-Credentials: true" (lower case); ` +
      `it carried "${p.value}".`,
    notTrueNothing: (p: { where: string }) =>
      `The ${p.where} must carry exactly "Access-Control-Allow-Credentials: true" (lower case); ` +
      'it carried nothing.',
    fix: (p: { origin: string }) =>
      `On the server, answer Access-Control-Allow-Origin: ${p.origin} (not *) and ` +
      'Access-Control-Allow-Credentials: true, on the preflight and on the response. If the request needs no ' +
      "cookies, the client could drop credentials instead (fetch's credentials: 'same-origin')",
  },
  preflightStatus: {
    title: (p: { status: number }) => `The CORS preflight was answered ${p.status}, not 2xx`,
    titleNoStatus: 'The CORS preflight was answered with an error, not 2xx',
    explanation: (p: { url: string; status: string | number }) =>
      `The server answered the OPTIONS preflight for ${p.url} with status ${p.status}. ` +
      'A preflight must succeed (200 or 204) even though it carries no credentials; the browser dropped the request.',
    fix: (p: { url: string }) =>
      `On the server, let OPTIONS ${p.url} through without authentication and answer 204: ` +
      'put the CORS middleware before auth, or exempt OPTIONS from it.',
  },
  hiddenServerError: {
    /** Which exchange failed, as a noun phrase (`the ${which} to …`). */
    which: { preflight: 'preflight (OPTIONS)', request: 'request' },
    titleRedirect: (p: { status: string | number }) =>
      `The server redirected the CORS preflight (${p.status})`,
    titleNetworkBlock: (p: { error: string }) =>
      `Private Network Access blocked the request (${p.error}), not the server`,
    titleServerError: (p: { status: number; which: string }) =>
      `Server error ${p.status} on the ${p.which}, reported as CORS`,
    titleServerErrorNoStatus: (p: { which: string }) => `Server error on the ${p.which}, reported as CORS`,
    explanationRedirect: (p: { url: string }) =>
      `The OPTIONS preflight for ${p.url} was answered with a redirect. Browsers never follow ` +
      'redirects on preflights (an http→https or trailing-slash redirect, a login page), so the request failed.',
    explanationNetworkBlock: (p: { url: string; error: string }) =>
      `Chromium blocked ${p.url} because a less private page reached a more private address ` +
      `(${p.error}). The server never got a say.`,
    explanationServerError: (p: {
      which: string;
      url: string;
      status: string;
      answer: string;
      error: string;
    }) =>
      `This is not really a CORS problem: the ${p.which} to ${p.url} failed with status ${p.status}, ` +
      `and the error answer carried no CORS headers (${p.answer}). The browser can only report ` +
      `the missing Access-Control-Allow-Origin (${p.error}), so the page sees a CORS error. Fix the ` +
      'server error first; adding CORS headers to error answers makes the real status visible to the page.',
    fixRedirect:
      'Call the final URL directly (scheme, host, trailing slash), or stop redirecting OPTIONS on the server.',
    fixNetworkBlock:
      'Serve the page from a secure context, or answer the preflight with Access-Control-Allow-Private-Network: true.',
    fixServerError: (p: { status: string; method: string; url: string }) =>
      `Find why the server answered ${p.status} (its logs for ${p.method} ${p.url}): a crashed ` +
      'handler, a missing route or an upstream error. Then make the CORS layer add its headers to error answers too ' +
      '(nginx: `always`; frameworks: CORS middleware first).',
  },
  invalidAllowList: {
    title: (p: { header: string }) => `The server's ${p.header} is not a valid list`,
    explanation: (p: { url: string; header: string; value: string }) =>
      `The preflight answer for ${p.url} sent ${p.header}: ` +
      `"${p.value}". Browsers accept only ` +
      'comma-separated names; one item with a ";" or a space inside makes the whole header invalid, so nothing is allowed.',
    fix: (p: { header: string }) =>
      `Separate the items of ${p.header} with commas only (e.g. "GET, PUT" or "Content-Type, Authorization").`,
  },
};

export const ru: typeof en = {
  facts: {
    request: 'Запрос',
    preflight: 'Предварительный запрос',
    requestOrigin: 'Источник запроса',
    disallowedHeader: 'Запрещённый заголовок',
    disallowedMethod: 'Запрещённый метод',
    serverAllowed: 'Сервер разрешил',
    askedFor: 'Запрошено',
    allowOriginAnswered: 'Allow-Origin в ответе',
    allowCredentialsAnswered: 'Allow-Credentials в ответе',
    preflightAnswer: 'Ответ на предварительный запрос',
    serverAnswered: 'Ответ сервера',
    reportedAs: 'Отчёт браузера',
  },
  values: {
    notCaptured: 'не записан',
    noAnswer: 'нет ответа',
    failed: 'сбой',
    noneSent: 'не отправлялся',
    unknown: 'неизвестен',
    nothing: 'ничего',
    absent: 'отсутствует',
    missing: 'отсутствует',
    unknownStatus: '(неизвестен)',
    notCapturedParen: '(не записан)',
    // Genitive: it follows «с», «для», «странице».
    thisOrigin: 'этого источника',
    pageOriginPlaceholder: '<источник страницы>',
    unknownPreflightNotCaptured: 'неизвестно (ответ на предварительный запрос не записан)',
    noAllowHeaders: 'ничего (нет заголовка Access-Control-Allow-Headers)',
    noAllowMethods: 'ничего (нет заголовка Access-Control-Allow-Methods)',
    answerFailed: (p) => `${p.head} → нет ответа (${p.error})`,
    preflightFailed: (p) => `${p.head} → сбой (${p.error})`,
    preflightNoAnswer: (p) => `${p.head} → ответ не записан`,
  },
  evidence: {
    preflight: (p) => `OPTIONS ${p.path} → ${p.status} (предварительный запрос)`,
    headerRejected: (p) => `${p.method} ${p.path} — preflight-запрос отклонил «${p.header}»`,
    console: (p) => `Консоль: заблокировано политикой CORS («${p.header}»)`,
  },
  where: { preflight: 'ответ на предварительный запрос', response: 'ответ' },
  whereIn: { preflight: 'в ответе на предварительный запрос', response: 'в ответе' },
  snippets: {
    nginxLocation:
      '# в location, который отвечает и на OPTIONS, и на сам запрос; `always` оставляет\n# заголовки и в ответах 4xx/5xx',
    nginxOptionsLocation: '# в location, который отвечает на OPTIONS',
    springBean: '// в вашем бине CorsConfigurationSource',
    springGlobally: '// или глобально:',
    aspnetUseCors: '// и app.UseCors(); перед app.MapControllers();',
  },
  headerNotAllowed: {
    title: (p) => `Сервер отклонил заголовок запроса «${p.header}» в ответе на предварительный запрос CORS`,
    explanation: (p) =>
      `Перед отправкой ${p.method} ${p.url} браузер отправил предварительный запрос OPTIONS (preflight), ` +
      `спрашивая у сервера разрешения отправить заголовок «${p.header}» с ${p.origin}. ` +
      `В ответе сервера заголовка «${p.header}» не оказалось в Access-Control-Allow-Headers ` +
      `(разрешено: ${p.allowed}), поэтому браузер так и не отправил сам запрос.`,
    pageSaw: (p) => `Страница увидела только «${p.error}»; причина есть лишь в собственном отчёте браузера.`,
    pageSawGeneric:
      'Страница увидела только общую сетевую ошибку (TypeError: Failed to fetch); причина есть лишь в собственном отчёте браузера.',
    fix: (p) =>
      `Исправлять нужно на сервере: добавьте «${p.header}» в Access-Control-Allow-Headers в настройках CORS ` +
      `для ${p.origin} (ответ на предварительный запрос OPTIONS ${p.url}). ` +
      'Менять регистр заголовка на клиенте бесполезно: имена заголовков не зависят от регистра, а браузер ' +
      `и так приводит их к нижнему регистру в Access-Control-Request-Headers («${p.asked}»).`,
  },
  methodNotAllowed: {
    title: (p) => `Сервер отклонил метод ${p.method} в ответе на предварительный запрос CORS`,
    explanation: (p) =>
      `Перед отправкой ${p.method} ${p.url} браузер спросил сервер предварительным запросом OPTIONS (preflight), ` +
      `можно ли использовать ${p.method} для ${p.origin}. В заголовке ответа ` +
      `Access-Control-Allow-Methods (${p.allowed}) этого метода не было, поэтому запрос так и не был отправлен. ` +
      'Имена методов сравниваются с учётом регистра; «*» действует только для запросов без учётных данных.',
    fix: (p) => `На сервере добавьте ${p.method} в Access-Control-Allow-Methods для OPTIONS ${p.url}.`,
    fixLowerCase: (p) =>
      `Страница отправляет «${p.method}» в нижнем регистре, а fetch() переводит в верхний регистр только DELETE, ` +
      `GET, HEAD, OPTIONS, POST и PUT: либо отправляйте с клиента «${p.upper}», либо разрешите в точности «${p.method}».`,
    fixExactCase: 'Перечислить его в нижнем регистре не поможет: сравнение учитывает регистр.',
  },
  originMismatch: {
    title: (p) => `Сервер не разрешил доступ для ${p.origin} (${p.where})`,
    explanation: (p) =>
      `${p.method} ${p.url}: ${p.where} ${p.problem}, поэтому браузер не отдал ответ ` +
      `странице ${p.origin}.`,
    opaqueOrigin:
      'У страницы непрозрачный (opaque) источник («null»: фрейм в песочнице, файл или перенаправление между источниками).',
    problem: {
      missing: 'не содержал заголовка Access-Control-Allow-Origin',
      multiple: (p) =>
        `содержал несколько источников («${p.value}»), а заголовок допускает ровно один источник или «*»`,
      invalid: (p) => `содержал «${p.value}» — это не источник (scheme://host[:port])`,
      nullOnly: 'разрешал только источник «null»',
      mismatch: (p) =>
        `разрешал «${p.value}», а это не источник страницы (сравнение точное: схема, хост, порт, без косой черты в конце)`,
    },
    fix: (p) =>
      `На сервере отвечайте Access-Control-Allow-Origin: ${p.origin} (возвращайте разрешённый ` +
      `Origin запроса вместе с Vary: Origin) ${p.whereIn}. Со стороны клиента это изменить нельзя.`,
  },
  credentials: {
    titleWildcard: 'Сервер ответил Access-Control-Allow-Origin: * на запрос с учётными данными (credentials)',
    titleNotAllowed: (p) =>
      `Сервер не разрешил учётные данные (Access-Control-Allow-Credentials: ${p.value})`,
    explanation: (p) =>
      `${p.method} ${p.url} отправлен с учётными данными (credentials: cookie или HTTP-аутентификация).`,
    wildcard: (p) =>
      `Но ${p.where} разрешал любой источник через «*», а для запросов с учётными данными браузеры такого ` +
      'никогда не принимают: сервер должен назвать источник явно.',
    notTrue: (p) =>
      `При этом ${p.where} должен содержать ровно «Access-Control-Allow-Credentials: true» (в нижнем регистре), ` +
      `а содержал «${p.value}».`,
    notTrueNothing: (p) =>
      `При этом ${p.where} должен содержать ровно «Access-Control-Allow-Credentials: true» (в нижнем регистре), ` +
      'а этого заголовка не было.',
    fix: (p) =>
      `На сервере отвечайте Access-Control-Allow-Origin: ${p.origin} (не *) и ` +
      'Access-Control-Allow-Credentials: true — и на предварительный запрос, и на сам запрос. Если cookie ' +
      "запросу не нужны, можно вместо этого отказаться от учётных данных на клиенте (в fetch: credentials: 'same-origin').",
  },
  preflightStatus: {
    title: (p) => `На предварительный запрос CORS сервер ответил ${p.status}, а не 2xx`,
    titleNoStatus: 'На предварительный запрос CORS сервер ответил ошибкой, а не 2xx',
    explanation: (p) =>
      `Сервер ответил на предварительный запрос (preflight) OPTIONS для ${p.url} статусом ${p.status}. ` +
      'Preflight-запрос должен завершаться успешно (200 или 204), хотя учётных данных он не несёт; браузер отменил запрос.',
    fix: (p) =>
      `На сервере пропускайте OPTIONS ${p.url} без аутентификации и отвечайте 204: ` +
      'поставьте CORS middleware перед аутентификацией или исключите из неё OPTIONS.',
  },
  hiddenServerError: {
    which: { preflight: 'предварительный запрос (OPTIONS)', request: 'запрос' },
    titleRedirect: (p) => `Сервер перенаправил предварительный запрос CORS (${p.status})`,
    titleNetworkBlock: (p) => `Запрос заблокировал Private Network Access (${p.error}), а не сервер`,
    titleServerError: (p) =>
      `Ошибка сервера ${p.status} в ответе на ${p.which}, которую браузер выдал за ошибку CORS`,
    titleServerErrorNoStatus: (p) =>
      `Ошибка сервера в ответе на ${p.which}, которую браузер выдал за ошибку CORS`,
    explanationRedirect: (p) =>
      `На предварительный запрос (preflight) OPTIONS для ${p.url} сервер ответил перенаправлением. Браузеры никогда не ` +
      'следуют перенаправлениям в ответ на preflight-запросы (с http на https, на адрес с косой чертой в конце, ' +
      'на страницу входа), поэтому запрос не удался.',
    explanationNetworkBlock: (p) =>
      `Chromium заблокировал ${p.url}: страница из менее закрытой сети обратилась к адресу в более закрытой ` +
      `(${p.error}). Сервер в решении не участвовал.`,
    explanationServerError: (p) =>
      `На самом деле это не проблема CORS: ${p.which} к ${p.url} завершился статусом ${p.status}, ` +
      `и в ответе с ошибкой не было заголовков CORS (${p.answer}). Браузер может сообщить только ` +
      `об отсутствии Access-Control-Allow-Origin (${p.error}), поэтому страница видит ошибку CORS. Сначала ` +
      'исправьте ошибку сервера; если добавлять заголовки CORS и к ответам с ошибками, странице будет виден настоящий статус.',
    fixRedirect:
      'Обращайтесь сразу по конечному URL (схема, хост, косая черта в конце) или уберите перенаправление OPTIONS на сервере.',
    fixNetworkBlock:
      'Отдавайте страницу в защищённом контексте (secure context) или отвечайте на предварительный запрос ' +
      'заголовком Access-Control-Allow-Private-Network: true.',
    fixServerError: (p) =>
      `Выясните, почему сервер ответил ${p.status} (его логи для ${p.method} ${p.url}): упавший ` +
      'обработчик, отсутствующий маршрут или ошибка вышестоящего сервиса. Затем сделайте так, чтобы слой CORS ' +
      'добавлял свои заголовки и к ответам с ошибками (nginx: `always`; фреймворки: CORS middleware первым).',
  },
  invalidAllowList: {
    title: (p) => `Заголовок ${p.header} в ответе сервера — некорректный список`,
    explanation: (p) =>
      `Ответ на предварительный запрос для ${p.url} содержал ${p.header}: ` +
      `«${p.value}». Браузеры принимают только ` +
      'имена через запятую; один элемент с «;» или пробелом внутри делает недействительным весь заголовок, и ничего не разрешается.',
    fix: (p) =>
      `Разделяйте элементы ${p.header} только запятыми (например, «GET, PUT» или «Content-Type, Authorization»).`,
  },
};
