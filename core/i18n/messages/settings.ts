/** The settings menu: theme, language, the recorder's memory bound and capture from page load. */
export const en = {
  button: 'Settings',
  theme: 'Theme',
  themeAuto: 'Auto (follow DevTools)',
  themeLight: 'Light',
  themeDark: 'Dark',
  language: 'Language',
  languageAuto: 'Auto (browser language)',
  recording: 'Recording',
  keepEverything: 'Keep everything',
  keepEverythingTitle:
    'Keep every frame payload however large a recording grows. Off: beyond 256 MiB per tab, new frames are kept without their payload, counted as dropped',
  captureFromLoad: (p: { origin: string }) => `Capture from page load on ${p.origin}`,
  captureFromLoadTitle:
    "This site's pages carry Handshake's probe from their first script, even while nothing is recorded, so Record without a reload also shows what a page did before. From the next page load on; costs the site's pages a little while idle",
  captureFromLoadUnsupported: 'Capture from page load: only on http and https pages',
  captureFromLoadAlways: 'Capture from page load: always on in this browser',
  captureFromLoadFailed: (p: { reason: string }) => `Not changed: ${p.reason}`,
};

export const ru: typeof en = {
  button: 'Настройки',
  theme: 'Тема',
  themeAuto: 'Авто (как в DevTools)',
  themeLight: 'Светлая',
  themeDark: 'Тёмная',
  language: 'Язык',
  languageAuto: 'Авто (язык браузера)',
  recording: 'Запись',
  keepEverything: 'Хранить всё',
  keepEverythingTitle:
    'Хранить содержимое всех кадров, как бы ни росла запись. Если выключено: сверх 256 МиБ на вкладку новые кадры сохраняются без содержимого и учитываются как потерянные',
  captureFromLoad: (p: { origin: string }) => `Записывать с загрузки страницы на ${p.origin}`,
  captureFromLoadTitle:
    'Страницы этого сайта получают зонд Handshake с первого скрипта, даже когда ничего не записывается, поэтому «Записать» без перезагрузки покажет и то, что страница делала раньше. Со следующей загрузки страницы; немного замедляет страницы сайта в простое',
  captureFromLoadUnsupported: 'Запись с загрузки страницы: только на страницах http и https',
  captureFromLoadAlways: 'Запись с загрузки страницы: в этом браузере всегда включена',
  captureFromLoadFailed: (p: { reason: string }) => `Не изменено: ${p.reason}`,
};
