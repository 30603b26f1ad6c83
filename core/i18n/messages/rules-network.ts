/**
 * Messages of the network rules (`network/*`): requests that failed outright, without an HTTP
 * answer — refused, unresolved, timed out, cut off, blocked, canceled — in plain words next to
 * the browser's (or the file's) own error text.
 */
import { pluralEn, pluralRu } from '../plural';

/** The kinds of failure the rule tells apart (`core/rules/network-errors.ts` decides which). */
type Kinds<T> = {
  refused: T;
  connect: T;
  dns: T;
  timeout: T;
  reset: T;
  offline: T;
  certificate: T;
  blockedClient: T;
  blocked: T;
  aborted: T;
  noResponse: T;
  failed: T;
  pageOnly: T;
  other: T;
};

type Headline = (p: { host: string }) => string;

const enHeadline: Kinds<Headline> = {
  refused: (p) => `Connection refused by ${p.host}`,
  connect: (p) => `Could not connect to ${p.host}`,
  dns: (p) => `The host name ${p.host} could not be resolved`,
  timeout: (p) => `Requests to ${p.host} timed out`,
  reset: (p) => `The connection to ${p.host} was cut off`,
  offline: () => 'The browser was offline',
  certificate: (p) => `The TLS certificate of ${p.host} was not accepted`,
  blockedClient: (p) => `Requests to ${p.host} were blocked by a browser extension`,
  blocked: (p) => `The browser blocked requests to ${p.host}`,
  aborted: (p) => `Requests to ${p.host} were canceled`,
  noResponse: (p) => `No response from ${p.host}`,
  failed: (p) => `Requests to ${p.host} failed`,
  pageOnly: (p) => `Requests to ${p.host} failed in the page`,
  other: (p) => `Requests to ${p.host} failed`,
};

export const en = {
  requestFailed: {
    /** The title: what happened, then the error as the browser or the file wrote it. */
    title: (p: { headline: string; error: string; count: number }) =>
      `${p.headline}: ${p.error}${p.count > 1 ? ` (${p.count} ${pluralEn(p.count, 'request', 'requests')})` : ''}`,
    headline: enHeadline,
    /** Stands for the error in the title when the file recorded none (`No response from x: status 0`). */
    statusOnly: (p: { status: string }) => `status ${p.status}`,
    meaning: {
      refused:
        'Nothing accepted the connection at that address and port: the server was not running, listened on another port or interface, or a firewall rejected it.',
      connect:
        'The browser could not open a connection to the server at all (unreachable address, a proxy or tunnel that failed, or a connect error the tool did not detail).',
      dns: 'The host name did not resolve to an address, so no connection was attempted: a typo or a wrong environment in the URL, or a DNS, VPN or hosts-file problem on this network.',
      timeout:
        'The connection or the answer took too long and the browser (or a proxy) gave up: an overloaded or stuck server, or a network path that drops packets.',
      reset:
        'The connection closed before a complete answer arrived: the server crashed or restarted, or a proxy, load balancer or firewall cut it.',
      offline: 'The device had no network connection (or it changed) while the request was made.',
      certificate:
        'The TLS handshake failed on the certificate: expired, self-signed, issued for another host name, or an incomplete chain.',
      blockedClient:
        'A browser extension (an ad, tracker or privacy blocker) stopped the request before it left the browser.',
      blocked:
        'The browser itself refused the request by policy (Content-Security-Policy, mixed content, Cross-Origin-Resource-Policy or similar).',
      aborted:
        'The request was canceled before it completed: the page navigated away, or the app aborted it (AbortController, a newer request replacing an older one). Usually intended.',
      noResponse:
        'The file records no response and no reason for it: the request never got an answer (refused, blocked, canceled or cut off). Browsers export a CORS failure the same way when its preflight failed.',
      failed:
        'Chrome reported its generic net::ERR_FAILED and no CORS verdict: most often a CORS failure the file cannot prove, a service worker that failed to answer, or a blocked redirect.',
      pageOnly:
        'Only the page saw the failure, as a generic network error that hides the reason (CORS, refused, DNS or blocked look the same to page code).',
      other: 'The request failed without an HTTP answer.',
    } satisfies Kinds<string>,
    fix: {
      refused:
        'Check that the server is running and listening on that host and port (the URL’s port for this environment, a container that publishes it, a firewall rule).',
      connect:
        'Check that the host is reachable from the user’s network: server up, routing and firewall, VPN or proxy settings.',
      dns: 'Check the host name in the request URL (the API base URL of this environment) and that it resolves from the user’s network (DNS, VPN, hosts file).',
      timeout:
        'Check the server’s health and response time at that moment and any proxy or load balancer timeouts; give the client a sensible timeout and retry with back-off.',
      reset:
        'Look in the server logs for a crash or restart at that time, and at proxy and load balancer limits (idle timeouts, body size); retry idempotent requests with back-off.',
      offline:
        'Nothing to fix on the server: let the app notice being offline (navigator.onLine, the online event) and retry when the connection is back.',
      certificate:
        'Fix the server’s certificate: valid dates, issued for this host name, served with its full chain; on a test machine trust the test CA instead of turning checks off.',
      blockedClient:
        'Retry with extensions off or in a private window to confirm; keep requests the app needs away from names blockers match (ads, track, analytics, beacon).',
      blocked:
        'Check the page’s Content-Security-Policy (connect-src), mixed content (an https page calling http), and the response’s Cross-Origin-Resource-Policy and COEP headers.',
      aborted:
        'Usually nothing: navigation and superseded requests cancel on purpose. If this request mattered, find what aborted it (an AbortController, a component unmounting, a page reload).',
      noResponse:
        'Reproduce with the browser’s DevTools open (or record with Handshake) to get the browser’s own error, and look for the request in the server’s access log: absent means it never arrived.',
      failed:
        'Read the CORS findings and the response’s Access-Control-Allow-Origin first; otherwise check the service worker and redirects. Reproduce with DevTools open to see the browser’s reason in the Console.',
      pageOnly:
        'Record with the debugger attached (Chromium) or open DevTools’ Console to get the browser’s own reason, then fix that.',
      other:
        'Look the error text up in the browser’s network error list and check the server and network at that time.',
    } satisfies Kinds<string>,
    explanation: (p: {
      meaning: string;
      count: number;
      host: string;
      time: string;
      first: string;
      error: string;
    }) =>
      `${p.meaning} ${p.count} ${pluralEn(p.count, 'request', 'requests')} to ${p.host} failed this way, ` +
      `the first at ${p.time} (${p.first}), with the error "${p.error}".`,
    blockedBy: (p: { reason: string }) => `Blocked because: ${p.reason}.`,
    listed: (p: { shown: number; count: number }) => `the first ${p.shown} of ${p.count}`,
    facts: {
      error: 'Error',
      host: 'Host',
      requests: 'Requests',
      first: 'First',
      blockedReason: 'Blocked because',
      listed: 'Listed',
    },
  },
};

export const ru: typeof en = {
  requestFailed: {
    title: (p) =>
      `${p.headline}: ${p.error}${p.count > 1 ? ` (${p.count} ${pluralRu(p.count, 'запрос', 'запроса', 'запросов')})` : ''}`,
    headline: {
      refused: (p) => `${p.host} отклонил соединение`,
      connect: (p) => `Не удалось подключиться к ${p.host}`,
      dns: (p) => `Не удалось найти адрес узла ${p.host}`,
      timeout: (p) => `Истекло время ожидания запросов к ${p.host}`,
      reset: (p) => `Соединение с ${p.host} было разорвано`,
      offline: () => 'Браузер был без сети',
      certificate: (p) => `TLS-сертификат ${p.host} не принят`,
      blockedClient: (p) => `Запросы к ${p.host} заблокировало расширение браузера`,
      blocked: (p) => `Браузер заблокировал запросы к ${p.host}`,
      aborted: (p) => `Запросы к ${p.host} были отменены`,
      noResponse: (p) => `Нет ответа от ${p.host}`,
      failed: (p) => `Запросы к ${p.host} не выполнены`,
      pageOnly: (p) => `Запросы к ${p.host} не выполнены на странице`,
      other: (p) => `Запросы к ${p.host} не выполнены`,
    },
    statusOnly: (p) => `статус ${p.status}`,
    meaning: {
      refused:
        'По этому адресу и порту соединение никто не принял: сервер не был запущен, слушал другой порт или интерфейс, либо соединение отклонил межсетевой экран.',
      connect:
        'Браузер вообще не смог открыть соединение с сервером (адрес недоступен, не сработал прокси или туннель, либо ошибка подключения, которую инструмент не уточнил).',
      dns: 'Имя узла не удалось преобразовать в адрес, поэтому подключения не было: опечатка или адрес не того окружения в URL, либо проблема с DNS, VPN или файлом hosts в этой сети.',
      timeout:
        'Подключение или ответ длились слишком долго, и браузер (или прокси) перестал ждать: сервер перегружен или завис, либо сеть теряет пакеты.',
      reset:
        'Соединение закрылось раньше, чем пришёл полный ответ: сервер упал или перезапустился, либо соединение разорвал прокси, балансировщик нагрузки или межсетевой экран.',
      offline: 'Во время запроса у устройства не было сети (или сеть сменилась).',
      certificate:
        'TLS handshake не прошёл из-за сертификата: истёк, самоподписан, выпущен для другого имени узла или цепочка неполная.',
      blockedClient:
        'Расширение браузера (блокировщик рекламы, трекеров или приватности) остановило запрос ещё до того, как он покинул браузер.',
      blocked:
        'Браузер сам отказался выполнять запрос по правилам безопасности (Content-Security-Policy, смешанное содержимое, Cross-Origin-Resource-Policy и т. п.).',
      aborted:
        'Запрос отменён до завершения: страница перешла на другой адрес, или приложение само прервало его (AbortController, более новый запрос вместо старого). Обычно так и задумано.',
      noResponse:
        'В файле нет ни ответа, ни причины: запрос так и не получил ответа (отклонён, заблокирован, отменён или оборван). Так же браузеры выгружают сбой CORS, когда не прошёл предварительный запрос.',
      failed:
        'Chrome сообщил общую ошибку net::ERR_FAILED без вердикта CORS: чаще всего это сбой CORS, который по файлу не доказать, service worker, не сумевший ответить, или заблокированное перенаправление.',
      pageOnly:
        'Сбой видела только страница, как общую сетевую ошибку, которая скрывает причину (CORS, отказ в соединении, DNS и блокировка выглядят для кода страницы одинаково).',
      other: 'Запрос не выполнен, HTTP-ответа не было.',
    },
    fix: {
      refused:
        'Проверьте, что сервер запущен и слушает этот узел и порт (порт в URL для этого окружения, проброс порта из контейнера, правило межсетевого экрана).',
      connect:
        'Проверьте, что узел доступен из сети пользователя: сервер работает, маршрутизация и межсетевой экран, настройки VPN или прокси.',
      dns: 'Проверьте имя узла в URL запроса (базовый адрес API для этого окружения) и что оно разрешается из сети пользователя (DNS, VPN, файл hosts).',
      timeout:
        'Проверьте состояние сервера и время его ответа в этот момент, а также тайм-ауты прокси и балансировщика; задайте клиенту разумный тайм-аут и повторяйте запрос с нарастающей задержкой.',
      reset:
        'Поищите в логах сервера падение или перезапуск в это время и проверьте ограничения прокси и балансировщика (тайм-ауты простоя, размер тела); идемпотентные запросы повторяйте с нарастающей задержкой.',
      offline:
        'На сервере чинить нечего: пусть приложение замечает отсутствие сети (navigator.onLine, событие online) и повторяет запрос, когда связь вернётся.',
      certificate:
        'Исправьте сертификат сервера: действующие даты, выпущен для этого имени узла, отдаётся с полной цепочкой; на тестовой машине доверьтесь тестовому УЦ, а не отключайте проверки.',
      blockedClient:
        'Для проверки повторите с отключёнными расширениями или в приватном окне; держите нужные приложению запросы подальше от имён, на которые реагируют блокировщики (ads, track, analytics, beacon).',
      blocked:
        'Проверьте Content-Security-Policy страницы (connect-src), смешанное содержимое (страница по https обращается к http) и заголовки ответа Cross-Origin-Resource-Policy и COEP.',
      aborted:
        'Обычно ничего: переход на другую страницу и заменённые запросы отменяются намеренно. Если запрос был важен, найдите, что его прервало (AbortController, размонтирование компонента, перезагрузка страницы).',
      noResponse:
        'Воспроизведите с открытыми DevTools браузера (или запишите Handshake), чтобы увидеть собственную ошибку браузера, и поищите запрос в журнале доступа сервера: если его там нет, запрос до сервера не дошёл.',
      failed:
        'Сначала посмотрите проблемы CORS и заголовок Access-Control-Allow-Origin в ответе; если дело не в нём, проверьте service worker и перенаправления. Воспроизведите с открытыми DevTools, чтобы прочитать причину в консоли.',
      pageOnly:
        'Запишите с подключённым отладчиком (Chromium) или откройте консоль DevTools, чтобы получить собственную причину браузера, и исправьте её.',
      other: 'Найдите текст ошибки в списке сетевых ошибок браузера и проверьте сервер и сеть в это время.',
    },
    explanation: (p) =>
      `${p.meaning} Так не ${pluralRu(p.count, 'выполнен', 'выполнены', 'выполнены')} ${p.count} ` +
      `${pluralRu(p.count, 'запрос', 'запроса', 'запросов')} к ${p.host}, первый — в ${p.time} (${p.first}), с ошибкой «${p.error}».`,
    blockedBy: (p) => `Причина блокировки: ${p.reason}.`,
    listed: (p) => `первые ${p.shown} из ${p.count}`,
    facts: {
      error: 'Ошибка',
      host: 'Узел',
      requests: 'Запросов',
      first: 'Первый',
      blockedReason: 'Причина блокировки',
      listed: 'Показаны',
    },
  },
};
