/**
 * Messages of the filter-language area: why a term of the timeline's filter (or a frames
 * filter's text or heartbeat pattern) was left out. Each reads `<term> — <reason>`.
 */
export const en = {
  invalidRegex: (p: { term: string }) => `${p.term} — not a valid regular expression`,
  invalidHeartbeat: (p: { term: string }) => `${p.term} — not a valid heartbeat pattern`,
  needsValue: (p: { term: string; key: string }) => `${p.term} — ${p.key}: needs a value`,
  expectedStatus: (p: { term: string }) => `${p.term} — expected a status like 404 or 4xx`,
  /** `values`: the accepted values as a list, `is:failed or is:cors`. */
  expectedIs: (p: { term: string; values: string }) => `${p.term} — expected ${p.values}`,
  expectedSize: (p: { term: string }) => `${p.term} — expected a size like 500, 10k or 1M`,
};

export const ru: typeof en = {
  invalidRegex: (p) => `${p.term} — некорректное регулярное выражение`,
  invalidHeartbeat: (p) => `${p.term} — некорректный шаблон служебных пингов (heartbeat)`,
  needsValue: (p) => `${p.term} — для ${p.key} нужно значение`,
  expectedStatus: (p) => `${p.term} — нужен код статуса, например 404 или 4xx`,
  expectedIs: (p) => `${p.term} — ожидается ${p.values}`,
  expectedSize: (p) => `${p.term} — нужен размер, например 500, 10k или 1M`,
};
