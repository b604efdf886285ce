import { digestMessage, reminderMessage } from './reminder-message';

const action = { id: 'a1', ref: 'A3', title: 'Audit <case> files', dueDate: '2026-06-30', planTitle: 'Improvement Plan 2026', ownerName: 'Sam Owner' };
const base = { action, recipientName: 'Sam Owner', onBehalfOf: null, publicUrl: 'https://tracker.example' };

describe('reminderMessage', () => {
  it('names the action, plan and due date and links to it and to the settings', () => {
    const m = reminderMessage({ ...base, kind: 'before_due', today: '2026-06-23' });
    expect(m.subject).toBe('[Improvement Tracker] A3 "Audit <case> files" is due in 7 days');
    expect(m.text).toContain('Plan: Improvement Plan 2026');
    expect(m.text).toContain('Due date: Tuesday 30 June 2026');
    expect(m.text).toContain('https://tracker.example/actions/a1');
    expect(m.text).toContain('https://tracker.example/settings/notifications');
    expect(m.html).toContain('href="https://tracker.example/actions/a1"');
    expect(m.html).toContain('Audit &#60;case&#62; files');
    expect(m.html).not.toContain('<case>');
  });

  it('tells the truth when sent late', () => {
    expect(reminderMessage({ ...base, kind: 'before_due', today: '2026-07-02' }).title).toBe('A3 "Audit <case> files" is 2 days overdue');
    expect(reminderMessage({ ...base, kind: 'due_today', today: '2026-06-30' }).title).toContain('is due today');
  });

  it('words an escalation for the manager', () => {
    const m = reminderMessage({ ...base, kind: 'escalation_manager', recipientName: 'Mo Manager', today: '2026-07-07' });
    expect(m.title).toBe('Escalation: A3 "Audit <case> files", owned by Sam Owner, is 7 days overdue');
  });

  it('says why a reminder came to someone else', () => {
    const m = reminderMessage({ ...base, kind: 'overdue', recipientName: 'Mo', onBehalfOf: { name: 'Sam Owner', reason: 'left' }, today: '2026-07-01' });
    expect(m.text).toContain('Sam Owner has left and you are their manager');
  });
});

describe('digestMessage', () => {
  it('lists each action with its state and link', () => {
    const m = digestMessage({
      kind: 'digest_manager',
      recipientName: 'Mo',
      actions: [action, { ...action, id: 'a2', ref: 'A4', dueDate: '2026-06-01' }],
      publicUrl: 'https://t',
      today: '2026-06-08',
    });
    expect(m.subject).toBe('[Improvement Tracker] Weekly digest: 2 open actions');
    expect(m.text).toContain('A4 Audit <case> files (Improvement Plan 2026) - 7 days overdue, owner Sam Owner');
    expect(m.text).toContain('https://t/actions/a2');
    expect(m.text).toContain('https://t/settings/notifications');
  });
});
