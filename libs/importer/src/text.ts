/** Text clean-up shared by every layout: what a finding's text looks like once read. */

const BLOCK_TAG = /<\/?(?:p|br|div|ul|ol|li|tr|td|th|table|tbody|thead|h[1-6])\b[^>]*>/gi;
const INLINE_TAG = /<\/?[a-z][a-z0-9]*\b[^>]*>/gi;
const ENTITY = /&(#\d{1,6}|#x[0-9a-f]{1,6}|[a-z]{2,6});/gi;
const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/;
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'g');
const UNFOLDED = /[^\S ]| {2}/;

export function stripHtml(text: string): string {
  if (!text.includes('<') && !text.includes('&')) return text;
  return text.replace(BLOCK_TAG, ' ').replace(INLINE_TAG, '').replace(ENTITY, decodeEntity);
}

export function foldWhitespace(text: string): string {
  const visible = INVISIBLE.test(text) ? text.replace(INVISIBLE_ALL, '') : text;
  // Most text is already single-spaced: replacing every space with a space is the slow part.
  return UNFOLDED.test(visible) ? visible.replace(/\s+/g, ' ').trim() : visible.trim();
}

/** Whitespace folded, HTML tags removed, entities decoded; the words themselves untouched. */
export function cleanText(text: string): string {
  return foldWhitespace(stripHtml(text));
}

/** For comparing headings: lower case, straight quotes, no emphasis marks or trailing colon. */
export function headingKey(text: string): string {
  const key = cleanText(text)
    .replace(/\*+/g, '')
    .replace(/[\u2018\u2019\u02BC]/g, "'")
    .trim();
  return (key.endsWith(':') ? key.slice(0, -1).trimEnd() : key).toLowerCase();
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function decodeEntity(whole: string, name: string): string {
  if (name.startsWith('#x') || name.startsWith('#X')) return safeCodePoint(parseInt(name.slice(2), 16), whole);
  if (name.startsWith('#')) return safeCodePoint(parseInt(name.slice(1), 10), whole);
  return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
}

function safeCodePoint(code: number, fallback: string): string {
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : fallback;
}
