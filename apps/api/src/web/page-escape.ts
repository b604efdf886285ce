import nunjucks from 'nunjucks';

const ENTITIES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&#39;', '<': '&lt;', '>': '&gt;', '\\': '&#92;' };
/** What Nunjucks escapes, and any character beyond Latin-1 (a surrogate pair as one). */
const TO_ESCAPE = /[&"'<>\\]|[\u0100-\u{10ffff}]/gu;

/**
 * Escapes text for a page as Nunjucks does, writing each character beyond Latin-1 as a character
 * reference. V8 keeps a string one byte a character only while every character is Latin-1: one
 * typographic apostrophe in a measure's name or a council's made the whole page two bytes a character,
 * and copying and encoding it cost about a tenth of a page's CPU (docs/PERFORMANCE.md, twelfth round).
 * Browsers read the reference as the character, in text and in attribute values alike.
 */
export function escapeForPage(text: string): string {
  return text.replace(TO_ESCAPE, (found) => ENTITIES[found] ?? `&#${found.codePointAt(0)};`);
}

/** Makes Nunjucks' autoescaping and its `escape` filter use `escapeForPage` (they call `lib.escape` at each use). */
export function escapePagesAsLatin1(): void {
  (nunjucks.lib as unknown as { escape: (text: string) => string }).escape = escapeForPage;
}
