import nunjucks from 'nunjucks';

type Escape = (text: string) => string;
const lib = nunjucks.lib as unknown as { escape: Escape };
/** Nunjucks' own escaping, taken before escapePagesAsLatin1 replaces it. */
const nunjucksEscape = lib.escape;
/** Any character beyond Latin-1 (a surrogate pair as one). */
const BEYOND_LATIN1 = /[\u0100-\u{10ffff}]/gu;
const HAS_BEYOND_LATIN1 = /[\u0100-\u{10ffff}]/u;

/**
 * Escapes text for a page as Nunjucks does, then writes each character beyond Latin-1 as a character
 * reference. V8 keeps a string one byte a character only while every character is Latin-1: one
 * typographic apostrophe in a measure's name or a council's made the whole page two bytes a character,
 * and copying and encoding it cost about a tenth of a page's CPU (docs/PERFORMANCE.md, twelfth round).
 * Browsers read the reference as the character, in text and in attribute values alike.
 */
export function escapeForPage(text: string): string {
  const escaped = nunjucksEscape(text);
  // Most values are Latin-1 already: a test is cheaper than a replace that finds nothing.
  return HAS_BEYOND_LATIN1.test(escaped) ? escaped.replace(BEYOND_LATIN1, (found) => `&#${found.codePointAt(0)};`) : escaped;
}

/** Makes Nunjucks' autoescaping and its `escape` filter use `escapeForPage` (they call `lib.escape` at each use). */
export function escapePagesAsLatin1(): void {
  lib.escape = escapeForPage;
}
