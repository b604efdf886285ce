import { daysBetween } from '@app/domain';
import { ReminderKind } from './reminder-rules';
import { dueWording, longDate, OnBehalfOf, plural, reminderLetter, ReminderMessage } from './reminder-message';

export interface MeasureValueMessageInput {
  kind: ReminderKind;
  measure: { id: string; name: string };
  /** The quarter whose value is due, "2026/27 Q3". */
  quarter: string;
  dueDate: string;
  ownerName: string | null;
  recipientName: string;
  onBehalfOf: OnBehalfOf;
  publicUrl: string;
  today: string;
}

/** The headline, judged on the day it is sent. */
function headline(input: MeasureValueMessageInput): string {
  const days = daysBetween(input.today, input.dueDate);
  const what = `The ${input.quarter} value of "${input.measure.name}"`;
  if (input.kind === 'value_escalation')
    return `Escalation: the ${input.quarter} value of "${input.measure.name}"${input.ownerName ? `, owned by ${input.ownerName},` : ''} is ${plural(-days, 'day')} overdue`;
  return dueWording(what, days);
}

/** A reminder to enter a measure's quarterly value and commentary, or its escalation to the owner's line manager. */
export function measureValueMessage(input: MeasureValueMessageInput): ReminderMessage {
  return reminderLetter({
    recipientName: input.recipientName,
    title: headline(input),
    ask:
      input.kind === 'value_escalation'
        ? 'Please make sure the value and its commentary are entered.'
        : 'Enter the value with a short commentary: what moved the figure, and what is being done.',
    facts: [
      `Measure: ${input.measure.name}`,
      `Quarter: ${input.quarter}`,
      `Due date: ${longDate(input.dueDate)}`,
      ...(input.ownerName ? [`Owner: ${input.ownerName}`] : []),
    ],
    link: `${input.publicUrl}/measures`,
    linkText: 'Open the performance measures',
    onBehalfOf: input.onBehalfOf,
    publicUrl: input.publicUrl,
  });
}
