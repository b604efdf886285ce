import { PDFDocument, PDFHexString, PDFPage, StandardFonts } from 'pdf-lib';
import { ImportError } from './import-error';
import { extractText } from './pdf-text';
import { readReport } from './read-report';

const LIMIT = 5 * 1024 * 1024;

type Page = Array<{ text: string; x?: number; size?: number }>;

async function buildPdf(pages: Page[]): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const lines of pages) {
    const page: PDFPage = doc.addPage([595, 842]);
    lines.forEach(({ text, x = 50, size = 11 }, index) => page.drawText(text, { x, y: 800 - index * 16, size, font }));
  }
  return Buffer.from(await doc.save());
}

/** pdf-lib cannot encrypt, so the trailer gets a standard security handler whose password check fails. */
async function buildEncryptedPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage();
  const handler = doc.context.obj({
    Filter: 'Standard',
    V: 1,
    R: 2,
    O: PDFHexString.of('00'.repeat(32)),
    U: PDFHexString.of('11'.repeat(32)),
    P: -4,
  });
  doc.context.trailerInfo.Encrypt = doc.context.register(handler);
  doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of('ab'.repeat(16)), PDFHexString.of('ab'.repeat(16))]);
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

const header = { text: 'Inspection of safeguarding and looked after children services: Eastholm', size: 8 };
const twoPageReport: Page[] = [
  [
    { text: 'Inspection of safeguarding and looked after children services' },
    { text: 'Eastholm' },
    { text: 'Published: 3 May 2011' },
    { text: 'Safeguarding services' },
    { text: 'Areas for improvement' },
    { text: 'Immediately:' },
    { text: '\u2022 ensure that every referral is acknowledged within one working day' },
    { text: 'Within three months:' },
    { text: '\u2022 ensure that managers record the reasons for every decision to close a case and' },
    { text: 'Page 1 of 2', x: 270, size: 8 },
  ],
  [
    header,
    { text: 'that these reasons are shared with the family' },
    { text: '\u2022 improve the attendance of GPs at child protection conferences.' },
    { text: 'Partnership working' },
    { text: 'Page 2 of 2', x: 270, size: 8 },
  ],
];

function expectImportError(code: ImportError['code']) {
  return expect.objectContaining({ name: 'ImportError', code, message: expect.stringMatching(/\w{3,}.*:|\./) });
}

describe('extractText', () => {
  it('reads a PDF page by page, with a form feed at each page break', async () => {
    const text = await extractText(await buildPdf(twoPageReport), LIMIT);
    expect(text).toContain('Eastholm');
    expect(text.split('\f')).toHaveLength(2);
  });

  it('passes UTF-8 text through, whatever the file was called', async () => {
    const text = 'Areas for improvement\n\u2022 ensure caf\u00e9 staff are trained.\n';
    await expect(extractText(Buffer.from(text, 'utf8'), LIMIT)).resolves.toBe(text);
  });

  it('reads UTF-16 text that starts with a byte-order mark', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Areas for improvement', 'utf16le')]);
    await expect(extractText(bytes, LIMIT)).resolves.toBe('Areas for improvement');
  });

  it('refuses an empty file', async () => {
    await expect(extractText(Buffer.alloc(0), LIMIT)).rejects.toEqual(expectImportError('empty'));
  });

  it('refuses a file of blank space', async () => {
    await expect(extractText(Buffer.from(' \n\n\t '), LIMIT)).rejects.toEqual(expectImportError('empty'));
  });

  it('refuses a file over the size limit before reading it', async () => {
    await expect(extractText(Buffer.alloc(2048, 65), 1024)).rejects.toEqual(expectImportError('too_large'));
  });

  it('refuses a recognised binary that is not a PDF, naming what it is', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
    await expect(extractText(png, LIMIT)).rejects.toEqual(expect.objectContaining({ code: 'not_a_document', message: expect.stringContaining('PNG') }));
  });

  it('names every format it reads when refusing one, Word documents included', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
    await expect(extractText(png, LIMIT)).rejects.toEqual(
      expect.objectContaining({ message: expect.stringContaining('a PDF, a Word document (.docx) or plain UTF-8 text') }),
    );
  });

  it('refuses bytes that are neither a known format nor text', async () => {
    const noise = Buffer.from(Array.from({ length: 512 }, (_, index) => (index * 37) % 256));
    await expect(extractText(noise, LIMIT)).rejects.toEqual(expectImportError('not_a_document'));
  });

  it('refuses a password-protected PDF', async () => {
    await expect(extractText(await buildEncryptedPdf(), LIMIT)).rejects.toEqual(expectImportError('encrypted_pdf'));
  });

  it('refuses a damaged PDF', async () => {
    const truncated = (await buildPdf(twoPageReport)).subarray(0, 400);
    await expect(extractText(truncated, LIMIT)).rejects.toEqual(expectImportError('broken_pdf'));
  });

  it('refuses a PDF with no text layer', async () => {
    await expect(extractText(await buildPdf([[]]), LIMIT)).rejects.toEqual(expectImportError('empty'));
  });
});

describe('readReport', () => {
  it('reads the findings of a PDF, joining the item split by the page break', async () => {
    const report = await readReport(await buildPdf(twoPageReport), LIMIT);
    expect(report).toMatchObject({ kind: 'inspection_report_safeguarding_and_looked_after_children', authority: 'Eastholm', published: '2011-05-03' });
    expect(report.findings.map(({ timescale, text }) => ({ timescale, text }))).toEqual([
      { timescale: 'immediately', text: 'ensure that every referral is acknowledged within one working day' },
      {
        timescale: 'three_months',
        text: 'ensure that managers record the reasons for every decision to close a case and that these reasons are shared with the family',
      },
      { timescale: 'three_months', text: 'improve the attendance of GPs at child protection conferences.' },
    ]);
  });

  it('refuses a PDF in which no findings can be found', async () => {
    const letter = await buildPdf([[{ text: 'Dear colleague,' }, { text: 'Thank you for your help with the visit.' }]]);
    await expect(readReport(letter, LIMIT)).rejects.toEqual(expectImportError('no_findings'));
  });
});
