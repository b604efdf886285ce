import { beginText, endText, moveText, PDFDocument, PDFFont, PDFHexString, PDFName, PDFPage, PDFRef, setFontAndSize, showText, StandardFonts } from 'pdf-lib';

/**
 * Builds test documents as real PDFs in the published look, so that tests read them through the
 * same path as an upload (pdf-text / read-report), not through text we typed to look extracted.
 *
 *   const bytes = await buildPdf({
 *     header: 'Inspection of Anyshire local authority children’s services',   // every page but the first
 *     footer: 'Inspection of Anyshire ... 1 to 12 March 2021',                 // every page, page number at the right
 *     blocks: [
 *       { title: 'Anyshire County Council' },                  // large, bold
 *       { para: 'Inspection dates: 1 to 12 March 2021' },      // running text, wrapped to the page
 *       { table: [['Judgement', 'Grade'], ['Overall effectiveness', 'Good']] },  // first row is the header
 *       { heading: 'What needs to improve?', footnote: 'A note at the foot of the page.' },  // marker "1" raised after it
 *       { heading: 'A long heading that wraps', size: 16 },      // bold, 11 points unless a size is given
 *       { bullet: 'The timeliness of ...', glyph: 'square' },  // 'square' draws U+25FC "◼"; 'symbol' a private-use
 *                                                               // symbol-font glyph (U+F0B7); 'wingdings' U+F0A7; 'dot' "•"
 *       { para: 'Children are ...', number: 12 },               // a numbered paragraph "12."
 *       { pageBreak: true },
 *     ],
 *   });
 *
 * Text flows onto new pages on its own, so a bullet can break across a page. Text is drawn in
 * Helvetica (WinAnsi: curly quotes and dashes are fine); each bullet glyph is drawn in a font of
 * its own whose ToUnicode map gives the code point the published PDFs yield.
 */
export interface PdfSpec {
  header?: string;
  footer?: string;
  /** Page numbers at the right of the footer line; default true. */
  pageNumbers?: boolean;
  blocks: PdfBlock[];
}

export type Glyph = 'square' | 'symbol' | 'wingdings' | 'dot';

export type PdfBlock =
  | { title: string }
  | { heading: string; footnote?: string; size?: number }
  | { para: string; number?: number; footnote?: string }
  | { bullet: string; glyph?: Glyph }
  | { table: string[][]; widths?: number[] }
  | { pageBreak: true };

const PAGE = { width: 595, height: 842 };
const MARGIN = { left: 56, right: 56, top: 70, bottom: 80 };
const BODY = { size: 11, leading: 15 };
const TITLE = { size: 16, leading: 22 };
const RUNNING_SIZE = 8;
const FOOTNOTE = { size: 8, leading: 10 };
const BULLET_INDENT = 20;
const NUMBER_INDENT = 24;
const CELL_GAP = 14;

/** The code each glyph is drawn with (ZapfDingbats) and the Unicode its ToUnicode map gives. */
const GLYPHS: Record<Glyph, { code: number; unicode: number }> = {
  square: { code: 0x6e, unicode: 0x25fc },
  symbol: { code: 0x6c, unicode: 0xf0b7 },
  wingdings: { code: 0x75, unicode: 0xf0a7 },
  dot: { code: 0x77, unicode: 0x2022 },
};

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  glyphs: PDFRef;
}

export async function buildPdf(spec: PdfSpec): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.setCreationDate(new Date(Date.UTC(2020, 0, 1)));
  doc.setModificationDate(new Date(Date.UTC(2020, 0, 1)));
  const fonts: Fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
    glyphs: glyphFont(doc),
  };
  const layout = new Layout(doc, spec, fonts);
  for (const block of spec.blocks) layout.draw(block);
  layout.finish();
  return Buffer.from(await doc.save());
}

class Layout {
  private page!: PDFPage;
  private y = 0;
  private pages: PDFPage[] = [];
  private footnotes: string[] = [];
  private noteCount = 0;

  constructor(
    private readonly doc: PDFDocument,
    private readonly spec: PdfSpec,
    private readonly fonts: Fonts,
  ) {
    this.newPage();
  }

  draw(block: PdfBlock): void {
    if ('pageBreak' in block) return this.newPage();
    if ('title' in block) return this.lines(block.title, MARGIN.left, this.fonts.bold, TITLE);
    if ('heading' in block) return this.heading(block.heading, block.footnote, block.size);
    if ('bullet' in block) return this.bullet(block.bullet, block.glyph ?? 'square');
    if ('table' in block) return this.table(block.table, block.widths);
    return this.para(block.para, block.number, block.footnote);
  }

  finish(): void {
    this.closePage();
  }

  private heading(text: string, footnote?: string, size = BODY.size): void {
    this.gap(6);
    this.lines(text, MARGIN.left, this.fonts.bold, { size, leading: size * 1.35 }, footnote);
    this.gap(3);
  }

  private para(text: string, number?: number, footnote?: string): void {
    if (number === undefined) {
      this.lines(text, MARGIN.left, this.fonts.regular, BODY, footnote);
    } else {
      this.room(BODY.leading);
      this.page.drawText(`${number}.`, { x: MARGIN.left, y: this.y, size: BODY.size, font: this.fonts.regular });
      this.lines(text, MARGIN.left + NUMBER_INDENT, this.fonts.regular, BODY, footnote);
    }
    this.gap(6);
  }

  private bullet(text: string, glyph: Glyph): void {
    this.room(BODY.leading);
    this.glyph(glyph, MARGIN.left + 4, this.y);
    this.lines(text, MARGIN.left + BULLET_INDENT, this.fonts.regular, BODY);
    this.gap(4);
  }

  /** Cells drawn one after the other, as word processors do, each wrapped within its column. */
  private table(rows: string[][], widths?: number[]): void {
    const columns = rows[0].length;
    const usable = PAGE.width - MARGIN.left - MARGIN.right;
    const share = widths ?? Array.from({ length: columns }, (_, index) => (index === 0 ? 0.62 : 0.38 / (columns - 1)));
    const columnWidths = share.map((part) => part * usable - CELL_GAP);
    rows.forEach((row, rowIndex) => {
      const font = rowIndex === 0 ? this.fonts.bold : this.fonts.regular;
      const wrapped = row.map((cell, column) => wrap(cell, font, BODY.size, columnWidths[column]));
      const height = Math.max(...wrapped.map((cell) => cell.length)) * BODY.leading;
      this.room(height);
      let x = MARGIN.left;
      wrapped.forEach((cell, column) => {
        cell.forEach((line, index) => this.page.drawText(line, { x, y: this.y - index * BODY.leading, size: BODY.size, font }));
        x += columnWidths[column] + CELL_GAP;
      });
      this.y -= height + 4;
    });
    this.gap(6);
  }

  private lines(text: string, x: number, font: PDFFont, style: { size: number; leading: number }, footnote?: string): void {
    const width = PAGE.width - MARGIN.right - x;
    const wrapped = wrap(text, font, style.size, width);
    wrapped.forEach((line, index) => {
      this.room(style.leading);
      this.page.drawText(line, { x, y: this.y, size: style.size, font });
      if (footnote && index === wrapped.length - 1) this.noteMarker(x + font.widthOfTextAtSize(line, style.size), footnote);
      this.y -= style.leading;
    });
  }

  private noteMarker(x: number, footnote: string): void {
    this.noteCount += 1;
    this.page.drawText(String(this.noteCount), { x: x + 0.5, y: this.y + 4, size: 6.5, font: this.fonts.regular });
    this.footnotes.push(`${this.noteCount} ${footnote}`);
  }

  private glyph(glyph: Glyph, x: number, y: number): void {
    const name = PDFName.of('Glyphs');
    this.page.node.setFontDictionary(name, this.fonts.glyphs);
    const code = GLYPHS[glyph].code.toString(16).padStart(2, '0');
    this.page.pushOperators(beginText(), setFontAndSize(name, 7), moveText(x, y + 1), showText(PDFHexString.of(code)), endText());
  }

  private gap(points: number): void {
    this.y -= points;
  }

  /** Starts a new page when the next `height` points would not fit above the footnotes and footer. */
  private room(height: number): void {
    const notes = this.footnotes.length * FOOTNOTE.leading + (this.footnotes.length > 0 ? 24 : 0);
    if (this.y - height < MARGIN.bottom + notes) this.newPage();
  }

  private newPage(): void {
    if (this.page) this.closePage();
    this.page = this.doc.addPage([PAGE.width, PAGE.height]);
    this.pages.push(this.page);
    this.y = PAGE.height - MARGIN.top;
    if (this.spec.header && this.pages.length > 1) this.running(this.spec.header, PAGE.height - 40);
  }

  private closePage(): void {
    let y = MARGIN.bottom - 4 + (this.footnotes.length - 1) * FOOTNOTE.leading;
    for (const note of this.footnotes) {
      this.page.drawText(note, { x: MARGIN.left, y, size: FOOTNOTE.size, font: this.fonts.regular });
      y -= FOOTNOTE.leading;
    }
    this.footnotes = [];
    if (this.spec.footer) this.running(this.spec.footer, 40);
    if (this.spec.pageNumbers !== false) {
      const number = String(this.pages.length);
      const width = this.fonts.regular.widthOfTextAtSize(number, RUNNING_SIZE);
      this.page.drawText(number, { x: PAGE.width - MARGIN.right - width, y: 40, size: RUNNING_SIZE, font: this.fonts.regular });
    }
  }

  private running(text: string, y: number): void {
    this.page.drawText(text, { x: MARGIN.left, y, size: RUNNING_SIZE, font: this.fonts.regular });
  }
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(candidate, size) > width) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** ZapfDingbats with a ToUnicode map: what a symbol-font bullet in a published PDF extracts as. */
function glyphFont(doc: PDFDocument): PDFRef {
  const pairs = Object.values(GLYPHS);
  const cmap = [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<00> <FF>',
    'endcodespacerange',
    `${pairs.length} beginbfchar`,
    ...pairs.map(({ code, unicode }) => `<${hex(code, 2)}> <${hex(unicode, 4)}>`),
    'endbfchar',
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
  const toUnicode = doc.context.register(doc.context.stream(cmap));
  return doc.context.register(doc.context.obj({ Type: 'Font', Subtype: 'Type1', BaseFont: 'ZapfDingbats', ToUnicode: toUnicode }));
}

function hex(value: number, digits: number): string {
  return value.toString(16).toUpperCase().padStart(digits, '0');
}
