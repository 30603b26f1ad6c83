/** The findings strip: each finding's summary and its expanded body. */
export const en = {
  label: 'Findings',
  empty: 'No problems found yet.',
  severity: { error: 'error', warning: 'warning', info: 'info' },
  basis: {
    cdp: 'Decided from what the browser reported (DevTools Protocol)',
    pageLabel: 'page',
    page: 'Decided from what the page reported; the browser did not confirm it',
    har: 'Decided from HAR entries: an imported file, or the DevTools network log (Firefox, which has no debugger access)',
  },
  fix: 'Fix',
  facts: 'Facts',
  evidence: 'Evidence',
  snippetTabs: 'Fix for your server',
  copySnippet: (p: { label: string }) => `Copy ${p.label} snippet`,
  copy: 'Copy',
  copied: 'Copied',
  copyFailed: 'Copy failed',
};

export const ru: typeof en = {
  label: 'Проблемы',
  empty: 'Проблем пока не найдено.',
  severity: { error: 'ошибка', warning: 'предупреждение', info: 'сведения' },
  basis: {
    cdp: 'Вывод сделан по данным браузера (DevTools Protocol)',
    pageLabel: 'страница',
    page: 'Вывод сделан по данным страницы; браузер этого не подтвердил',
    har: 'Вывод сделан по записям HAR: из открытого файла или из журнала сети DevTools (Firefox, где нет доступа к отладчику)',
  },
  fix: 'Как исправить',
  facts: 'Факты',
  evidence: 'Доказательства',
  snippetTabs: 'Как исправить на вашем сервере',
  copySnippet: (p) => `Копировать фрагмент кода: ${p.label}`,
  copy: 'Копировать',
  copied: 'Скопировано',
  copyFailed: 'Не удалось скопировать',
};
