import { DecisionKind, longDate } from '@app/domain';

export interface MinutesInput {
  boardName: string;
  planTitle: string;
  date: string;
  startTime: string;
  place: string;
  chairName: string | null;
  present: string[];
  apologies: string[];
  narrative: string | null;
  decisions: {
    actionRef: string;
    actionTitle: string;
    kind: DecisionKind;
    comment: string;
    dueDate: string | null;
    ownerName: string | null;
    managerName: string | null;
    escalateToName: string | null;
  }[];
  notReached: string[];
  /** The board closed its plan here: where each open action went. */
  planClosures?: { planTitle: string; successorTitle: string | null; comment: string; carried: { ref: string; title: string; successorRef: string }[] }[];
}

const sentence = (text: string) => {
  const t = text.trim();
  return t && !/[.!?]$/.test(t) ? `${t}.` : t;
};

/** What the board decided, as a sentence of the minutes. */
export function decisionSentence(d: MinutesInput['decisions'][number]): string {
  const comment = d.comment.trim() ? ` ${sentence(d.comment)}` : '';
  switch (d.kind) {
    case 'verify':
      return `The board accepted the evidence and verified the action as complete.${comment}`;
    case 'send_back':
      return `The board sent the action back to its owner to continue.${comment}`;
    case 'extend':
      return `The board extended the due date to ${longDate(d.dueDate!)}.${comment}`;
    case 'reassign': {
      const to = [d.ownerName && `${d.ownerName} as owner`, d.managerName && `${d.managerName} as accountable manager`].filter(Boolean).join(' and ');
      return `The board reassigned the action to ${to}.${comment}`;
    }
    case 'escalate':
      return `The board escalated the action to ${d.escalateToName}.${comment}`;
    case 'note':
      return `The board noted progress.${comment}`;
  }
}

/** The minutes as a readable document, drafted from the attendance and the decisions. */
export function draftMinutes(m: MinutesInput): string {
  const lines = [
    `Minutes of the ${m.boardName}`,
    `${longDate(m.date)} at ${m.startTime}, ${m.place}`,
    `Plan: ${m.planTitle}`,
    '',
    `Present: ${m.present.length ? m.present.join(', ') : 'none recorded'}.`,
    `Apologies: ${m.apologies.length ? m.apologies.join(', ') : 'none'}.`,
  ];
  if (m.chairName) lines.push(`In the chair: ${m.chairName}.`);
  if (m.narrative?.trim()) lines.push('', m.narrative.trim());
  lines.push('', 'Decisions');
  if (!m.decisions.length) lines.push('The board made no decisions on actions.');
  m.decisions.forEach((d, i) => lines.push(`${i + 1}. ${d.actionRef} ${d.actionTitle}: ${decisionSentence(d)}`));
  for (const c of m.planClosures ?? []) {
    lines.push('', 'The plan', planClosureSentence(c));
    for (const a of c.carried) lines.push(`- ${a.ref} ${a.title}: now ${a.successorRef} in ${c.successorTitle}`);
  }
  if (m.notReached.length) {
    lines.push('', 'Not reached (carried to the next meeting)');
    for (const item of m.notReached) lines.push(`- ${item}`);
  }
  return lines.join('\n');
}

/** The board's decision to close its plan, as the minutes say it. */
export function planClosureSentence(c: NonNullable<MinutesInput['planClosures']>[number]): string {
  const carried = c.carried.length
    ? ` Its ${c.carried.length} open action${c.carried.length === 1 ? '' : 's'} carried over into ${c.successorTitle}, as listed.`
    : c.successorTitle
      ? ` It had no open actions to carry into ${c.successorTitle}.`
      : '';
  return `The board closed the plan ${c.planTitle}.${carried} ${sentence(c.comment)}`.trim();
}
