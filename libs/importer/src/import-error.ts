import type { LayoutDiagnosis } from './layout-diagnosis';

import { formatSize, withArticle } from '@app/domain/wording';

export type ImportErrorCode = 'empty' | 'too_large' | 'not_a_document' | 'encrypted_pdf' | 'broken_pdf' | 'no_findings';

/** A document that cannot be imported. The message is shown to users, so it says what to do next. */
export class ImportError extends Error {
  constructor(
    public readonly code: ImportErrorCode,
    message: string,
    /** For no_findings: the layout it was taken for, the sections looked for, the headings found. */
    public readonly details?: LayoutDiagnosis,
  ) {
    super(message);
    this.name = 'ImportError';
  }
}

export function emptyDocument(detail = 'The file is empty'): ImportError {
  return new ImportError('empty', `${detail}: choose the report's PDF, or a text file holding its text.`);
}

export function tooLarge(bytes: number, maxBytes: number): ImportError {
  return new ImportError(
    'too_large',
    `The file is ${formatSize(bytes)}, over the ${formatSize(maxBytes)} limit: upload the single report, not a bundle of documents.`,
  );
}

export function inflatesTooFar(maxBytes: number): ImportError {
  return new ImportError(
    'too_large',
    `The PDF unpacks to more than ${formatSize(maxBytes)}, far beyond any inspection report: download the report again from the inspectorate's website, or upload its text.`,
  );
}

export function textTooLong(chars: number, maxChars: number): ImportError {
  return new ImportError(
    'too_large',
    `The document holds ${chars.toLocaleString('en-GB')} characters of text, over the ${maxChars.toLocaleString('en-GB')} of even the longest report: upload the single report, not a bundle of documents.`,
  );
}

export function notADocument(found?: string): ImportError {
  const what = found ? `It looks like ${withArticle(found)} file.` : 'It is neither a PDF, a Word document nor UTF-8 text.';
  return new ImportError('not_a_document', `${what} Upload the report or paper as a PDF, a Word document (.docx) or plain UTF-8 text.`);
}

export function encryptedPdf(): ImportError {
  return new ImportError('encrypted_pdf', 'The PDF is password-protected: save a copy without the password (or print it to a new PDF) and upload that.');
}

export function brokenPdf(): ImportError {
  return new ImportError(
    'broken_pdf',
    "The PDF is damaged and cannot be read: download the report again from the inspectorate's website and upload the new copy.",
  );
}

/**
 * Says what layout the document was taken for, which sections were looked for and which headings
 * the document has, so that a person can find the findings and add them by hand.
 */
export function noFindings(diagnosis: LayoutDiagnosis): ImportError {
  const what = diagnosis.recognisedAs ? `This looks like: ${diagnosis.recognisedAs}.` : 'Its layout was not recognised.';
  const seen = diagnosis.found.length > 0 ? `its headings are ${quoted(diagnosis.found)}` : 'no headings could be seen in it';
  return new ImportError(
    'no_findings',
    `No findings were found. ${what} The importer looked for sections headed ${quoted(diagnosis.lookedFor)}; ${seen}. ` +
      'Check that this is an inspection report or a council progress paper, or add the findings to the plan by hand.',
    diagnosis,
  );
}

function quoted(texts: string[]): string {
  return texts.map((text) => (text.startsWith('A ') ? text : `"${text}"`)).join(', ');
}
