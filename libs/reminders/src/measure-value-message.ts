import { daysBetween } from '@app/domain';
import { ReminderKind } from './reminder-rules';
import { esc, longDate, page, ReminderMessage, settingsLink } from './reminder-message';

export interface MeasureValueMessageInput {
  kind: ReminderKind;
  measure: { id: string; name: string };
  /** The quarter whose value is due, "2026/27 Q3". */
  quarter: string;
  dueDate: string;
  ownerName: string | null;
  recipientName: string;
  onBehalfOf: { name: string; reason: 'left' | 'on_leave' } | null;
  publicUrl: string;
  today: string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The headline, judged on the day it is sent. */
function headline(input: MeasureValueMessageInput): string {
  const days = daysBetween(input.today, input.dueDate);
  const what = `The ${input.quarter} value of "${input.measure.name}"`;
  if (input.kind === 'value_escalation')
    return `Escalation: the ${input.quarter} value of "${input.measure.name}"${input.ownerName ? `, owned by ${input.ownerName},` : ''} is ${plural(-days, 'day')} overdue`;
  if (days > 0) return `${what} is due in ${plural(days, 'day')}`;
  if (days === 0) return `${what} is due today`;
  return `${what} is ${plural(-days, 'day')} overdue`;
}

/** A reminder to enter a measure's quarterly value and commentary, or its escalation to the owner's line manager. */
export function measureValueMessage(input: MeasureValueMessageInput): ReminderMessage {
  const { publicUrl } = input;
  const title = headline(input);
  const link = `${publicUrl}/measures`;
  const ask =
    input.kind === 'value_escalation'
      ? 'Please make sure the value and its commentary are entered.'
      : 'Enter the value with a short commentary: what moved the figure, and what is being done.';
  const because = input.onBehalfOf
    ? `You are receiving this because ${input.onBehalfOf.name} ${input.onBehalfOf.reason === 'left' ? 'has left and you are their manager' : 'is on leave and named you as their delegate'}.`
    : null;
  const facts = [
    `Measure: ${input.measure.name}`,
    `Quarter: ${input.quarter}`,
    `Due date: ${longDate(input.dueDate)}`,
    ...(input.ownerName ? [`Owner: ${input.ownerName}`] : []),
  ];
  const text = [
    `Dear ${input.recipientName},`,
    '',
    `${title}.`,
    ask,
    '',
    ...facts,
    '',
    `Performance measures: ${link}`,
    ...(because ? ['', because] : []),
    '',
    `Choose which reminders you get: ${settingsLink(publicUrl)}`,
    '',
  ].join('\n');
  const html = page(
    `<p>Dear ${esc(input.recipientName)},</p><p><strong>${esc(title)}.</strong> ${esc(ask)}</p><ul>${facts.map((f) => `<li>${esc(f)}</li>`).join('')}</ul>` +
      `<p><a href="${esc(link)}">Open the performance measures</a></p>${because ? `<p>${esc(because)}</p>` : ''}`,
    publicUrl,
  );
  return { subject: `[Improvement Tracker] ${title}`, text, html, title, link };
}
