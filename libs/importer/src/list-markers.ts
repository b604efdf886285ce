/**
 * List markers as PDF text extractors leave them: a dash or bullet ("◼", U+25FC, in reports since 2023), a glyph from a symbol font
 * (private-use code points such as U+F0B7, or control characters where the font had no mapping),
 * Word's second-level "o", a number "12." or a letter "(b)".
 */

export type MarkerKind = 'bullet' | 'number' | 'letter';

export interface ListMarker {
  kind: MarkerKind;
  /** 12 for "12.", "b" for "(b)", the glyph for a bullet. */
  value: string;
  /** The line's text after the marker. */
  rest: string;
}

const GLYPH =
  '[\\u2022\\u25FC\\u25FE\\u25CF\\u25E6\\u25AA\\u25A0\\u25A1\\u25BA\\u25B8\\u2023\\u2043\\u2219\\u00B7\\u27A2\\u2713\\u2714\\uE000-\\uF8FF\\u0001-\\u0008\\u000B\\u000E-\\u001F\\u007F-\\u009F]';
const BULLET = new RegExp(`^(${GLYPH}|[-\\u2013\\u2014*o](?=\\s))\\s*(.*)$`, 'u');
const NUMBER = /^\(?(\d{1,3})[.)](?=\s)\s*(\S.*)$/;
const LETTER = /^\(([a-z])\)\s*(\S.*)$|^([a-z])\)\s+(\S.*)$/;

/** Bullet glyphs that also separate items written on one line, as in table cells. */
export const INLINE_BULLET = new RegExp(`\\s*(?:${GLYPH}|<li\\b[^>]*>)\\s*`, 'gu');

export function readMarker(trimmed: string): ListMarker | null {
  const bullet = BULLET.exec(trimmed);
  if (bullet && bullet[2].length > 0) return { kind: 'bullet', value: bullet[1], rest: bullet[2] };
  const number = NUMBER.exec(trimmed);
  if (number) return { kind: 'number', value: number[1], rest: number[2] };
  const letter = LETTER.exec(trimmed);
  if (letter) return { kind: 'letter', value: letter[1] ?? letter[3], rest: letter[2] ?? letter[4] };
  return null;
}
