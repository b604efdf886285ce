/** What the notifications page says each kind of reminder is; notices of other kinds speak for themselves. */
export const NOTIFICATION_KINDS: Record<string, { text: string; tag: string }> = {
  before_due: { text: 'Due soon', tag: 'govuk-tag--yellow' },
  due_today: { text: 'Due today', tag: 'govuk-tag--orange' },
  overdue: { text: 'Overdue', tag: 'govuk-tag--red' },
  escalation_manager: { text: 'Escalation', tag: 'govuk-tag--red' },
  escalation_chair: { text: 'Escalation', tag: 'govuk-tag--red' },
  digest_owner: { text: 'Weekly digest', tag: 'govuk-tag--grey' },
  digest_manager: { text: 'Team digest', tag: 'govuk-tag--grey' },
  value_before_due: { text: 'Value due soon', tag: 'govuk-tag--yellow' },
  value_due_today: { text: 'Value due today', tag: 'govuk-tag--orange' },
  value_overdue: { text: 'Value overdue', tag: 'govuk-tag--red' },
  value_escalation: { text: 'Escalation', tag: 'govuk-tag--red' },
};

export interface MessageLine {
  text: string;
  href?: string;
}
export type MessageBlock = { list: false; lines: MessageLine[] } | { list: true; items: MessageLine[] };

interface Shown {
  title: string;
  body: string;
}

/**
 * A reminder's text, written for email, as the page shows it: without the greeting, the repeated
 * headline and the settings line (the page has its own), each address of this app as a link on the
 * words before it, and "- " lines as a list.
 */
export function messageBlocks(n: Shown, publicUrl: string): MessageBlock[] {
  const lines = n.body.split('\n').map((l) => l.trimEnd());
  if (/^Dear .*,$/.test(lines[0] ?? '')) lines.shift();
  const blocks: MessageBlock[] = [];
  let last: MessageLine | null = null;
  for (const raw of lines) {
    if (!raw.trim()) {
      last = null;
      blocks.push({ list: false, lines: [] });
      continue;
    }
    if (raw === `${n.title}.` || raw.startsWith('Choose which reminders you get:')) continue;
    const found = /^(.*?)\s*(https?:\/\/\S+)$/.exec(raw.trim());
    const href = found && found[2].startsWith(`${publicUrl}/`) ? found[2].slice(publicUrl.length) : undefined;
    const words = (found && href ? found[1] : raw.trim()).replace(/:$/, '');
    if (href && !words) {
      // An address on a line of its own belongs to the line above (a digest's action).
      if (last && !last.href) last.href = href;
      continue;
    }
    const item = words.startsWith('- ');
    last = { text: item ? words.slice(2) : words, href };
    const open = blocks[blocks.length - 1];
    if (item && open?.list) open.items.push(last);
    else if (item) blocks.push({ list: true, items: [last] });
    else if (open && !open.list) open.lines.push(last);
    else blocks.push({ list: false, lines: [last] });
  }
  return blocks.filter((b) => (b.list ? b.items.length : b.lines.length));
}
