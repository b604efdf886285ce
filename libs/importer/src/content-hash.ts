import { createHash } from 'node:crypto';

/**
 * The same document imported twice gives the same hash, whatever its line endings, byte-order
 * mark or trailing spaces.
 */
export function normaliseForHash(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .normalize('NFC')
    .split(/\r\n|\n|\r/)
    .map((line) => line.replace(/[ \t\u00A0]+$/, ''))
    .join('\n')
    .trim();
}

export function contentHash(text: string): string {
  return createHash('sha256').update(normaliseForHash(text), 'utf8').digest('hex');
}
