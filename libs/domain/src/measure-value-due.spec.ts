import { nextValueDue, valuesDueDate } from './measure-value';
import { parseQuarter } from './quarter';

describe("a measure's next value and its deadline", () => {
  const none = new Set<string>();

  it('counts ten working days over Christmas, New Year and the year end', () => {
    // 2026/27 Q3 ends Thursday 31 December; Friday 1 January 2027 is a bank holiday.
    expect(valuesDueDate(parseQuarter('2026/27 Q3'))).toBe('2027-01-15');
    // 2027/28 Q3 ends Friday 31 December 2027; 27 and 28 December and 3 January 2028 are bank holidays (substitutes).
    expect(valuesDueDate(parseQuarter('2027/28 Q3'))).toBe('2028-01-17');
    // The financial year's end: 2026/27 Q4 ends Wednesday 31 March 2027; Good Friday 26 March is before it, Easter Monday 29 March too.
    expect(valuesDueDate(parseQuarter('2026/27 Q4'))).toBe('2027-04-14');
    // 2026/27 Q1 ends Tuesday 30 June: no bank holiday in the next fortnight.
    expect(valuesDueDate(parseQuarter('2026/27 Q1'))).toBe('2026-07-14');
    // Five working days, if a council chooses fewer.
    expect(valuesDueDate(parseQuarter('2026/27 Q3'), 5)).toBe('2027-01-08');
  });

  it('chases the quarter just ended until its value is in: due up to the deadline, overdue after', () => {
    expect(nextValueDue('2027-01-01', none)).toEqual({ period: '2026/27 Q3', dueDate: '2027-01-15', status: 'due' });
    expect(nextValueDue('2027-01-15', none)).toEqual({ period: '2026/27 Q3', dueDate: '2027-01-15', status: 'due' });
    expect(nextValueDue('2027-01-16', none)).toEqual({ period: '2026/27 Q3', dueDate: '2027-01-15', status: 'overdue' });
    expect(nextValueDue('2027-03-31', none)).toEqual({ period: '2026/27 Q3', dueDate: '2027-01-15', status: 'overdue' });
  });

  it('moves on to the quarter under way once the last one has its value', () => {
    const entered = new Set(['2026/27 Q3']);
    expect(nextValueDue('2027-01-10', entered)).toEqual({ period: '2026/27 Q4', dueDate: '2027-04-14', status: 'upcoming' });
    expect(nextValueDue('2027-01-10', new Set(['2026/27 Q3', '2026/27 Q4']))).toEqual({ period: '2026/27 Q4', dueDate: '2027-04-14', status: 'entered' });
  });

  it('crosses the financial year: on 1 April the quarter to enter is last year’s Q4', () => {
    expect(nextValueDue('2027-04-01', new Set(['2026/27 Q3']))).toEqual({ period: '2026/27 Q4', dueDate: '2027-04-14', status: 'due' });
    expect(nextValueDue('2027-04-01', new Set(['2026/27 Q4']))).toEqual({ period: '2027/28 Q1', dueDate: '2027-07-14', status: 'upcoming' });
  });
});
