import { inflateSync } from 'node:zlib';

/**
 * What a PDF's compressed streams unpack to, counted before the PDF reader sees them: the reader's
 * memory ceiling covers its own heap but not the buffers it decodes into, so a small PDF whose
 * streams inflate a thousandfold (a "zip bomb") took the API from 0.3 to 1.1 GB. Streams are
 * unpacked one at a time, each allowed only what is left of the budget, through every Flate layer
 * named in its filter; a stream that does not inflate cleanly is left to the reader to judge.
 */
export function inflatesBeyond(pdf: Buffer, budgetBytes: number): boolean {
  let left = budgetBytes;
  for (const { filters, data } of flateStreams(pdf)) {
    let layer: Buffer = data;
    for (let i = 0; i < filters; i++) {
      try {
        layer = inflateSync(layer, { maxOutputLength: Math.max(left, 1) });
      } catch (error) {
        if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return true;
        break;
      }
    }
    left -= layer.length;
    if (left < 0) return true;
  }
  return false;
}

/** Each stream whose dictionary names FlateDecode, with how many times it does (nested layers). */
function* flateStreams(pdf: Buffer): Generator<{ filters: number; data: Buffer }> {
  const text = pdf.toString('latin1');
  const keyword = /stream\r?\n/g;
  for (let match = keyword.exec(text); match; match = keyword.exec(text)) {
    if (text.slice(match.index - 3, match.index) === 'end') continue;
    // The stream's dictionary: from its object's header ("12 0 obj") to the keyword.
    const dictionary = text.slice(Math.max(text.lastIndexOf('obj', match.index), match.index - 4096), match.index);
    const filter = dictionary.lastIndexOf('/Filter');
    const filters = filter < 0 ? 0 : (dictionary.slice(filter).match(/\/FlateDecode|\/Fl\b/g) ?? []).length;
    const start = match.index + match[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) return;
    if (filters > 0) yield { filters, data: pdf.subarray(start, end) };
    keyword.lastIndex = end + 'endstream'.length;
  }
}
