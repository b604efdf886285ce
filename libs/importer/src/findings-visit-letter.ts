import { Block } from './document-blocks';
import { isStructuralHeading, sectionName } from './headings';
import { ParsedFinding } from './parsed-report';
import { ReportDocument } from './report-document';
import { Timescale } from './timescale';

/**
 * Focused and monitoring visit letters of the current framework: what needs to improve is under
 * "Areas for priority action" (urgent: read as immediately), "Areas for improvement" or "What
 * needs to improve in this area of social work practice?", written as bullets or as paragraphs
 * of prose, one finding each. A paragraph that introduces bullets ("… the following areas:") is
 * not one; the list ends at the next heading or the letter's sign-off.
 */
const SECTIONS: Array<[RegExp, Timescale]> = [
  [/^areas? for priority action$/, 'immediately'],
  [/^areas for improvement$/, 'unspecified'],
  [/^what needs to improve\b.*$/, 'unspecified'],
];
const SIGN_OFF = /^yours (?:sincerely|faithfully)\b/i;

export function visitLetterFindings(doc: ReportDocument): ParsedFinding[] {
  const findings: ParsedFinding[] = [];
  doc.blocks.forEach((block, index) => {
    const section = block.type === 'heading' ? SECTIONS.find(([heading]) => heading.test(block.key)) : undefined;
    if (section) findings.push(...readSection(doc.blocks, index, section[1]));
  });
  return findings;
}

function readSection(blocks: Block[], headingIndex: number, timescale: Timescale): ParsedFinding[] {
  const section = sectionName(blocks[headingIndex].text);
  const findings: ParsedFinding[] = [];
  for (let index = headingIndex + 1; index < blocks.length; index += 1) {
    const block = blocks[index];
    if (SIGN_OFF.test(block.text) || isStructuralHeading(block.key)) break;
    if (block.type !== 'item' && /:$/.test(block.text) && blocks[index + 1]?.type === 'item') continue;
    if (block.type === 'heading') break;
    findings.push({ section, timescale, text: block.text, ownerOrg: null, line: block.line, lineEnd: block.lineEnd });
  }
  return findings;
}
