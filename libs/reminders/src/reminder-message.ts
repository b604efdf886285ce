import { DateTime } from 'luxon';
import { daysBetween } from '@app/domain';
import { ReminderKind, remembered } from './reminder-rules';

export interface MessageAction {
  id: string;
  ref: string;
  title: string;
  dueDate: string;
  planTitle: string;
  ownerName: string | null;
}

export interface ReminderMessage {
  subject: string;
  text: string;
  html: string;
  /** Short form for the in-app list. */
  title: string;
  link: string;
}

export const actionLink = (publicUrl: string, actionId: string) => `${publicUrl}/actions/${actionId}`;
export const settingsLink = (publicUrl: string) => `${publicUrl}/settings/notifications`;

const longDates = new Map<string, string>();
export const longDate = (date: string) => remembered(longDates, date, () => DateTime.fromISO(date, { zone: 'utc' }).toFormat('cccc d LLLL yyyy'));

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "… is due in 3 days", "… is due today", "… is 2 days overdue": `days` from today to the due date. */
export function dueWording(what: string, days: number): string {
  if (days > 0) return `${what} is due in ${plural(days, 'day')}`;
  if (days === 0) return `${what} is due today`;
  return `${what} is ${plural(-days, 'day')} overdue`;
}

/** Someone a reminder was meant for, when it came to another person. */
export type OnBehalfOf = { name: string; reason: 'left' | 'on_leave' } | null;

/** One reminder letter, in text and HTML: the headline, what to do, the facts, the link, and why it came to you. */
export interface Letter {
  recipientName: string;
  title: string;
  ask?: string;
  facts: string[];
  link: string;
  /** "Open the action": the link's words in the HTML, and its label in the text. */
  linkText: string;
  onBehalfOf: OnBehalfOf;
  publicUrl: string;
}

export function reminderLetter(letter: Letter): ReminderMessage {
  const { recipientName, title, ask, facts, link, linkText, onBehalfOf, publicUrl } = letter;
  const because = onBehalfOf
    ? `You are receiving this because ${onBehalfOf.name} ${onBehalfOf.reason === 'left' ? 'has left and you are their manager' : 'is on leave and named you as their delegate'}.`
    : null;
  const text = [
    `Dear ${recipientName},`,
    '',
    `${title}.`,
    ...(ask ? [ask] : []),
    '',
    ...facts,
    '',
    `${linkText}: ${link}`,
    ...(because ? ['', because] : []),
    '',
    `Choose which reminders you get: ${settingsLink(publicUrl)}`,
    '',
  ].join('\n');
  // Written when first read: most reminders go in-app only, which never reads it (see
  // docs/PERFORMANCE.md, reminders: what the profile of in-app delivery showed).
  let html: string | undefined;
  const writeHtml = () =>
    page(
      `<p>Dear ${esc(recipientName)},</p><p><strong>${esc(title)}.</strong>${ask ? ` ${esc(ask)}` : ''}</p><ul>${facts.map((f) => `<li>${esc(f)}</li>`).join('')}</ul>` +
        `<p><a href="${esc(link)}">${esc(linkText)}</a></p>${because ? `<p>${esc(because)}</p>` : ''}`,
      publicUrl,
    );
  return {
    subject: `[Improvement Tracker] ${title}`,
    text,
    get html() {
      return (html ??= writeHtml());
    },
    title,
    link,
  };
}

/** The headline, judged on the day it is sent: a late reminder still tells the truth. */
function headline(kind: ReminderKind, action: MessageAction, today: string): string {
  const days = daysBetween(today, action.dueDate);
  const what = `${action.ref} "${action.title}"`;
  if (kind === 'escalation_manager' || kind === 'escalation_chair') {
    return `Escalation: ${what}${action.ownerName ? `, owned by ${action.ownerName},` : ''} is ${plural(-days, 'day')} overdue`;
  }
  return dueWording(what, days);
}

export interface ReminderMessageInput {
  kind: ReminderKind;
  action: MessageAction;
  recipientName: string;
  /** The person the reminder was meant for, when it came to someone else. */
  onBehalfOf: OnBehalfOf;
  publicUrl: string;
  today: string;
}

export function reminderMessage(input: ReminderMessageInput): ReminderMessage {
  const { action, publicUrl } = input;
  return reminderLetter({
    recipientName: input.recipientName,
    title: headline(input.kind, action, input.today),
    facts: [
      `Plan: ${action.planTitle}`,
      `Action: ${action.ref} ${action.title}`,
      `Due date: ${longDate(action.dueDate)}`,
      ...(action.ownerName ? [`Owner: ${action.ownerName}`] : []),
    ],
    link: actionLink(publicUrl, action.id),
    linkText: 'Open the action',
    onBehalfOf: input.onBehalfOf,
    publicUrl,
  });
}

export interface DigestMessageInput {
  kind: 'digest_owner' | 'digest_manager';
  recipientName: string;
  actions: MessageAction[];
  publicUrl: string;
  today: string;
}

export function digestMessage(input: DigestMessageInput): ReminderMessage {
  const { publicUrl, today } = input;
  const whose = input.kind === 'digest_owner' ? 'your open actions' : "your team's open actions";
  const title = `Weekly digest: ${plural(input.actions.length, 'open action')}`;
  const status = (a: MessageAction) => {
    const days = daysBetween(today, a.dueDate);
    return days < 0 ? `${plural(-days, 'day')} overdue` : days === 0 ? 'due today' : `due ${longDate(a.dueDate)}`;
  };
  const line = (a: MessageAction) =>
    `${a.ref} ${a.title} (${a.planTitle}) - ${status(a)}${input.kind === 'digest_manager' && a.ownerName ? `, owner ${a.ownerName}` : ''}`;
  const text = [
    `Dear ${input.recipientName},`,
    '',
    `Here are ${whose}:`,
    '',
    ...input.actions.map((a) => `- ${line(a)}\n  ${actionLink(publicUrl, a.id)}`),
    '',
    `Choose which reminders you get: ${settingsLink(publicUrl)}`,
    '',
  ].join('\n');
  const html = page(
    `<p>Dear ${esc(input.recipientName)},</p><p>Here are ${whose}:</p><ul>${input.actions.map((a) => `<li><a href="${esc(actionLink(publicUrl, a.id))}">${esc(line(a))}</a></li>`).join('')}</ul>`,
    publicUrl,
  );
  // The digest is of "My actions", the start page.
  return { subject: `[Improvement Tracker] ${title}`, text, html, title, link: `${publicUrl}/` };
}

export function page(body: string, publicUrl: string): string {
  return `<!doctype html><html><body>${body}<p style="font-size:small"><a href="${esc(settingsLink(publicUrl))}">Choose which reminders you get</a></p></body></html>`;
}

const ESCAPED = /[&<>"']/;
const EVERY_ESCAPED = new RegExp(ESCAPED.source, 'g');

export function esc(text: string): string {
  // Most text has nothing to escape: tested first, it is returned as it is.
  return ESCAPED.test(text) ? text.replace(EVERY_ESCAPED, (c) => `&#${c.charCodeAt(0)};`) : text;
}
