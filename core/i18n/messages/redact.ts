/**
 * Messages of the redact area: what an export's redaction removed (the command line's summary)
 * and why a rule the user typed cannot be added (the export dialog's rule form).
 */

export const en = {
  /** `rules`: the rules that fired with their counts, `header:authorization ×2, json-key:token ×1`. */
  removed: (p: { count: number; rules: string }) => `removed ${p.count} distinct secrets: ${p.rules}`,
  removedNone: (p: { count: number }) => `removed ${p.count} distinct secrets: none found`,
  ruleProblem: {
    empty: 'Type a name (or a pattern) to redact.',
    invalid: (p: { pattern: string }) =>
      `"${p.pattern}" is not a valid pattern: escape special characters such as ( [ * + ?`,
  },
};

export const ru: typeof en = {
  removed: (p) => `скрыто уникальных секретов: ${p.count}; сработавшие правила: ${p.rules}`,
  removedNone: (p) => `скрыто уникальных секретов: ${p.count}; секреты не найдены`,
  ruleProblem: {
    empty: 'Введите имя (или шаблон), значение которого нужно скрыть.',
    invalid: (p) =>
      `«${p.pattern}» — некорректный шаблон: экранируйте специальные символы, например ( [ * + ?`,
  },
};
