/** Messages of the export dialog: the redaction summary, the user's rules, the opt-in, the format. */
import { pluralEn, pluralRu } from '../plural';

export const en = {
  title: 'Export recording',
  rulesLabel: 'Rules you added',
  remove: 'Remove',
  removeRule: (p: { pattern: string }) => `Remove rule ${p.pattern}`,
  keepJwtTimes: "Keep tokens' expiry times readable (exp, iat)",
  includeSecrets: 'Include secrets (tokens, cookies, passwords) as captured — only for this export',
  secretsWarning:
    'The file will contain live credentials. Anyone who gets it can act as you until they expire.',
  format: 'Format',
  har: 'HAR (Chrome DevTools can import it)',
  harGz: 'HAR.gz (smaller, for large recordings)',
  writing: 'Writing…',
  writingProgress: (p: { done: number; total: number }) => `Writing… ${p.done} of ${p.total} entries`,
  exportWithSecrets: 'Export with secrets',
  exportRedacted: 'Export redacted',
  /** Why writing the file failed (stores/export.ts). */
  failed: (p: { error: string }) => `The export failed: ${p.error}. Try again, or export as HAR (not gzip).`,
  summary: {
    label: 'What will be removed',
    working: 'Working out what will be removed…',
    none: 'No secrets found by the default rules. If the recording holds one they miss, add a rule below.',
    distinct: (p: { count: number }) =>
      `${p.count} distinct secret ${pluralEn(p.count, 'value', 'values')} will be replaced by placeholders ` +
      '(the same secret gets the same placeholder throughout the file):',
    values: (p: { count: number }) => `${p.count} ${pluralEn(p.count, 'value', 'values')}`,
  },
  ruleForm: {
    label: 'Add a redaction rule',
    redactValueOf: 'Redact the value of a',
    whatToMatch: 'What to match',
    nameToRedact: 'Name to redact',
    placeholder: 'e.g. X-Tenant-Key',
    add: 'Add rule',
  },
  /** How a rule's kind reads in the dialog. */
  kinds: {
    header: 'Header name',
    jsonKey: 'JSON key',
    param: 'Query or form parameter',
  },
  /** Why a rule the user typed cannot be added. */
};

export const ru: typeof en = {
  title: 'Экспорт записи',
  rulesLabel: 'Добавленные вами правила',
  remove: 'Удалить',
  removeRule: (p) => `Удалить правило ${p.pattern}`,
  keepJwtTimes: 'Не скрывать время выдачи и истечения токенов (exp, iat)',
  includeSecrets: 'Оставить в файле секреты (токены, cookie, пароли) как есть — только для этого экспорта',
  secretsWarning:
    'Файл будет содержать действующие учётные данные. Любой, кто его получит, сможет действовать от вашего ' +
    'имени, пока они не истекут.',
  format: 'Формат',
  har: 'HAR (его можно импортировать в Chrome DevTools)',
  harGz: 'HAR.gz (меньше, для больших записей)',
  writing: 'Сохранение файла…',
  writingProgress: (p) =>
    `Сохранение файла… ${p.done} из ${p.total} ${pluralRu(p.total, 'записи', 'записей', 'записей')}`,
  exportWithSecrets: 'Экспортировать с секретами',
  exportRedacted: 'Экспортировать без секретов',
  failed: (p) => `Экспорт не удался: ${p.error}. Попробуйте ещё раз или экспортируйте в HAR (без gzip).`,
  summary: {
    label: 'Что будет скрыто',
    working: 'Определяем, что будет скрыто…',
    none:
      'Стандартные правила не нашли секретов. Если в записи есть секрет, который они пропускают, добавьте ' +
      'правило ниже.',
    distinct: (p) =>
      `${p.count} ${pluralRu(
        p.count,
        'уникальное секретное значение будет заменено',
        'уникальных секретных значения будут заменены',
        'уникальных секретных значений будут заменены',
      )} заглушками (один и тот же секрет во всём файле получает одну и ту же заглушку):`,
    values: (p) => `${p.count} ${pluralRu(p.count, 'значение', 'значения', 'значений')}`,
  },
  ruleForm: {
    label: 'Добавить правило скрытия секретов',
    redactValueOf: 'Скрывать значение:',
    whatToMatch: 'Что искать',
    nameToRedact: 'Имя, значение которого нужно скрыть',
    placeholder: 'например, X-Tenant-Key',
    add: 'Добавить правило',
  },
  kinds: {
    header: 'Имя заголовка',
    jsonKey: 'Ключ JSON',
    param: 'Параметр запроса или формы',
  },
};
