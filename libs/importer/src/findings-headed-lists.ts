import { Block } from './document-blocks';
import { hasGrade, isStructuralHeading } from './headings';
import { ParsedFinding } from './parsed-report';
import { ownerOrNull, partnerFromHeading, partnerInline } from './partners';
import { ReportDocument } from './report-document';
import { Timescale, timescaleHeading } from './timescale';

/**
 * Findings listed under a heading such as "Areas for improvement" or "Areas for development":
 * bullets or numbered items, optionally grouped by timescale ("Immediately:", "Within three
 * months:"), by partner sub-heading ("NHS X and Y Council should:") or by theme sub-heading.
 * Short introductory paragraphs after the heading are skipped. Any other heading or paragraph
 * after the items ends the list.
 */
export interface HeadedListSpec {
  /** Tested against the heading's key (lower case, no trailing colon). */
  heading: RegExp;
  section(context: SectionContext): string;
}

export interface SectionContext {
  doc: ReportDocument;
  headingIndex: number;
  heading: Block;
  theme: string | null;
}

const MAX_INTRO_BLOCKS = 3;

export function headedListFindings(doc: ReportDocument, spec: HeadedListSpec, authority: string | null): ParsedFinding[] {
  const findings: ParsedFinding[] = [];
  doc.blocks.forEach((block, index) => {
    if (block.type !== 'item' && spec.heading.test(block.key)) findings.push(...readList(doc, index, spec, authority));
  });
  return findings;
}

interface ListState {
  timescale: Timescale;
  partner: string | null;
  partnerUsed: boolean;
  theme: string | null;
  marker: Block['marker'];
  started: boolean;
  intro: number;
}

function readList(doc: ReportDocument, headingIndex: number, spec: HeadedListSpec, authority: string | null): ParsedFinding[] {
  const { blocks } = doc;
  const state: ListState = { timescale: 'unspecified', partner: null, partnerUsed: false, theme: null, marker: null, started: false, intro: 0 };
  const findings: ParsedFinding[] = [];
  for (let index = headingIndex + 1; index < blocks.length; index += 1) {
    const block = blocks[index];
    const step = block.type === 'item' ? itemStep(blocks, index, state) : headingStep(blocks, index, headingIndex, state);
    if (step === 'stop') break;
    if (step !== 'finding') continue;
    const inline = partnerInline(block.text);
    findings.push({
      section: spec.section({ doc, headingIndex, heading: blocks[headingIndex], theme: state.theme }),
      timescale: state.timescale,
      text: block.text,
      ownerOrg: ownerOrNull(inline ?? state.partner, authority),
      line: block.line,
      lineEnd: block.lineEnd,
    });
  }
  return findings;
}

type Step = 'finding' | 'skip' | 'stop';

function itemStep(blocks: Block[], index: number, state: ListState): Step {
  const block = blocks[index];
  if (!state.started && isIntroItem(blocks, index)) return ++state.intro > MAX_INTRO_BLOCKS ? 'stop' : 'skip';
  if (state.marker && block.marker !== state.marker) return 'stop';
  state.marker = block.marker;
  state.started = true;
  state.partnerUsed = true;
  return 'finding';
}

function headingStep(blocks: Block[], index: number, headingIndex: number, state: ListState): Step {
  const block = blocks[index];
  const timescale = timescaleHeading(block.key);
  if (timescale) {
    state.timescale = timescale;
    state.theme = null;
    state.started = true;
    if (state.partnerUsed) state.partner = null;
    return 'skip';
  }
  const partner = partnerFromHeading(block.text);
  if (partner) {
    state.partner = partner;
    state.partnerUsed = false;
    return 'skip';
  }
  if (isStructuralHeading(block.key) || hasGrade(block.text)) return 'stop';
  if (block.type === 'heading' && isTheme(blocks, index, headingIndex, state)) {
    state.theme = block.text.replace(/[\s:]+$/, '');
    state.partner = null;
    return 'skip';
  }
  if (state.started || block.type === 'heading') return 'stop';
  return ++state.intro > MAX_INTRO_BLOCKS ? 'stop' : 'skip';
}

/**
 * A numbered paragraph that introduces the list ("26. In order to improve ..., the local
 * authority and its partners should take the following action.") rather than being in it.
 */
function isIntroItem(blocks: Block[], index: number): boolean {
  const block = blocks[index];
  const next = blocks[index + 1];
  if (block.marker !== 'number' || !next) return false;
  return (next.type !== 'item' && timescaleHeading(next.key) !== null) || (next.type === 'item' && next.marker !== 'number');
}

/**
 * A sub-heading over items: between items of the list, or straight after the list heading when
 * bullets follow. (Numbered paragraphs after a heading are the body of a report, as when the
 * list heading was only a line in a table of contents.)
 */
function isTheme(blocks: Block[], index: number, headingIndex: number, state: ListState): boolean {
  const next = blocks[index + 1];
  if (!next || next.type !== 'item') return false;
  if (!state.started) return index === headingIndex + 1 && next.marker === 'bullet';
  return next.marker === state.marker;
}
