/**
 * Messages of the auth/* and realtime/* rules, of exception grouping (occurrence labels), of
 * the plain-text report and of `compilePatterns`.
 */
import { pluralEn, pluralRu } from '../plural';

/**
 * `+238 ms`, `+10.1 s`, `+3 min 20 s` in the units given: a person reads seconds past a second,
 * and a support ticket should not say `+200076 ms`.
 */
function offset(ms: number, u: { ms: string; s: string; min: string; point: string }): string {
  if (ms < 1000) return `+${ms} ${u.ms}`;
  if (ms < 60_000) return `+${(ms / 1000).toFixed(1).replace(/\.0$/, '').replace('.', u.point)} ${u.s}`;
  const seconds = Math.round(ms / 1000);
  const rest = seconds % 60;
  return `+${Math.floor(seconds / 60)} ${u.min}${rest ? ` ${rest} ${u.s}` : ''}`;
}

export const en = {
  /** A time relative to the recording's first event: `+238 ms`, `+10.1 s`, `+3 min 20 s`. */
  relativeTime: (p: { ms: number }) => offset(p.ms, { ms: 'ms', s: 's', min: 'min', point: '.' }),
  unknown: 'unknown',
  /** `Request.state` and `Channel.state`, where a status or close code is missing. */
  state: {
    pending: 'pending',
    done: 'done',
    failed: 'failed',
    connecting: 'connecting',
    open: 'open',
    closed: 'closed',
    error: 'error',
  },
  /** Evidence of a socket closed with a code: `wss://host/ws closed 4401`. */
  channelClosed: (p: { url: string; code: number }) => `${p.url} closed ${p.code}`,

  /** How one root cause surfaced (exception grouping). */
  occurrence: {
    unhandledrejection: 'Unhandled rejection',
    error: 'Uncaught error',
    logged: 'Caught and logged',
  },
  thrownAtUnknown: 'unknown (no stack captured)',

  contextMissing: {
    title: (p: { message: string }) => `Code needed the auth context before it existed: "${p.message}"`,
    facts: {
      message: 'Message',
      thrownAt: 'Thrown at',
      originalSource: 'Original source',
      script: 'Script',
      occurrences: 'Occurrences',
      unhandled: 'Unhandled',
      before: 'What happened before',
      cause: 'Cause',
    },
    unhandledAll: 'yes',
    unhandledNone: 'handled later',
    unhandledSome: (p: { handled: number; total: number }) =>
      `yes (${p.handled} of ${p.total} handled later)`,
    beforeAfter: (p: { method: string; url: string }) => `after ${p.method} ${p.url} completed`,
    beforeNone: 'no auth/login/token response had completed yet',
    cause: (p: { module: string; ruleId: string }) =>
      `the real-time service in ${p.module} was constructed before auth (${p.ruleId})`,
    whoCause: (p: { module: string }) =>
      `The throw comes from ${p.module}, a real-time (WebSocket) service constructed while its module was imported`,
    whoRealtime: (p: { module: string }) =>
      `The throw comes from ${p.module}, a real-time (WebSocket) service: it was most likely constructed at import time`,
    whoScript: (p: { module: string }) =>
      `The throw comes from ${p.module}: typically a service (a WebSocket service, say) constructed at import time`,
    whoUnknown:
      'The throw comes from a script: typically a service (a WebSocket service, say) constructed at import time',
    whenAfterAuth: (p: { method: string; url: string }) =>
      `before the auth context was provided, although ${p.method} ${p.url} had completed.`,
    whenNoAuth: 'before any auth, login or token response had completed.',
    outcomeUnhandled: 'The error was not handled: it surfaced as an unhandled rejection / uncaught error',
    outcomeHandled: 'The error was handled later by the page',
    alsoLogged: (p: { count: number }) =>
      `, and ${p.count} other ${pluralEn(p.count, 'caller', 'callers')} caught and logged the same error`,
    explanation: (p: { who: string; when: string; outcome: string }) =>
      `Code that needs the auth context ran before the context existed. ${p.who}, ${p.when} ${p.outcome}.`,
    fix:
      'Create the service after auth is ready, not at import time: construct it in the app root once ' +
      'login has completed (or in an auth-ready hook), pass the auth context in instead of reading a ' +
      'global, and handle the promise rejection so a missing context is reported instead of crashing.',
    evidence: {
      unhandledrejection: 'Unhandled rejection',
      error: 'Uncaught error',
      console: 'Console',
    },
    snippetFactoryLabel: 'Service: export a factory, not an instance',
    snippetFactoryCode:
      '// services/websocketService.ts\n' +
      '// before: export const websocketService = new WebSocketService(); // runs at import time\n' +
      'export function createWebSocketService(auth: AuthContext): WebSocketService {\n' +
      '  return new WebSocketService(auth);\n' +
      '}',
    snippetVueLabel: 'Vue: create it in the app root once auth is ready',
  },

  expiredToken: {
    title: (p: { seconds: number }) =>
      `A request was sent with a token that had expired ${p.seconds} s earlier`,
    explanation: (p: { method: string; url: string; time: string; expiredAt: string; seconds: number }) =>
      `${p.method} ${p.url} (${p.time}) carried a JWT whose exp claim is ${p.expiredAt}, ${p.seconds} s before it was sent.` +
      ' The token was decoded here only to read its expiry; its signature was not checked.',
    explanationRefused: (p: {
      method: string;
      url: string;
      time: string;
      expiredAt: string;
      seconds: number;
      refused: number;
    }) =>
      `${p.method} ${p.url} (${p.time}) carried a JWT whose exp claim is ${p.expiredAt}, ${p.seconds} s before it was sent` +
      `; the server refused ${p.refused} such ${pluralEn(p.refused, 'request', 'requests')} with 401/403.` +
      ' The token was decoded here only to read its expiry; its signature was not checked.',
    fix:
      'Refresh before sending: check exp (minus a small margin) before each request, or refresh on the first ' +
      '401 and retry once; make sure a successful refresh replaces the token every caller uses.',
    facts: {
      expiredAt: 'Expired at',
      sentAt: 'Sent at',
      subject: 'Subject',
      requests: 'Requests with it',
    },
    subjectNotStated: 'not stated',
    evidence: (p: { method: string; url: string; status: string }) =>
      `${p.method} ${p.url} → ${p.status} (token expired)`,
  },

  refreshFailed: {
    reasonCors: (p: { error: string }) => `refused by CORS (${p.error})`,
    reasonCorsParameter: (p: { error: string; parameter: string }) =>
      `refused by CORS (${p.error}: ${p.parameter})`,
    reasonStatus: (p: { status: number }) => `answered HTTP ${p.status}`,
    reasonNetwork: (p: { error: string }) => `network error (${p.error})`,
    reasonCorsFinding: 'refused by CORS (see the CORS finding)',
    noAnswer: 'no answer',
    failed: 'failed',
    title: (p: { method: string; endpoint: string; reason: string }) =>
      `Token refresh failed: ${p.method} ${p.endpoint} was ${p.reason}`,
    followedSockets: (p: { count: number; codes: string }) =>
      `${p.count} ${pluralEn(p.count, 'socket', 'sockets')} closed with ${p.codes}`,
    followedRetries: (p: { count: number }) =>
      `${p.count} more refresh ${pluralEn(p.count, 'attempt', 'attempts')}`,
    followedLogout: 'a logout request',
    followedLoginPage: 'a return to the login page',
    explanationFollowed: (p: { time: string; reason: string; followed: string }) =>
      `The app tried to refresh its token at ${p.time} and the request was ${p.reason}. What followed: ${p.followed}.`,
    explanationNothing: (p: { time: string; reason: string }) =>
      `The app tried to refresh its token at ${p.time} and the request was ${p.reason}. ` +
      'Nothing else was seen to follow it in this recording; the session will fail once the current token expires.',
    fixCors:
      "Fix the server's CORS answer for the refresh endpoint (see the CORS finding for the exact header or method); the client code cannot work around it.",
    fixRefused:
      'The server refused the refresh credential: check that the refresh token is sent (cookie or body), not expired or already rotated, and that only one refresh runs at a time.',
    fixOther:
      'Check that the refresh endpoint is reachable from the page and answers 2xx; retry with back-off, and send the user to login only after a definitive 401.',
    facts: {
      request: 'Refresh request',
      failure: 'Failure',
      attempts: 'Attempts that failed',
      followed: 'What followed',
    },
    nothingSeen: 'nothing seen',
  },

  refreshRace: {
    title: 'Token refreshes raced each other',
    concurrent: (p: { count: number }) => `${p.count} refreshes were in flight at the same time`,
    reused: (p: { count: number }) =>
      `${p.count} ${pluralEn(p.count, 'refresh', 'refreshes')} presented a credential that an earlier successful refresh had already used`,
    both: (p: { concurrent: string; reused: string }) => `${p.concurrent}, and ${p.reused}`,
    explanation: (p: { what: string }) =>
      `${p.what}. When the server rotates refresh tokens, the first refresh revokes the credential the ` +
      'others carry, so they fail and the app may log the user out although the session was fine.',
    explanationRefused: (p: { what: string; count: number; statuses: string }) =>
      `${p.what}. When the server rotates refresh tokens, the first refresh revokes the credential the ` +
      `others carry, so they fail (here ${p.count} got ${p.statuses}) ` +
      'and the app may log the user out although the session was fine.',
    fix:
      'Let one refresh run at a time: keep the pending refresh promise and have every caller (interceptors, ' +
      'retries, sockets) await it instead of starting another; after it resolves, retry with the new token.',
    snippetLabel: 'Single-flight refresh',
    facts: {
      concurrent: 'In flight together',
      reused: 'Credential reused',
      refused: 'Refused',
    },
    none: 'none',
    evidence: (p: { method: string; url: string; time: string; status: string }) =>
      `${p.method} ${p.url} at ${p.time} → ${p.status}`,
    evidenceReused: (p: { method: string; url: string; time: string; status: string }) =>
      `${p.method} ${p.url} at ${p.time} → ${p.status} (credential already used)`,
  },

  report: {
    head: (p: { events: number; requests: number; channels: number; exceptions: number }) =>
      `${p.events} events: ${p.requests} requests, ${p.channels} channels, ${p.exceptions} exceptions.`,
    basis: (p: { basis: string }) => `(evidence: ${p.basis})`,
    noProblems: 'No problems found.',
    fix: 'Fix:',
  },

  patterns: {
    empty: (p: { pattern: string }) => `Pattern ${p.pattern} is empty: it would match every message.`,
    invalid: (p: { pattern: string; reason: string }) =>
      `Pattern ${p.pattern} is not a valid regular expression: ${p.reason}`,
  },
};

export const ru: typeof en = {
  relativeTime: (p) => offset(p.ms, { ms: 'мс', s: 'с', min: 'мин', point: ',' }),
  unknown: 'неизвестно',
  state: {
    pending: 'ожидает ответа',
    done: 'завершён',
    failed: 'ошибка',
    connecting: 'подключается',
    open: 'открыт',
    closed: 'закрыт',
    error: 'ошибка',
  },
  channelClosed: (p) => `${p.url} закрыт с кодом ${p.code}`,

  occurrence: {
    unhandledrejection: 'Необработанное отклонение промиса',
    error: 'Неперехваченная ошибка',
    logged: 'Перехвачена и записана в консоль',
  },
  thrownAtUnknown: 'неизвестно (стек вызовов не записан)',

  contextMissing: {
    title: (p) => `Код обратился к контексту авторизации до его создания: «${p.message}»`,
    facts: {
      message: 'Сообщение',
      thrownAt: 'Где выброшено',
      originalSource: 'Исходный код',
      script: 'Скрипт',
      occurrences: 'Случаи',
      unhandled: 'Не обработано',
      before: 'Что было до этого',
      cause: 'Причина',
    },
    unhandledAll: 'да',
    unhandledNone: 'обработано позже',
    unhandledSome: (p) => `да (позже обработано: ${p.handled} из ${p.total})`,
    beforeAfter: (p) => `после завершения ${p.method} ${p.url}`,
    beforeNone: 'ни один ответ авторизации, входа или выдачи токена ещё не был получен',
    cause: (p) => `сервис канала реального времени в ${p.module} был создан до авторизации (${p.ruleId})`,
    whoCause: (p) =>
      `Ошибка возникла в ${p.module} — сервисе канала реального времени (WebSocket), который был создан при импорте своего модуля`,
    whoRealtime: (p) =>
      `Ошибка возникла в ${p.module} — сервисе канала реального времени (WebSocket), скорее всего созданном при импорте модуля`,
    whoScript: (p) =>
      `Ошибка возникла в ${p.module}; обычно это сервис (например, сервис WebSocket), который создаётся при импорте модуля`,
    whoUnknown:
      'Ошибка возникла в одном из скриптов; обычно это сервис (например, сервис WebSocket), который создаётся при импорте модуля',
    whenAfterAuth: (p) =>
      `ещё до того, как появился контекст авторизации, хотя ${p.method} ${p.url} уже завершился.`,
    whenNoAuth: 'ещё до того, как завершился хоть один ответ авторизации, входа или выдачи токена.',
    outcomeUnhandled:
      'Ошибка не была обработана: она всплыла как необработанное отклонение промиса или неперехваченная ошибка',
    outcomeHandled: 'Позже страница обработала ошибку',
    alsoLogged: (p) =>
      `, а ещё в ${p.count} ${pluralRu(p.count, 'месте', 'местах', 'местах')} ту же ошибку перехватили и записали в консоль`,
    explanation: (p) =>
      `Код, которому нужен контекст авторизации, выполнился раньше, чем контекст был создан. ${p.who}, ${p.when} ${p.outcome}.`,
    fix:
      'Создавайте сервис после того, как авторизация готова, а не при импорте: создайте его в корневом компоненте ' +
      'приложения после входа пользователя (или в обработчике готовности авторизации), передавайте контекст ' +
      'авторизации параметром, а не читайте глобальную переменную, и обработайте отклонение промиса, чтобы ' +
      'отсутствие контекста выводилось как ошибка, а не роняло приложение.',
    evidence: {
      unhandledrejection: 'Необработанное отклонение промиса',
      error: 'Неперехваченная ошибка',
      console: 'Консоль',
    },
    snippetFactoryLabel: 'Сервис: экспортируйте фабрику, а не экземпляр',
    snippetFactoryCode:
      '// services/websocketService.ts\n' +
      '// было: export const websocketService = new WebSocketService(); // выполняется при импорте\n' +
      'export function createWebSocketService(auth: AuthContext): WebSocketService {\n' +
      '  return new WebSocketService(auth);\n' +
      '}',
    snippetVueLabel: 'Vue: создайте сервис в корневом компоненте, когда авторизация готова',
  },

  expiredToken: {
    title: (p) => `Запрос отправлен с токеном, срок действия которого истёк за ${p.seconds} с до этого`,
    explanation: (p) =>
      `${p.method} ${p.url} (${p.time}) отправлен с JWT, срок действия которого (exp) истёк в ${p.expiredAt}, за ${p.seconds} с до отправки.` +
      ' Токен декодирован здесь только для того, чтобы прочитать срок действия; подпись не проверялась.',
    explanationRefused: (p) =>
      `${p.method} ${p.url} (${p.time}) отправлен с JWT, срок действия которого (exp) истёк в ${p.expiredAt}, за ${p.seconds} с до отправки` +
      `; сервер отклонил ${p.refused} ${pluralRu(p.refused, 'такой запрос', 'таких запроса', 'таких запросов')} с кодом 401/403.` +
      ' Токен декодирован здесь только для того, чтобы прочитать срок действия; подпись не проверялась.',
    fix:
      'Обновляйте токен до отправки: перед каждым запросом проверяйте exp (с небольшим запасом) или обновляйте ' +
      'токен при первом ответе 401 и повторяйте запрос один раз; убедитесь, что после успешного обновления новый ' +
      'токен получают все, кто отправляет запросы.',
    facts: {
      expiredAt: 'Истёк',
      sentAt: 'Отправлен',
      subject: 'Субъект (sub)',
      requests: 'Запросов с ним',
    },
    subjectNotStated: 'не указан',
    evidence: (p) => `${p.method} ${p.url} → ${p.status} (токен истёк)`,
  },

  refreshFailed: {
    reasonCors: (p) => `отклонён CORS (${p.error})`,
    reasonCorsParameter: (p) => `отклонён CORS (${p.error}: ${p.parameter})`,
    reasonStatus: (p) => `ответ HTTP ${p.status}`,
    reasonNetwork: (p) => `сетевая ошибка (${p.error})`,
    reasonCorsFinding: 'отклонён CORS (см. проблему CORS)',
    noAnswer: 'нет ответа',
    failed: 'ошибка',
    title: (p) => `Не удалось обновить токен: ${p.method} ${p.endpoint} — ${p.reason}`,
    followedSockets: (p) =>
      `${p.count} ${pluralRu(p.count, 'сокет закрыт', 'сокета закрыты', 'сокетов закрыты')} с ${/,/.test(p.codes) ? 'кодами' : 'кодом'} ${p.codes}`,
    followedRetries: (p) => `ещё ${p.count} ${pluralRu(p.count, 'попытка', 'попытки', 'попыток')} обновления`,
    followedLogout: 'запрос на выход из системы',
    followedLoginPage: 'возврат на страницу входа',
    explanationFollowed: (p) =>
      `В ${p.time} приложение попыталось обновить токен, результат запроса: ${p.reason}. Что последовало: ${p.followed}.`,
    explanationNothing: (p) =>
      `В ${p.time} приложение попыталось обновить токен, результат запроса: ${p.reason}. ` +
      'Больше ничего за этим в записи не последовало; сессия сломается, как только истечёт текущий токен.',
    fixCors:
      'Исправьте CORS-заголовки в ответе сервера для адреса обновления токена (точный заголовок или метод указан в проблеме CORS); в коде клиента это не обойти.',
    fixRefused:
      'Сервер отклонил учётные данные для обновления: проверьте, что refresh-токен отправляется (в cookie или в теле запроса), что он не истёк и ещё не заменён, и что одновременно выполняется только одно обновление.',
    fixOther:
      'Проверьте, что адрес обновления токена доступен со страницы и отвечает 2xx; повторяйте запрос с нарастающей задержкой и отправляйте пользователя на страницу входа только после окончательного ответа 401.',
    facts: {
      request: 'Запрос обновления',
      failure: 'Сбой',
      attempts: 'Неудачных попыток',
      followed: 'Что последовало',
    },
    nothingSeen: 'ничего не замечено',
  },

  refreshRace: {
    title: 'Гонка между обновлениями токена',
    concurrent: (p) =>
      `${p.count} ${pluralRu(p.count, 'обновление выполнялось', 'обновления выполнялись', 'обновлений выполнялись')} одновременно`,
    reused: (p) =>
      `${p.count} ${pluralRu(p.count, 'обновление предъявило', 'обновления предъявили', 'обновлений предъявили')} учётные данные, уже использованные предыдущим успешным обновлением`,
    both: (p) => `${p.concurrent}, а ещё ${p.reused}`,
    explanation: (p) =>
      `${p.what}. Если сервер меняет refresh-токены при каждом обновлении, первое обновление отзывает учётные ` +
      'данные, с которыми пришли остальные, поэтому они завершаются ошибкой, и приложение может принудительно ' +
      'завершить сеанс пользователя, хотя с ним всё было в порядке.',
    explanationRefused: (p) =>
      `${p.what}. Если сервер меняет refresh-токены при каждом обновлении, первое обновление отзывает учётные ` +
      `данные, с которыми пришли остальные, поэтому они завершаются ошибкой (здесь ${p.count} ${pluralRu(p.count, 'запрос получил', 'запроса получили', 'запросов получили')} ${p.statuses}), ` +
      'и приложение может принудительно завершить сеанс пользователя, хотя с ним всё было в порядке.',
    fix:
      'Выполняйте не больше одного обновления за раз: храните промис текущего обновления, и пусть все вызывающие ' +
      '(перехватчики, повторы, сокеты) ждут его, а не запускают новое; когда он завершится, повторите запрос с новым токеном.',
    snippetLabel: 'Одно обновление за раз (single-flight)',
    facts: {
      concurrent: 'Выполнялись одновременно',
      reused: 'Повторно использованы учётные данные',
      refused: 'Отклонено',
    },
    none: 'нет',
    evidence: (p) => `${p.method} ${p.url} в ${p.time} → ${p.status}`,
    evidenceReused: (p) => `${p.method} ${p.url} в ${p.time} → ${p.status} (учётные данные уже использованы)`,
  },

  report: {
    head: (p) =>
      `${p.events} ${pluralRu(p.events, 'событие', 'события', 'событий')}: ` +
      `${p.requests} ${pluralRu(p.requests, 'запрос', 'запроса', 'запросов')}, ` +
      `${p.channels} ${pluralRu(p.channels, 'канал', 'канала', 'каналов')}, ` +
      `${p.exceptions} ${pluralRu(p.exceptions, 'исключение', 'исключения', 'исключений')}.`,
    basis: (p) => `(доказательства: ${p.basis})`,
    noProblems: 'Проблем не найдено.',
    fix: 'Как исправить:',
  },

  patterns: {
    empty: (p) => `Шаблон ${p.pattern} пуст: он совпал бы с любым сообщением.`,
    invalid: (p) => `Шаблон ${p.pattern} не является допустимым регулярным выражением: ${p.reason}`,
  },
};
