import { AppError } from '../app-error';

// Office documents, PDFs and images; a file's name is never trusted, only its bytes.
const ALLOWED = new Set([
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/x-cfb',
  'application/vnd.ms-outlook',
  'message/rfc822',
]);

/** The evidence file's real type from its content; plain UTF-8 text (notes, CSV) has no signature. */
export async function sniffEvidenceType(bytes: Buffer): Promise<string> {
  const { fileTypeFromBuffer } = await import('file-type');
  const found = await fileTypeFromBuffer(bytes);
  if (found && ALLOWED.has(found.mime)) return found.mime;
  if (!found && isUtf8Text(bytes)) return 'text/plain';
  throw new AppError(
    'unsupported_media_type',
    'unsupported_file_type',
    `Files of this type${found ? ` (${found.mime})` : ''} cannot be evidence: upload a PDF, an office document, an image or plain text`,
  );
}

function isUtf8Text(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 64 * 1024);
  if (sample.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, lastCompleteChar(sample)));
    return true;
  } catch {
    return false;
  }
}

// A 64 KiB sample can end inside a multi-byte character; cut it back to the last whole one.
function lastCompleteChar(b: Buffer): number {
  const end = b.length;
  for (let i = 1; i <= 3 && end - i >= 0; i++) {
    const byte = b[end - i];
    if ((byte & 0xc0) === 0xc0) return end - i;
    if ((byte & 0x80) === 0) return end;
  }
  return end;
}
