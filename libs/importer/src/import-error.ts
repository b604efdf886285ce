import { formatSize, withArticle } from '@app/domain/wording';

export type ImportErrorCode = 'empty' | 'too_large' | 'not_a_document' | 'encrypted_pdf' | 'broken_pdf' | 'no_findings';

/** A document that cannot be imported. The message is shown to users, so it says what to do next. */
export class ImportError extends Error {
  constructor(
    public readonly code: ImportErrorCode,
    message: string,
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

export function notADocument(found?: string): ImportError {
  const what = found ? `It looks like ${withArticle(found)} file.` : 'It is neither a PDF nor UTF-8 text.';
  return new ImportError('not_a_document', `${what} Upload the inspection report as a PDF or as plain UTF-8 text.`);
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

export function noFindings(): ImportError {
  return new ImportError(
    'no_findings',
    'No findings were found. The importer looks for sections such as "Areas for improvement", "Areas for development", ' +
      '"Recommendations" or a table of "Key areas for improvement": check that this is an inspection report or a ' +
      'council progress paper, or add the findings to the plan by hand.',
  );
}
