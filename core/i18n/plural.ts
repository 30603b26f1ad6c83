/**
 * Plural forms for the catalogs. English has two (`1 request`, `2 requests`); Russian three
 * (`1 запрос`, `2 запроса`, `5 запросов`, and `21 запрос` again), picked by CLDR's rules through
 * `Intl.PluralRules`, so a catalog never hand-codes the mod-10/mod-100 arithmetic.
 */
const EN = new Intl.PluralRules('en');
const RU = new Intl.PluralRules('ru');

/** `one` for 1, `other` otherwise. */
export function pluralEn(n: number, one: string, other: string): string {
  return EN.select(n) === 'one' ? one : other;
}

/** `one` for 1, 21, 101…; `few` for 2–4, 22–24…; `many` for 0, 5–20, 25…; fractions take `few`. */
export function pluralRu(n: number, one: string, few: string, many: string): string {
  const form = RU.select(n);
  return form === 'one' ? one : form === 'few' ? few : form === 'many' ? many : few;
}
