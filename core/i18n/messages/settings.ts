/** The settings menu: theme, language and the recorder's memory bound. */
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
};
