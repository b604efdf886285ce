import { buildPdf } from '../test-documents/pdf-builder';
import { extractText } from './pdf-text';

describe('a PDF read page by page', () => {
  const pages = (n: number) =>
    Array.from({ length: n }, (_, i) => [
      ...(i ? [{ pageBreak: true as const }] : []),
      { heading: `Part ${i + 1}` },
      { para: `What the service did in part ${i + 1}.` },
    ]).flat();

  it('tells each page read, of how many, and gives the same text as before', async () => {
    const told: [number, number][] = [];
    const text = await extractText(await buildPdf({ blocks: pages(3) }), 1_000_000, (read, total) => told.push([read, total]));
    expect(told).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    expect(text.split('\f').map((page) => /Part \d/.exec(page)?.[0])).toEqual(['Part 1', 'Part 2', 'Part 3']);
  });

  it('keeps reading when the listener fails', async () => {
    const text = await extractText(await buildPdf({ blocks: pages(2) }), 1_000_000, () => {
      throw new Error('a broken progress bar');
    });
    expect(text).toContain('Part 2');
  });

  it('tells nothing for a text document, which has no pages to count', async () => {
    const told: number[] = [];
    await extractText(Buffer.from('The number of children in care was 412.\n'), 1_000_000, (read) => told.push(read));
    expect(told).toEqual([]);
  });
});
