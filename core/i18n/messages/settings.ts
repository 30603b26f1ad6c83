/** The settings menu: theme and language. */
export const en = {
  button: 'Settings',
  theme: 'Theme',
  themeAuto: 'Auto (follow DevTools)',
  themeLight: 'Light',
  themeDark: 'Dark',
  language: 'Language',
  languageAuto: 'Auto (browser language)',
};

export const ru: typeof en = {
  button: 'Настройки',
  theme: 'Тема',
  themeAuto: 'Авто (как в DevTools)',
  themeLight: 'Светлая',
  themeDark: 'Тёмная',
  language: 'Язык',
  languageAuto: 'Авто (язык браузера)',
};
