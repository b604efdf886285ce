import { emptyDocument, ImportError } from './import-error';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };
const decode = (html: string) =>
  html
    .replace(/<br\s*\/?>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_m, e: string) => ENTITIES[e])
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)))
    .replace(/\s+/g, ' ')
    .trim();

/**
 * The text of a Word (.docx) report or paper, laid out as the report parser reads text from a PDF:
 * a line per paragraph or heading, bulleted ("•") and numbered ("1.") list items as Word shows
 * them, and a table's row as its cells separated by tabs.
 */
export async function docxText(bytes: Buffer): Promise<string> {
  const { default: mammoth } = await import('mammoth');
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: bytes })).value;
  } catch {
    throw new ImportError('not_a_document', 'The Word document could not be read: open it in Word and save it again as .docx, or save it as a PDF.');
  }
  const lines: string[] = [];
  const numbers: number[] = [];
  const tokens =
    html.match(/<\/?(ol|ul)\b[^>]*>|<li\b[^>]*>[\s\S]*?(?=<li\b|<\/li>|<ol\b|<ul\b)|<tr\b[^>]*>[\s\S]*?<\/tr>|<(p|h[1-6])\b[^>]*>[\s\S]*?<\/\2>/g) ?? [];
  const kinds: ('ol' | 'ul')[] = [];
  for (const token of tokens) {
    if (/^<(ol|ul)\b/.test(token)) {
      kinds.push(token.startsWith('<ol') ? 'ol' : 'ul');
      numbers.push(0);
    } else if (/^<\/(ol|ul)>/.test(token)) {
      kinds.pop();
      numbers.pop();
    } else if (token.startsWith('<li')) {
      const depth = kinds.length - 1;
      numbers[depth] = (numbers[depth] ?? 0) + 1;
      const marker = kinds[depth] === 'ol' ? `${numbers[depth]}.` : '•';
      const text = decode(token);
      if (text) lines.push(`${'  '.repeat(Math.max(0, depth))}${marker} ${text}`);
    } else if (token.startsWith('<tr')) {
      const cells = [...token.matchAll(/<(td|th)\b[^>]*>([\s\S]*?)<\/\1>/g)].map((m) => decode(m[2]));
      if (cells.some(Boolean)) lines.push(cells.join('\t'));
    } else {
      const text = decode(token);
      if (text) lines.push(text);
    }
  }
  const text = lines.join('\n');
  if (!text.trim()) throw emptyDocument('The Word document has no text in it');
  return `${text}\n`;
}
