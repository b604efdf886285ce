import { isStructuralHeading, JUDGEMENT_SECTION_START, sectionName } from './headings';
import { ParsedFinding } from './parsed-report';
import { ReportDocument } from './report-document';

/**
 * The current framework's list of what needs to improve when the extractor dropped the bullets
 * (a symbol font with no text mapping): each item is then a line or paragraph of its own under
 * the heading, up to the first judgement section ("The experiences and progress of …"). Read
 * only when that section follows, so that prose under a heading elsewhere is not taken for a list.
 */
const HEADING = /^what needs to improve\b/;
const MAX_ITEMS = 15;

export function plainListFindings(doc: ReportDocument): ParsedFinding[] {
  const { blocks } = doc;
  for (const [index, block] of blocks.entries()) {
    if (block.type === 'item' || !HEADING.test(block.key)) continue;
    // The list runs to the next list item or known heading, which must be a judgement section.
    const end = blocks.findIndex((after, at) => at > index && (after.type === 'item' || isStructuralHeading(after.key)));
    if (end < 0 || end - index - 1 > MAX_ITEMS || !JUDGEMENT_SECTION_START.test(blocks[end].key)) continue;
    const section = sectionName(block.text);
    return blocks.slice(index + 1, end).map((item) => ({
      section,
      timescale: 'unspecified',
      text: item.text,
      ownerOrg: null,
      line: item.line,
      lineEnd: item.lineEnd,
    }));
  }
  return [];
}
