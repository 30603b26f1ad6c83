/**
 * The timeline's filter language, as in DevTools' Network panel: free words and `/regex/`,
 * `key:value` properties, `-` to negate a term, several terms ANDed. Parsing never throws: a
 * term it cannot read is reported in `problems` and left out, so one typo does not hide the
 * whole timeline while the user is still typing. Problems are written in the locale asked for.
 */
import { messagesFor, type Locale, type Messages } from '../i18n';

/** The property keys the language knows. */
export const FILTER_KEYS = [
  'method',
  'status-code',
  'domain',
  'type',
  'is',
  'finding',
  'larger-than',
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** The values `is:` accepts. */
export const IS_VALUES = ['failed', 'cors'] as const;

export type FilterTerm = { negated: boolean } & (
  | { kind: 'text'; word: string }
  | { kind: 'regex'; regex: RegExp }
  | { kind: 'method'; method: string }
  | { kind: 'status-code'; matches: (status: number) => boolean }
  | { kind: 'domain'; host: RegExp }
  | { kind: 'type'; type: string }
  | { kind: 'is'; what: (typeof IS_VALUES)[number] }
  | { kind: 'finding'; ruleId: string }
  | { kind: 'larger-than'; bytes: number }
);

export interface ParsedFilter {
  terms: FilterTerm[];
  /** One line per term that was left out, saying why: `status-code:abc — expected a number like 404 or 4xx`. */
  problems: string[];
}

const SIZE = /^(\d+(?:\.\d+)?)([km]?)b?$/i;
const STATUS = /^[1-5](?:\d\d|xx|\dx)$/i;

/**
 * Parses a filter query.
 * @param query What the user typed, e.g. `-domain:*.cdn.test method:POST /refresh/`.
 * @param locale The language of `problems`.
 */
export function parseFilter(query: string, locale: Locale = 'en'): ParsedFilter {
  const terms: FilterTerm[] = [];
  const problems: string[] = [];
  for (const token of query.split(/\s+/)) {
    if (token === '') continue;
    const negated = token.length > 1 && token.startsWith('-');
    const body = negated ? token.slice(1) : token;
    const term = parseTerm(body);
    if (typeof term === 'function') problems.push(term(messagesFor(locale).filterLanguage, token, locale));
    else terms.push({ ...term, negated } as FilterTerm);
  }
  return { terms, problems };
}

/** Why a term was refused, written for the whole term (`-` included) in one language. */
type Problem = (m: Messages['filterLanguage'], term: string, locale: Locale) => string;

type TermBody = FilterTerm extends infer T ? (T extends FilterTerm ? Omit<T, 'negated'> : never) : never;

/** One term without its `-`; a function gives the reason it was refused. */
function parseTerm(body: string): TermBody | Problem {
  if (body.length > 2 && body.startsWith('/') && body.endsWith('/')) {
    try {
      return { kind: 'regex', regex: new RegExp(body.slice(1, -1), 'i') };
    } catch {
      return (m, term) => m.invalidRegex({ term });
    }
  }
  const colon = body.indexOf(':');
  const key = colon > 0 ? body.slice(0, colon).toLowerCase() : '';
  // `http://…` and other words with a colon stay free text: only known keys are properties.
  if (!(FILTER_KEYS as readonly string[]).includes(key)) return { kind: 'text', word: body.toLowerCase() };
  const value = body.slice(colon + 1);
  if (value === '') return (m, term) => m.needsValue({ term, key });
  switch (key as FilterKey) {
    case 'method':
      return { kind: 'method', method: value.toUpperCase() };
    case 'status-code':
      return STATUS.test(value)
        ? { kind: 'status-code', matches: statusMatcher(value) }
        : (m, term) => m.expectedStatus({ term });
    case 'domain':
      return { kind: 'domain', host: globToRegExp(value) };
    case 'type':
      return { kind: 'type', type: value.toLowerCase() };
    case 'is': {
      const what = value.toLowerCase();
      return (IS_VALUES as readonly string[]).includes(what)
        ? { kind: 'is', what: what as (typeof IS_VALUES)[number] }
        : (m, term, locale) =>
            m.expectedIs({
              term,
              values: new Intl.ListFormat(locale, { type: 'disjunction' }).format(
                IS_VALUES.map((v) => `is:${v}`),
              ),
            });
    }
    case 'finding':
      return { kind: 'finding', ruleId: value.toLowerCase() };
    case 'larger-than': {
      const bytes = parseSize(value);
      return bytes === undefined ? (m, term) => m.expectedSize({ term }) : { kind: 'larger-than', bytes };
    }
  }
}

/** `404` matches exactly; `4xx` and `40x` match a range. */
function statusMatcher(value: string): (status: number) => boolean {
  const lower = value.toLowerCase();
  const prefix = lower.replace(/x+$/, '');
  return (status) => String(status).startsWith(prefix) && String(status).length === lower.length;
}

/**
 * A host pattern: `*` matches any run of characters, so `*.example.com` matches every
 * subdomain. Like DevTools, `*.example.com` also matches `example.com` itself.
 */
export function globToRegExp(pattern: string): RegExp {
  const lower = pattern.toLowerCase();
  const escaped = lower.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  const apex = lower.startsWith('*.') ? `|${escaped.slice(4)}` : '';
  return new RegExp(`^(?:${escaped}${apex})$`);
}

/**
 * Bytes from `500`, `10k`, `1.5M` (k = 1024, as DevTools counts).
 * @returns undefined when the text is not a size.
 */
export function parseSize(text: string): number | undefined {
  const m = SIZE.exec(text);
  if (!m) return undefined;
  const unit = m[2].toLowerCase();
  return Number(m[1]) * (unit === 'k' ? 1024 : unit === 'm' ? 1024 * 1024 : 1);
}
