import { brokenPdf, emptyDocument, encryptedPdf, inflatesTooFar, notADocument, textTooLong, tooLarge } from './import-error';
import { inflatesBeyond } from './pdf-inflation';
import { PageProgress, readPdfPages } from './pdf-worker';
import { docxText } from './docx-text';

/**
 * The text of an uploaded document. What it is comes from its bytes, never its name: a PDF is
 * read with pdf-parse, one form feed between pages so that page breaks stay visible to the
 * parser; text must be UTF-8 (or UTF-16 with a byte-order mark).
 */
export async function extractText(bytes: Buffer, maxBytes: number, onProgress?: PageProgress): Promise<string> {
  const text = await textOf(bytes, maxBytes, onProgress);
  if (text.length > MAX_REPORT_TEXT_CHARS) throw textTooLong(text.length, MAX_REPORT_TEXT_CHARS);
  return text;
}

/**
 * Far more text than a report holds (a full inspection report of 2012 runs to 114,000 characters).
 * The text is parsed on the API's own thread, so this also bounds how long one import can hold up
 * everyone else's requests: a 14 MB text held them up for 1.3 s.
 */
export const MAX_REPORT_TEXT_CHARS = 2_000_000;

async function textOf(bytes: Buffer, maxBytes: number, onProgress?: PageProgress): Promise<string> {
  if (bytes.length === 0) throw emptyDocument();
  if (bytes.length > maxBytes) throw tooLarge(bytes.length, maxBytes);
  // A UTF-16 byte-order mark can look like the start of an audio frame to a sniffer.
  const unicode = decodeWithByteOrderMark(bytes);
  if (unicode !== null) return plainText(unicode);
  // Loaded at the first import, as for evidence (libs/core/src/evidence/evidence-type.ts), not at start-up.
  const { fileTypeFromBuffer } = await import('file-type');
  const type = await fileTypeFromBuffer(bytes);
  if (type?.mime === 'application/pdf') return pdfText(bytes, onProgress);
  if (type?.ext === 'docx') return docxText(bytes);
  if (type) throw notADocument(type.ext.toUpperCase());
  return plainText(decodeText(bytes));
}

function plainText(text: string | null): string {
  if (text === null) throw notADocument();
  if (text.trim().length === 0) throw emptyDocument('The file holds only blank space');
  return text;
}

/** Far more than a report's pages and pictures unpack to; a PDF whose streams unpack to more is refused unread. */
export const MAX_DECODED_PDF_BYTES = 128 * 1024 * 1024;

async function pdfText(bytes: Buffer, onProgress?: PageProgress): Promise<string> {
  if (inflatesBeyond(bytes, MAX_DECODED_PDF_BYTES)) throw inflatesTooFar(MAX_DECODED_PDF_BYTES);
  const { pages, failure } = await readPdfPages(new Uint8Array(bytes), onProgress);
  if (failure || !pages) throw failure?.name === 'PasswordException' ? encryptedPdf() : brokenPdf();
  const text = pages.join('\n\f');
  if (text.trim().length === 0) throw emptyDocument('The PDF has no text in it (it may be a scanned image)');
  return text;
}

/** UTF-16 text with its byte-order mark; null when the bytes do not start with one. */
function decodeWithByteOrderMark(bytes: Buffer): string | null {
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  if (!encoding) return null;
  const text = strictDecode(encoding, bytes.subarray(2));
  return text !== null && isPlainText(text) ? text : null;
}

function decodeText(bytes: Buffer): string | null {
  const text = strictDecode('utf-8', bytes);
  return text !== null && isPlainText(text) ? text.replace(/^\uFEFF/, '') : null;
}

function strictDecode(encoding: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Text has no NUL bytes and few control characters (PDF extractions leave some; binaries many). */
function isPlainText(text: string): boolean {
  if (text.includes('\u0000')) return false;
  // eslint-disable-next-line no-control-regex -- counting control characters is the point
  const controls = text.match(/[\u0001-\u0008\u000E-\u001F]/g)?.length ?? 0;
  return controls <= Math.max(8, text.length / 200);
}
