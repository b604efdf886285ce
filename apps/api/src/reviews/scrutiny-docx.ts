import { ScrutinyPaper } from './scrutiny-paper';

/** The scrutiny paper as an editable Word document: title, sections with headings, paragraphs and bullets. */
export async function scrutinyDocx(paper: ScrutinyPaper): Promise<Buffer> {
  // Loaded on first use: only the author of a paper needs it.
  const { Document, HeadingLevel, Packer, Paragraph } = await import('docx');
  const children = [
    new Paragraph({ text: paper.title, heading: HeadingLevel.TITLE }),
    new Paragraph({ text: paper.subtitle }),
    ...paper.sections.flatMap((section, i) => [
      new Paragraph({ text: `${i + 1}. ${section.heading}`, heading: HeadingLevel.HEADING_1 }),
      ...section.paragraphs.map((text) => new Paragraph({ text })),
      ...(section.bullets ?? []).map((text) => new Paragraph({ text, bullet: { level: 0 } })),
    ]),
  ];
  const document = new Document({ creator: 'Improvement Tracker', title: paper.title, sections: [{ children }] });
  return Packer.toBuffer(document);
}
