import { ActionStatus } from './action-status';
import { assertWholeNumber, dayNumber } from './calendar-date';
import { DomainError } from './domain-error';

export const RAGS = ['blue', 'red', 'amber', 'green'] as const;
export type Rag = (typeof RAGS)[number];

export interface RagInput {
  status: ActionStatus;
  dueDate: string | null;
  /** Today's date in Europe/London. */
  today: string;
  warningWindowDays: number;
  /** The owner has flagged the action at risk. */
  atRisk: boolean;
}

/**
 * The rating the rules give an action. Null for cancelled and carried-over actions: they are no
 * longer this plan's work, so they have no rating (a carried-over action is rated in its new plan).
 * A completed action awaiting verification is green: its owner says it is done, so neither the
 * date nor an at-risk flag makes it amber or red.
 */
export function deriveRag(input: RagInput): Rag | null {
  const { status, dueDate, today, warningWindowDays, atRisk } = input;
  dayNumber(today, 'date today');
  assertWholeNumber(warningWindowDays, 'warning window');
  if (warningWindowDays < 0) {
    throw new DomainError('invalid_number', `The warning window must be 0 days or more, not ${warningWindowDays}.`);
  }
  switch (status) {
    case 'cancelled':
    case 'carried_over':
      return null;
    case 'verified':
      return 'blue';
    case 'blocked':
      return 'red';
    case 'completed':
      return 'green';
    case 'not_started':
    case 'in_progress':
      return openRag(dueDate, today, warningWindowDays, atRisk);
    default:
      throw new DomainError('invalid_status', `"${String(status)}" is not an action status, so it has no RAG rating.`);
  }
}

function openRag(dueDate: string | null, today: string, warningWindowDays: number, atRisk: boolean): Rag {
  if (dueDate !== null) {
    const daysLeft = dayNumber(dueDate, 'due date') - dayNumber(today);
    if (daysLeft < 0) return 'red';
    if (daysLeft <= warningWindowDays) return 'amber';
  }
  return atRisk ? 'amber' : 'green';
}

/** The rating to show: a person's override (given with a reason) wins over the derived one. */
export function effectiveRag(derived: Rag | null, override: Rag | null): Rag | null {
  return override ?? derived;
}

/**
 * The reason kept with the RAG a council's tracker gave an action when the rules give another:
 * `source` is "the tracker <file>" or "the imported tracker". Pages tell such an override from a
 * person's by this wording (`fromTracker`), so it is written here only.
 */
export const trackerRagReason = (rag: Rag, source: string, line: number): string => `Rated ${rag} in ${source} (line ${line})`;

const TRACKER_RAG_REASON = /^Rated (?:red|amber|green|blue) in the (?:tracker .+|imported tracker) \(line \d+\)$/s;

/** Whether an override's reason says it was kept from an imported tracker (see trackerRagReason). */
export const fromTracker = (reason: string | null | undefined): boolean => !!reason && TRACKER_RAG_REASON.test(reason);
