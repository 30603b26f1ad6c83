/**
 * Messages of the real-time rules (`realtime/*`): WebSocket close codes, abnormal closes,
 * reconnect storms, a socket constructed before auth.
 */
import { pluralEn, pluralRu } from '../plural';

export const en = {
  closeCode: {
    c1002: 'protocol error: one side sent a frame the other could not accept',
    c1003: 'unsupported data: the server could not accept the data type sent',
    c1006:
      'closed abnormally, without a close frame: the network dropped, a proxy or load balancer cut it, or the handshake was refused (a blocked or failed upgrade reports 1006 too)',
    c1007: 'invalid payload data (e.g. text that is not UTF-8)',
    c1008:
      'policy violation: the server refused the connection by policy, most often authentication or origin checks',
    c1009: 'message too big for the server',
    c1011: 'internal server error: the server hit an unexpected condition',
    c1015: 'TLS handshake failure',
    app401:
      'application code mirroring HTTP 401: the server did not accept the credentials (missing, invalid or expired token)',
    app403: 'application code mirroring HTTP 403: the credentials were valid but not allowed here',
    app: 'application-defined (4000–4999): look the code up in the server’s own close-code table',
  },
  abnormalClose: {
    title: (p: { code: number; meaning: string }) => `WebSocket closed with ${p.code}: ${p.meaning}`,
    titleReason: (p: { code: number; reason: string; meaning: string }) =>
      `WebSocket closed with ${p.code} ("${p.reason}"): ${p.meaning}`,
    explanationOnce: (p: { url: string; code: number; time: string; meaning: string }) =>
      `${p.url} closed with code ${p.code} at ${p.time}: ${p.meaning}.`,
    explanationMany: (p: { url: string; code: number; count: number; meaning: string }) =>
      `${p.url} closed with code ${p.code} ${p.count} times: ${p.meaning}.`,
    fixAuth:
      'Connect only with a valid, fresh token (after login or refresh), and on this code refresh the token once before reconnecting instead of retrying in a loop.',
    fix1006:
      'Check the server and any proxy in between (timeouts, upgrade headers, idle limits); send pings to keep idle connections alive, and reconnect with back-off.',
    fixOther:
      'Check the server logs at the close time for the error behind this code; reconnect with back-off.',
    facts: {
      code: 'Close code',
      meaning: 'Meaning',
      connections: 'Connections closed so',
    },
  },
  reconnectStorm: {
    title: (p: { url: string; count: number; seconds: string }) =>
      `${p.url} reconnected ${p.count} times in ${p.seconds} s`,
    explanation: (p: { count: number; url: string; seconds: string; time: string; codes: string }) =>
      `The page opened ${p.count} connections to ${p.url} within ${p.seconds} s, starting at ` +
      `${p.time}. How they ended: ${p.codes}. Retrying at once cannot fix a close the ` +
      'server will repeat (an auth code, a refused upgrade); it loads the server and drains the battery.',
    fix:
      'Reconnect with exponential back-off and jitter (e.g. 1 s, 2 s, 4 s … up to 30 s), stop on auth close codes ' +
      '(1008, 4001, 4401, 4403) until the token is refreshed, and reset the delay only after a connection stayed open.',
    noCode: 'no code',
    connections: (p: { count: number; seconds: string; threshold: number; window: number }) =>
      `${p.count} within ${p.seconds} s (threshold ${p.threshold} in ${p.window} s)`,
    facts: {
      connections: 'Connections',
      codes: 'Close codes',
    },
  },
  authRejected: {
    title: (p: { message: string }) => `The server refused the socket's credentials: "${p.message}"`,
    explanation: (p: { url: string; time: string; frame: string; then: string; count: number }) =>
      `${p.url} accepted the connection (the handshake succeeded); at ${p.time} the server sent ` +
      `${p.frame}, and ${p.then}. The refusal is inside the connection, so no HTTP status ` +
      `shows it${p.count > 1 ? `; ${p.count} connections were refused this way` : ''}.`,
    fix: 'Connect with valid credentials in the form the server expects (a current token or API key in the URL, the first message, or the session cookie); on this answer refresh them before reconnecting instead of retrying with the same ones.',
    closedWith: (p: { code: number }) => `the connection closed with ${p.code}`,
    closedWithReason: (p: { code: number; reason: string }) =>
      `the connection closed with ${p.code} ("${p.reason}")`,
    closed: 'the connection closed',
    noClose: 'no close was recorded',
    evidence: (p: { url: string; frame: string; then: string }) => `${p.url}: received ${p.frame}; ${p.then}`,
    facts: {
      channel: 'Channel',
      said: 'Server sent',
      then: 'Then',
      connections: 'Connections refused',
    },
  },
  socketBeforeAuth: {
    timingAfter: (p: { time: string; method: string; url: string; authTime: string }) =>
      `${p.time}, before the first auth response (${p.method} ${p.url} completed at ${p.authTime})`,
    timingNone: (p: { time: string }) => `${p.time}; no auth response had completed by then`,
    constructionTitle: (p: { module: string }) =>
      `The real-time service in ${p.module} was constructed before auth was ready`,
    constructionExplanation: (p: { module: string; message: string; frame: string; timing: string }) =>
      `${p.module} threw "${p.message}" while its service was being constructed ` +
      `(${p.frame}), ${p.timing}. The service is created when its module is imported, ` +
      'so it ran before login and no WebSocket was ever opened. Every import of the module fails the same way.',
    constructionFix:
      'Construct the real-time service after the first successful auth response (export a factory, ' +
      'call it from the app root once the user is logged in) and connect it with the fresh token.',
    constructionFacts: {
      module: 'Module',
      constructedAt: 'Constructed at',
      originalSource: 'Original source',
      thrown: 'Thrown',
    },
    thrownWhileConstructing: (p: { message: string }) => `Thrown while constructing: ${p.message}`,
    authEvidence: (p: { method: string; url: string; status: string }) =>
      `${p.method} ${p.url} → ${p.status} (first auth response)`,
    whyEarly: (p: { created: string; authTime: string }) =>
      `it was created ${p.created}, before the first auth response completed (${p.authTime})`,
    whyBare: 'it carried no credentials, while a later connection to the same endpoint did',
    laterWithCredentials: (p: { url: string }) => `later, with credentials: ${p.url}`,
    earlierWithCredentials: (p: { url: string }) => `earlier, with credentials: ${p.url}`,
    droppedTitle: (p: { kind: string }) =>
      `A ${p.kind} reconnected without the credentials an earlier connection carried`,
    droppedExplanation: (p: { url: string; created: string; earlier: string }) =>
      `The connection to ${p.url} at ${p.created} carried no credentials, although a connection to the same endpoint ` +
      `at ${p.earlier} did: auth was ready, but this reconnect (or second connection) was built without it. ` +
      'The server cannot know who is connecting and may refuse it or serve it anonymously.',
    droppedCount: (p: { count: number }) =>
      `${p.count} ${pluralEn(p.count, 'connection', 'connections')} to this endpoint went without credentials this way.`,
    droppedFix:
      'Pass the current credentials on every connection, reconnects included: build the URL (or first message) from the current token each time instead of reusing one built before login or lost on retry.',
    socketTitle: (p: { kind: string }) => `A ${p.kind} was opened before auth was ready`,
    socketExplanation: (p: { url: string; why: string }) =>
      `The connection to ${p.url} started too early: ${p.why}. The server cannot know who is connecting and may refuse it or serve it anonymously.`,
    socketFix:
      'Open real-time connections after the first successful auth response, passing the current token (or rely on the session cookie once it exists).',
    socketFacts: {
      channel: 'Channel',
      created: 'Created',
      credentials: 'Credentials',
    },
    credentialsInUrl: 'in the URL',
    credentialsNone: 'none seen',
  },
};

export const ru: typeof en = {
  closeCode: {
    c1002: 'ошибка протокола: одна сторона отправила фрейм, который другая не смогла принять',
    c1003: 'неподдерживаемые данные: сервер не может принять отправленный тип данных',
    c1006:
      'аварийное закрытие без фрейма закрытия (close frame): пропала сеть, соединение разорвал прокси или балансировщик нагрузки, либо handshake был отклонён (заблокированный или неудавшийся upgrade тоже даёт 1006)',
    c1007: 'недопустимые данные в сообщении (например, текст не в UTF-8)',
    c1008:
      'нарушение политики: сервер отклонил соединение по своей политике, чаще всего из-за проверки авторизации или источника (Origin)',
    c1009: 'сообщение слишком велико для сервера',
    c1011: 'внутренняя ошибка сервера: сервер столкнулся с непредвиденной ситуацией',
    c1015: 'ошибка TLS handshake',
    app401:
      'код приложения, аналог HTTP 401: сервер не принял учётные данные (токен отсутствует, недействителен или истёк)',
    app403: 'код приложения, аналог HTTP 403: учётные данные действительны, но доступ сюда запрещён',
    app: 'код, определённый приложением (4000–4999): найдите его в таблице кодов закрытия своего сервера',
  },
  abnormalClose: {
    title: (p) => `WebSocket закрыт с кодом ${p.code}: ${p.meaning}`,
    titleReason: (p) => `WebSocket закрыт с кодом ${p.code} («${p.reason}»): ${p.meaning}`,
    explanationOnce: (p) => `${p.url} закрыт с кодом ${p.code} в ${p.time}: ${p.meaning}.`,
    explanationMany: (p) =>
      `${p.url} закрывался с кодом ${p.code} ${p.count} ${pluralRu(p.count, 'раз', 'раза', 'раз')}: ${p.meaning}.`,
    fixAuth:
      'Подключайтесь только с действующим свежим токеном (после входа или обновления), а при этом коде один раз обновите токен перед переподключением, вместо того чтобы повторять попытки в цикле.',
    fix1006:
      'Проверьте сервер и все прокси между ним и браузером (тайм-ауты, заголовки upgrade, ограничения простоя); отправляйте пинги, чтобы простаивающие соединения не закрывались, и переподключайтесь с нарастающей задержкой.',
    fixOther:
      'Найдите в логах сервера на момент закрытия ошибку, из-за которой пришёл этот код; переподключайтесь с нарастающей задержкой.',
    facts: {
      code: 'Код закрытия',
      meaning: 'Значение',
      connections: 'Соединений закрыто с этим кодом',
    },
  },
  reconnectStorm: {
    title: (p) =>
      `${p.url}: ${p.count} ${pluralRu(p.count, 'переподключение', 'переподключения', 'переподключений')} за ${p.seconds} с`,
    explanation: (p) =>
      `Страница открыла ${p.count} ${pluralRu(p.count, 'соединение', 'соединения', 'соединений')} с ${p.url} за ${p.seconds} с, начиная с ` +
      `${p.time}. Чем они закончились: ${p.codes}. Немедленный повтор не поможет, если сервер снова закроет соединение ` +
      'по той же причине (код авторизации, отклонённый upgrade); он только нагружает сервер и разряжает батарею.',
    fix:
      'Переподключайтесь с экспоненциальной задержкой и случайным разбросом (например, 1 с, 2 с, 4 с … до 30 с), ' +
      'не переподключайтесь при кодах закрытия авторизации (1008, 4001, 4401, 4403), пока токен не обновлён, и ' +
      'сбрасывайте задержку только после того, как соединение продержалось открытым.',
    noCode: 'без кода',
    connections: (p) => `${p.count} за ${p.seconds} с (порог: ${p.threshold} за ${p.window} с)`,
    facts: {
      connections: 'Соединения',
      codes: 'Коды закрытия',
    },
  },
  authRejected: {
    title: (p) => `Сервер отклонил учётные данные сокета: «${p.message}»`,
    explanation: (p) =>
      `${p.url} принял соединение (handshake прошёл успешно); в ${p.time} сервер отправил ` +
      `${p.frame}, и ${p.then}. Отказ передан внутри соединения, поэтому ни один HTTP-статус ` +
      `его не показывает${p.count > 1 ? `; так отклонено ${p.count} ${pluralRu(p.count, 'соединение', 'соединения', 'соединений')}` : ''}.`,
    fix: 'Подключайтесь с действующими учётными данными в том виде, в каком их ждёт сервер (текущий токен или API-ключ в URL, в первом сообщении или cookie сессии); получив такой ответ, обновите их перед переподключением, а не повторяйте попытки с прежними.',
    closedWith: (p) => `соединение закрыто с кодом ${p.code}`,
    closedWithReason: (p) => `соединение закрыто с кодом ${p.code} («${p.reason}»)`,
    closed: 'соединение закрыто',
    noClose: 'закрытие не записано',
    evidence: (p) => `${p.url}: получено ${p.frame}; ${p.then}`,
    facts: {
      channel: 'Канал',
      said: 'Сервер отправил',
      then: 'Затем',
      connections: 'Соединений отклонено',
    },
  },
  socketBeforeAuth: {
    timingAfter: (p) =>
      `${p.time}, до первого ответа авторизации (${p.method} ${p.url} завершился в ${p.authTime})`,
    timingNone: (p) => `${p.time}; к этому моменту ни один ответ авторизации ещё не был получен`,
    constructionTitle: (p) =>
      `Сервис канала реального времени в ${p.module} создан раньше, чем была готова авторизация`,
    constructionExplanation: (p) =>
      `Модуль ${p.module} выбросил «${p.message}» во время создания своего сервиса ` +
      `(${p.frame}), ${p.timing}. Сервис создаётся при импорте модуля, ` +
      'поэтому это произошло ещё до входа пользователя, и WebSocket так и не был открыт. Каждый импорт модуля завершается той же ошибкой.',
    constructionFix:
      'Создавайте сервис канала реального времени после первого успешного ответа авторизации (экспортируйте ' +
      'фабрику и вызывайте её из корневого компонента приложения после входа пользователя) и подключайте его со свежим токеном.',
    constructionFacts: {
      module: 'Модуль',
      constructedAt: 'Где создан',
      originalSource: 'Исходный код',
      thrown: 'Когда выброшено',
    },
    thrownWhileConstructing: (p) => `Выброшено при создании: ${p.message}`,
    authEvidence: (p) => `${p.method} ${p.url} → ${p.status} (первый ответ авторизации)`,
    whyEarly: (p) => `оно создано в ${p.created}, до получения первого ответа авторизации (${p.authTime})`,
    whyBare: 'оно не передало учётных данных, а более позднее соединение с тем же адресом передало',
    laterWithCredentials: (p) => `позже, с учётными данными: ${p.url}`,
    earlierWithCredentials: (p) => `раньше, с учётными данными: ${p.url}`,
    droppedTitle: (p) =>
      `${p.kind} переподключился без учётных данных, которые передавало прежнее соединение`,
    droppedExplanation: (p) =>
      `Соединение с ${p.url} в ${p.created} не передало учётных данных, хотя соединение с тем же адресом ` +
      `в ${p.earlier} их передавало: авторизация уже была, но это переподключение (или второе соединение) создано без неё. ` +
      'Сервер не может знать, кто подключается, и может отклонить соединение или обслужить его анонимно.',
    droppedCount: (p) =>
      `Так, без учётных данных, открыто ${p.count} ${pluralRu(p.count, 'соединение', 'соединения', 'соединений')} с этим адресом.`,
    droppedFix:
      'Передавайте текущие учётные данные при каждом соединении, включая переподключения: каждый раз стройте URL (или первое сообщение) из текущего токена, а не используйте повторно созданный до входа или потерянный при повторе.',
    socketTitle: (p) => `Соединение ${p.kind} открыто раньше, чем была готова авторизация`,
    socketExplanation: (p) =>
      `Соединение с ${p.url} открыто слишком рано: ${p.why}. Сервер не может знать, кто подключается, и может отклонить соединение или обслужить его анонимно.`,
    socketFix:
      'Открывайте соединения каналов реального времени после первого успешного ответа авторизации и передавайте текущий токен (или полагайтесь на cookie сессии, когда она появится).',
    socketFacts: {
      channel: 'Канал',
      created: 'Создан',
      credentials: 'Учётные данные',
    },
    credentialsInUrl: 'в URL',
    credentialsNone: 'не замечены',
  },
};
