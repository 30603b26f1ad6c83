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
  /** Values removed for their looks alone, listed for review (components/export/suspect-review.vue). */
  suspects: {
    label: 'Values that look like secrets',
    intro:
      'These were removed for their looks alone, not for their name. Keep one only if you are sure it is ' +
      'not a secret (a build id, a public hash).',
    kinds: {
      jwt: 'JWT',
      'private-key': 'private key',
      'vendor-key': 'API key',
      'random-token': 'random token',
      other: 'secret',
    } as Record<string, string>,
    length: (p: { count: number }) => `${p.count} ${pluralEn(p.count, 'character', 'characters')}`,
    seen: (p: { count: number }) => `seen ${p.count} ${pluralEn(p.count, 'time', 'times')}`,
    where: {
      url: 'in the URL',
      requestHeader: (p: { name: string }) => `in the request header ${p.name}`,
      responseHeader: (p: { name: string }) => `in the response header ${p.name}`,
      query: (p: { name: string }) => `in the query parameter ${p.name}`,
      requestBody: 'in the request body',
      responseBody: 'in the response body',
      status: 'in the status or error text',
      message: 'in a message',
      other: 'elsewhere in the entry',
      extras: 'in exceptions, logs or findings',
    },
    keep: 'Keep as is',
    keepLabel: (p: { preview: string }) => `Keep ${p.preview} in the file as captured`,
    kept: 'Kept: this value will be in the file as captured.',
  },
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
  suspects: {
    label: 'Значения, похожие на секреты',
    intro:
      'Они скрыты только по виду, а не по имени. Оставляйте значение, только если уверены, что это не ' +
      'секрет (номер сборки, публичный хеш).',
    kinds: {
      jwt: 'JWT',
      'private-key': 'закрытый ключ',
      'vendor-key': 'ключ API',
      'random-token': 'случайный токен',
      other: 'секрет',
    },
    length: (p) => `${p.count} ${pluralRu(p.count, 'символ', 'символа', 'символов')}`,
    seen: (p) => `встречается ${p.count} ${pluralRu(p.count, 'раз', 'раза', 'раз')}`,
    where: {
      url: 'в URL',
      requestHeader: (p) => `в заголовке запроса ${p.name}`,
      responseHeader: (p) => `в заголовке ответа ${p.name}`,
      query: (p) => `в параметре запроса ${p.name}`,
      requestBody: 'в теле запроса',
      responseBody: 'в теле ответа',
      status: 'в статусе или тексте ошибки',
      message: 'в сообщении',
      other: 'в другом поле записи',
      extras: 'в исключениях, логах или выводах',
    },
    keep: 'Оставить как есть',
    keepLabel: (p) => `Оставить ${p.preview} в файле как есть`,
    kept: 'Оставлено: это значение попадёт в файл как есть.',
  },
};
