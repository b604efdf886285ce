import { deflateSync } from 'node:zlib';
import { buildPdf } from '../test-documents/pdf-builder';
import { ImportError } from './import-error';
import { inflatesBeyond } from './pdf-inflation';
import { extractText, MAX_REPORT_TEXT_CHARS } from './pdf-text';
import { MAX_PDF_READERS, pdfReadersInUse, readPdfPages } from './pdf-worker';

/** A minimal PDF body holding one stream with the given filters and compressed bytes. */
function pdfWithStream(filters: string, data: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(`%PDF-1.7\n4 0 obj\n<< /Length ${data.length} /Filter ${filters} >>\nstream\n`, 'latin1'),
    data,
    Buffer.from('\nendstream\nendobj\n%%EOF\n', 'latin1'),
  ]);
}

const MB = 1024 * 1024;

describe('limits on what one import may cost', () => {
  it('counts what a PDF unpacks to, through every Flate layer, against the budget', () => {
    const zeros = deflateSync(Buffer.alloc(5 * MB));
    expect(zeros.length).toBeLessThan(10_000);
    expect(inflatesBeyond(pdfWithStream('/FlateDecode', zeros), 1 * MB)).toBe(true);
    expect(inflatesBeyond(pdfWithStream('/FlateDecode', zeros), 10 * MB)).toBe(false);
    const twice = deflateSync(zeros);
    expect(inflatesBeyond(pdfWithStream('[/FlateDecode /FlateDecode]', twice), 1 * MB)).toBe(true);
    expect(inflatesBeyond(pdfWithStream('/DCTDecode', zeros), 1 * MB)).toBe(false);
  });

  it('lets a real report through, and refuses a PDF bomb unread with a message that says what to do', async () => {
    const report = await buildPdf({ blocks: [{ title: 'Anyshire County Council' }, { para: 'Inspection dates: 1 to 12 March 2021' }] });
    expect(inflatesBeyond(report, 1 * MB)).toBe(false);
    const bomb = pdfWithStream('/FlateDecode', deflateSync(Buffer.alloc(140 * MB)));
    await expect(extractText(bomb, 20 * MB)).rejects.toMatchObject({ code: 'too_large', message: expect.stringMatching(/unpacks to more than 128/) });
  });

  it('refuses text longer than any report before reading it', async () => {
    const text = Buffer.from('Finding text. '.repeat(Math.ceil(MAX_REPORT_TEXT_CHARS / 14) + 1));
    await expect(extractText(text, 50 * MB)).rejects.toBeInstanceOf(ImportError);
  });

  it(`reads at most ${MAX_PDF_READERS} PDFs at once; the others wait their turn and are all read`, async () => {
    const pdf = new Uint8Array(await buildPdf({ blocks: [{ para: 'A short page.' }] }));
    let most = 0;
    const sampler = setInterval(() => (most = Math.max(most, pdfReadersInUse())), 5);
    try {
      const results = await Promise.all(Array.from({ length: 5 }, () => readPdfPages(pdf)));
      expect(results.every((r) => r.pages?.join('').includes('A short page.'))).toBe(true);
    } finally {
      clearInterval(sampler);
    }
    expect(most).toBe(MAX_PDF_READERS);
    expect(pdfReadersInUse()).toBe(0);
  }, 120_000);
});
