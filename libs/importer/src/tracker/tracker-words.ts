import type { ActionStatus, Rag, Timescale } from '@app/domain';
import { timescaleHeading } from '../timescale';

export interface StatusReading {
  status: ActionStatus;
  /** Behind schedule in the council's words: kept in progress and flagged at risk. */
  atRisk: boolean;
}

const fold = (text: string) =>
  text
    .toLowerCase()
    .replace(/[’'`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

// Tried in order: "not started" before "started", "not complete" before "complete".
const STATUS_WORDS: [RegExp, ActionStatus, boolean][] = [
  [/^(not (yet )?(started|begun|commenced)|yet to start|to start|not due( yet)?|planned|pending|new|open)$/, 'not_started', false],
  [/\b(cancelled|canceled|withdrawn|no longer (required|needed|applicable)|superseded|not required|deleted|dropped)\b/, 'cancelled', false],
  [/\b(blocked|on hold|paused|stalled|suspended)\b/, 'blocked', false],
  [/\b(delayed|behind|slipped|slipping|overdue|at risk|off track|off target|late|concern)\b/, 'in_progress', true],
  [/\b(not (yet )?complete[d]?|incomplete|partially|partly|part complete)\b/, 'in_progress', false],
  [/\b(complete|completed|done|achieved|finished|implemented|closed|met|embedded|delivered|signed off|verified)\b/, 'completed', false],
  [/\b(on track|on target|in progress|progressing|ongoing|on going|started|underway|under way|in hand|continuing|active)\b/, 'in_progress', false],
];

/** A status in the council's words ("Complete", "On track", "Delayed", "Not started") as ours, or null when unknown. */
export function readStatus(text: string): StatusReading | null {
  const words = fold(text);
  if (!words) return null;
  for (const [pattern, status, atRisk] of STATUS_WORDS) if (pattern.test(words)) return { status, atRisk };
  return null;
}

const RAG_WORDS: Record<string, Rag> = {
  r: 'red',
  red: 'red',
  a: 'amber',
  amber: 'amber',
  y: 'amber',
  yellow: 'amber',
  orange: 'amber',
  g: 'green',
  green: 'green',
  b: 'blue',
  blue: 'blue',
  complete: 'blue',
  completed: 'blue',
};
const SEVERITY: Rag[] = ['red', 'amber', 'green', 'blue'];

/** RAG or BRAG as a letter or word ("A", "Amber", "Red/Amber": the worse); null when it is none. */
export function readRag(text: string): Rag | null {
  const parts = fold(text)
    .split(/\s+|(?<=^[rabg])(?=[rabg]$)/)
    .filter(Boolean);
  const rags = parts.map((p) => RAG_WORDS[p]).filter((r): r is Rag => !!r);
  const words = parts.filter((p) => !['rated', 'rag', 'brag', 'status', 'rating'].includes(p));
  if (!rags.length) return null;
  // "Green (on track)": a colour word first, whatever follows it.
  if (rags.length !== words.length) return words[0].length > 1 && RAG_WORDS[words[0]] ? RAG_WORDS[words[0]] : null;
  return rags.sort((x, y) => SEVERITY.indexOf(x) - SEVERITY.indexOf(y))[0];
}

/**
 * A timescale's wording as one of ours ("Within 3 months", "Short term", or a report's "For action within
 * the next three months"), or null when it is a date or other wording.
 */
export function readTimescale(text: string): Timescale | null {
  const words = fold(text);
  const reportWording = timescaleHeading(words);
  if (reportWording) return reportWording;
  if (/^(immediate|immediately|now|urgent|asap|within (1|one) month|1 month|one month|28 days|4 weeks)$/.test(words)) return 'immediately';
  if (/^(within )?(3|three) months?$|^short( term)?$/.test(words)) return 'three_months';
  if (/^(within )?(6|six) months?$|^medium( term)?$/.test(words)) return 'six_months';
  return null;
}
