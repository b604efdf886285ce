import { measureValueMessage } from './measure-value-message';

const URL = 'https://tracker.council.example';
const input = {
  measure: { id: 'm-1', name: 'Re-referrals within 12 months' },
  quarter: '2026/27 Q3',
  dueDate: '2027-01-15',
  ownerName: 'Sam Reed',
  recipientName: 'Sam Reed',
  onBehalfOf: null,
  publicUrl: URL,
};

describe("reminders to enter a measure's quarterly value", () => {
  it('counts the days to the deadline, or past it, on the day it is sent', () => {
    expect(measureValueMessage({ ...input, kind: 'value_before_due', today: '2027-01-08' }).title).toBe(
      'The 2026/27 Q3 value of "Re-referrals within 12 months" is due in 7 days',
    );
    expect(measureValueMessage({ ...input, kind: 'value_due_today', today: '2027-01-15' }).title).toBe(
      'The 2026/27 Q3 value of "Re-referrals within 12 months" is due today',
    );
    expect(measureValueMessage({ ...input, kind: 'value_overdue', today: '2027-01-16' }).title).toBe(
      'The 2026/27 Q3 value of "Re-referrals within 12 months" is 1 day overdue',
    );
  });

  it('escalates to the line manager naming the owner, and asks for the commentary with the value', () => {
    const owner = measureValueMessage({ ...input, kind: 'value_before_due', today: '2027-01-14' });
    expect(owner.text).toContain('Enter the value with a short commentary');
    expect(owner.text).toContain('Due date: Friday 15 January 2027');
    expect(owner.link).toBe(`${URL}/measures`);
    const escalation = measureValueMessage({ ...input, kind: 'value_escalation', recipientName: 'Jo Williams', today: '2027-01-22' });
    expect(escalation.subject).toBe(
      '[Improvement Tracker] Escalation: the 2026/27 Q3 value of "Re-referrals within 12 months", owned by Sam Reed, is 7 days overdue',
    );
    expect(escalation.text).toMatch(/^Dear Jo Williams,/);
    expect(escalation.html).toContain('<a href="https://tracker.council.example/measures">');
  });

  it('escapes the measure name in the HTML body', () => {
    const m = measureValueMessage({ ...input, measure: { id: 'm-2', name: 'Visits <48h & "timely"' }, kind: 'value_overdue', today: '2027-01-20' });
    expect(m.html).not.toContain('<48h');
    expect(m.html).toContain('&#60;48h &#38; &#34;timely&#34;');
  });
});
