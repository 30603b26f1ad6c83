/**
 * The two catalogs match: the same messages, each taking the same parameters, and every
 * Russian message actually translated (Cyrillic, not a copy of the English) unless it is a
 * name that reads the same in both (listed in SAME_IN_BOTH).
 */
import { describe, expect, it } from 'vitest';
import { asLocale, messagesFor, resolveLocale } from '~/core/i18n';
import { pluralEn, pluralRu } from '~/core/i18n/plural';

type Node = string | ((p: Record<string, unknown>) => string) | { [key: string]: Node };

/** Message paths whose Russian is rightly the same as the English (terms Russian DevTools keep in Latin). */
const SAME_IN_BOTH = new Set<string>(['timeline.preflight', 'exportDialog.suspects.kinds.jwt']);

interface Leaf {
  path: string;
  value: Node;
}

function leaves(node: Node, path = ''): Leaf[] {
  if (typeof node === 'string' || typeof node === 'function') return [{ path, value: node }];
  return Object.entries(node).flatMap(([key, child]) => leaves(child, path ? `${path}.${key}` : key));
}

/**
 * Calls a message with a parameter object that records which names it reads. Each parameter
 * is a value that turns into the text `‹name›` (or the number 2 where a number is needed), so
 * a message that interpolates it shows the name, and plural choices still work.
 */
function render(fn: (p: Record<string, unknown>) => string): { text: string; params: Set<string> } {
  const params = new Set<string>();
  const proxy = new Proxy(
    {},
    {
      get(_target, key) {
        if (typeof key !== 'string') return undefined;
        params.add(key);
        return {
          [Symbol.toPrimitive]: (hint: string) => (hint === 'number' ? 2 : `‹${key}›`),
        };
      },
    },
  );
  return { text: fn(proxy), params };
}

const en = leaves(messagesFor('en') as unknown as Node);
const ru = new Map(leaves(messagesFor('ru') as unknown as Node).map((l) => [l.path, l.value]));

describe('catalogs', () => {
  it('have the same messages in English and Russian', () => {
    expect([...ru.keys()].sort()).toEqual(en.map((l) => l.path).sort());
  });

  it('has messages to check', () => {
    expect(en.length).toBeGreaterThan(20);
  });

  for (const { path, value } of en) {
    it(`${path}: same kind and parameters, translated`, () => {
      const other = ru.get(path);
      expect(typeof other, 'kind').toBe(typeof value);
      if (typeof value === 'function' && typeof other === 'function') {
        const a = render(value);
        const b = render(other);
        expect([...b.params].sort(), 'parameters read').toEqual([...a.params].sort());
        for (const name of a.params) expect(b.text, `shows ${name}`).toContain(`‹${name}›`);
        if (!SAME_IN_BOTH.has(path)) {
          expect(b.text).not.toBe(a.text);
          expect(b.text).toMatch(/[а-яё]/i);
        }
        expect(a.text.trim(), 'not empty').not.toBe('');
        expect(b.text.trim(), 'not empty').not.toBe('');
      } else if (typeof value === 'string' && typeof other === 'string') {
        expect(value.trim(), 'not empty').not.toBe('');
        expect(other.trim(), 'not empty').not.toBe('');
        if (!SAME_IN_BOTH.has(path)) {
          expect(other).not.toBe(value);
          expect(other).toMatch(/[а-яё]/i);
        }
      }
    });
  }
});

describe('plural forms', () => {
  it('pick English one/other', () => {
    expect([0, 1, 2].map((n) => pluralEn(n, 'request', 'requests'))).toEqual([
      'requests',
      'request',
      'requests',
    ]);
  });

  it('pick Russian one/few/many, 11–14 included', () => {
    const f = (n: number) => pluralRu(n, 'запрос', 'запроса', 'запросов');
    expect([1, 2, 5, 11, 12, 21, 22, 25, 101, 111].map(f)).toEqual([
      'запрос',
      'запроса',
      'запросов',
      'запросов',
      'запросов',
      'запрос',
      'запроса',
      'запросов',
      'запрос',
      'запросов',
    ]);
    expect(f(1.5)).toBe('запроса');
  });
});

describe('locale resolution', () => {
  it('takes the first supported language, English otherwise', () => {
    expect(resolveLocale(['ru-RU', 'en-US'])).toBe('ru');
    expect(resolveLocale(['de-DE', 'ru'])).toBe('ru');
    expect(resolveLocale(['de-DE', 'fr'])).toBe('en');
    expect(resolveLocale([undefined, 'ru_RU.UTF-8'])).toBe('ru');
    expect(resolveLocale([])).toBe('en');
    expect(asLocale('EN-gb')).toBe('en');
    expect(asLocale(42)).toBeUndefined();
  });
});
