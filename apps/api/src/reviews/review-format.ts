import { PackMeasure } from '@app/core';
import { PROGRESS_JUDGEMENT_NAMES, ProgressJudgement } from '@app/domain';

/** How reviews write figures, targets and ratings, for the pages, the workbook and the scrutiny paper alike. */
export function figure(unit: PackMeasure['unit'], value: number | null): string {
  if (value === null) return 'no value';
  const text = Number.isInteger(value) ? String(value) : String(Math.round(value * 10) / 10);
  return unit === 'percent' ? `${text}%` : unit === 'days' ? `${text} days` : text;
}

export function targetText(m: Pick<PackMeasure, 'polarity' | 'unit' | 'target' | 'bandLow' | 'bandHigh'>): string {
  if (m.polarity === 'band')
    return m.bandLow === null || m.bandHigh === null ? 'no band set' : `between ${figure(m.unit, m.bandLow)} and ${figure(m.unit, m.bandHigh)}`;
  if (m.target === null) return 'no target set';
  return `${m.polarity === 'higher' ? 'at least' : 'at most'} ${figure(m.unit, m.target)}`;
}

export const POLARITY_NAMES = { higher: 'Higher is better', lower: 'Lower is better', band: 'Keep within the band' } as const;
export const MEASURE_RAG_NAMES = { red: 'Red', amber: 'Amber', green: 'Green' } as const;
export const DIRECTION_NAMES = { improving: 'Improving', worsening: 'Worsening', unchanged: 'No change' } as const;

export const ragName = (rag: string | null) => (rag ? (MEASURE_RAG_NAMES[rag as keyof typeof MEASURE_RAG_NAMES] ?? rag) : 'Not rated');
/** The direction of travel in words: with no value for the quarter there is nothing to compare (not "no earlier value"). */
export const directionName = (d: string | null, value: number | null) =>
  d ? (DIRECTION_NAMES[d as keyof typeof DIRECTION_NAMES] ?? d) : value === null ? 'No value to compare' : 'No earlier value';
export const judgementName = (j: string) => PROGRESS_JUDGEMENT_NAMES[j as ProgressJudgement] ?? j;

/** What a board decision did to an action, as a sentence says it. */
export const DECISION_WORDS: Record<string, string> = {
  verify: 'verified',
  send_back: 'sent back to its owner',
  extend: 'due date extended',
  reassign: 'reassigned',
  escalate: 'escalated',
  note: 'progress noted',
};
export const decisionWords = (kind: string) => DECISION_WORDS[kind] ?? kind;
