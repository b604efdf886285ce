import { digestMessage, reminderMessage } from '@app/reminders';
import { messageBlocks } from './notification-view';

const URL = 'https://tracker.council.example';
const action = (id: string, ref: string, dueDate: string) => ({
  id,
  ref,
  title: `Audit ${ref}`,
  dueDate,
  planTitle: 'Safeguarding plan',
  ownerName: 'Sam Reed',
});

describe('reminders as the notifications page shows them', () => {
  it('shows an escalation without the greeting, the repeated headline or the settings line, and links the action', () => {
    const m = reminderMessage({
      kind: 'escalation_manager',
      action: action('a-1', 'A3', '2027-01-04'),
      recipientName: 'Jo Williams',
      onBehalfOf: null,
      publicUrl: URL,
      today: '2027-01-11',
    });
    const blocks = messageBlocks({ title: m.title, body: m.text }, URL);
    const words = JSON.stringify(blocks);
    expect(words).not.toContain('Dear');
    expect(words).not.toContain(m.title);
    expect(words).not.toContain('Choose which reminders');
    expect(words).not.toContain('https://');
    expect(blocks).toEqual([
      {
        list: false,
        lines: [{ text: 'Plan: Safeguarding plan' }, { text: 'Action: A3 Audit A3' }, { text: 'Due date: Monday 4 January 2027' }, { text: 'Owner: Sam Reed' }],
      },
      { list: false, lines: [{ text: 'Open the action', href: '/actions/a-1' }] },
    ]);
  });

  it("lists a digest's actions, each a link to its page", () => {
    const m = digestMessage({
      kind: 'digest_manager',
      recipientName: 'Jo Williams',
      actions: [action('a-1', 'A1', '2027-01-04'), action('a-2', 'A2', '2027-02-01')],
      publicUrl: URL,
      today: '2027-01-11',
    });
    expect(messageBlocks({ title: m.title, body: m.text }, URL)).toEqual([
      { list: false, lines: [{ text: "Here are your team's open actions" }] },
      {
        list: true,
        items: [
          { text: 'A1 Audit A1 (Safeguarding plan) - 7 days overdue, owner Sam Reed', href: '/actions/a-1' },
          { text: 'A2 Audit A2 (Safeguarding plan) - due Monday 1 February 2027, owner Sam Reed', href: '/actions/a-2' },
        ],
      },
    ]);
  });

  it("keeps other text as written and another site's address as text", () => {
    const body = 'Dear Ann,\n\nYou were invited to Southshire.\nSee https://elsewhere.example/x\n';
    expect(messageBlocks({ title: 'Invitation', body }, URL)).toEqual([
      { list: false, lines: [{ text: 'You were invited to Southshire.' }, { text: 'See https://elsewhere.example/x' }] },
    ]);
  });
});
