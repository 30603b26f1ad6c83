/**
 * HTML escaping for the report. Every captured string (URLs, headers, frames, messages) is
 * untrusted: it goes into the page as text only, never as markup, an attribute that loads
 * something, or CSS. https://html.spec.whatwg.org/multipage/syntax.html#escapingString
 */
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * `text` safe as element content and as a quoted attribute value: `&`, `<`, `>`, `"` and `'`
 * become entities, so no captured string can close a tag, an attribute or a `<style>`.
 * @param text Any string; numbers are written as they print.
 */
export function escapeHtml(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** At most `max` characters of `text`, with `…` when cut: a 1 MB frame must not make a 1 MB cell. */
export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
