import { ReportDocument } from './report-document';

/**
 * "Aspects for focus in a future joint area review or the next APA", "Areas for exploration":
 * what the next inspection will look at. Kept apart from findings.
 */
const FOCUS_HEADING = /^(?:aspects? for (?:further )?focus|areas? for (?:further )?exploration|areas? of focus)\b/;

export function findFocusAreas(doc: ReportDocument): string[] {
  const areas: string[] = [];
  doc.blocks.forEach((block, index) => {
    if (block.type === 'item' || !FOCUS_HEADING.test(block.key)) return;
    for (let at = index + 1; at < doc.blocks.length && doc.blocks[at].type === 'item'; at += 1) areas.push(doc.blocks[at].text);
  });
  return areas;
}
