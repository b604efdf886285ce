import {
  agendaReasonLabel,
  agendaReasons,
  daysOverdue,
  describeSeries,
  meetingDayHasCome,
  nextInSeries,
  overdueAtMeeting,
  seriesDateIn,
  seriesRuleOf,
} from './meeting';

describe('a meeting series', () => {
  it('keeps to the same weekday of the month: the second Tuesday', () => {
    expect(seriesRuleOf('2026-12-08')).toEqual({ weekday: 2, ordinal: 2 });
    expect(describeSeries(seriesRuleOf('2026-12-08'))).toBe('monthly, on the second Tuesday');
    expect(nextInSeries('2026-12-08', 3)).toEqual(['2027-01-12', '2027-02-09', '2027-03-09']);
  });

  it('treats a fifth weekday as the last one of each month', () => {
    expect(seriesRuleOf('2026-12-29')).toEqual({ weekday: 2, ordinal: 5 });
    expect(nextInSeries('2026-12-29', 2)).toEqual(['2027-01-26', '2027-02-23']);
    expect(seriesDateIn('2027-03-01', { weekday: 3, ordinal: 5 })).toBe('2027-03-31');
  });

  it('crosses the year end and short months', () => {
    expect(nextInSeries('2026-11-30')).toEqual(['2026-12-28']);
    expect(seriesDateIn('2027-02-01', { weekday: 1, ordinal: 1 })).toBe('2027-02-01');
  });
});

describe('why an action is on the agenda', () => {
  const at = (
    status: Parameters<typeof agendaReasons>[0]['status'],
    dueDate: string | null,
    extra: { rag?: 'red' | 'amber' | 'green'; changed?: boolean } = {},
  ) => agendaReasons({ status, dueDate, rag: extra.rag ?? 'green', changedSinceLast: extra.changed ?? false }, '2026-12-08', '2027-01-12');

  it('lists completed actions for verification, overdue, blocked and due before the next meeting', () => {
    expect(at('completed', '2026-10-01')).toEqual(['awaiting_verification']);
    expect(at('in_progress', '2026-12-01', { rag: 'red' })).toEqual(['overdue']);
    expect(at('blocked', '2027-06-01', { rag: 'red' })).toEqual(['blocked']);
    expect(at('not_started', '2027-01-11', { rag: 'amber' })).toEqual(['due_before_next']);
    expect(at('not_started', '2027-01-12')).toEqual([]);
  });

  it('adds an amber action flagged at risk, and what changed since the last meeting', () => {
    expect(at('in_progress', '2027-05-01', { rag: 'amber' })).toEqual(['at_risk']);
    expect(at('in_progress', '2027-05-01', { changed: true })).toEqual(['changed']);
    expect(at('in_progress', '2026-11-01', { changed: true, rag: 'red' })).toEqual(['overdue', 'changed']);
  });

  it('leaves closed actions off', () => {
    expect(at('verified', '2026-10-01', { changed: true })).toEqual([]);
    expect(at('cancelled', '2026-10-01', { changed: true })).toEqual([]);
  });

  it('counts days overdue', () => {
    expect(daysOverdue('2026-12-01', '2026-12-08')).toBe(7);
    expect(daysOverdue('2026-12-10', '2026-12-08')).toBe(0);
    expect(daysOverdue(null, '2026-12-08')).toBe(0);
  });
});

describe('agendaReasonLabel', () => {
  it('calls an action overdue only once its due date has passed, counting to the meeting once that has passed', () => {
    expect(agendaReasonLabel('overdue', '2026-10-01', '2026-10-13', '2026-09-20')).toBe('Due before the meeting');
    expect(agendaReasonLabel('overdue', '2026-10-01', '2026-10-13', '2026-10-01')).toBe('Due before the meeting');
    expect(agendaReasonLabel('overdue', '2026-10-01', '2026-10-13', '2026-10-02')).toBe('Overdue (1 day)');
    expect(agendaReasonLabel('overdue', '2026-10-01', '2026-10-13', '2026-12-25')).toBe('Overdue (12 days)');
    expect(agendaReasonLabel('blocked', '2026-10-01', '2026-10-13', '2026-09-20')).toBe('Blocked');
  });
});

describe('overdueAtMeeting', () => {
  const open = (dueDate: string | null) => ({ status: 'in_progress', dueDate });
  it('weighs a meeting to come on today, and one past on its own date, as the agenda labels do', () => {
    // Due between today and the meeting: not overdue yet.
    expect(overdueAtMeeting(open('2026-10-01'), '2026-10-13', '2026-09-20')).toBe(false);
    expect(overdueAtMeeting(open('2026-10-01'), '2026-10-13', '2026-10-02')).toBe(true);
    // Due after a meeting that has passed: not overdue at it, though it is now.
    expect(overdueAtMeeting(open('2026-10-20'), '2026-10-13', '2026-12-25')).toBe(false);
    expect(overdueAtMeeting(open(null), '2026-10-13', '2026-12-25')).toBe(false);
    for (const [dueDate, meeting, today] of [
      ['2026-10-01', '2026-10-13', '2026-09-20'],
      ['2026-10-01', '2026-10-13', '2026-10-02'],
      ['2026-10-20', '2026-10-13', '2026-12-25'],
    ])
      expect(overdueAtMeeting(open(dueDate), meeting, today)).toBe(agendaReasonLabel('overdue', dueDate, meeting, today).startsWith('Overdue'));
  });
  it('is never true of an action no longer open', () => {
    for (const status of ['completed', 'verified', 'cancelled', 'carried_over'])
      expect(overdueAtMeeting({ status, dueDate: '2026-09-01' }, '2026-10-13', '2026-12-25')).toBe(false);
    expect(overdueAtMeeting({ status: 'blocked', dueDate: '2026-09-01' }, '2026-10-13', '2026-12-25')).toBe(true);
  });
});

describe('meetingDayHasCome', () => {
  it('is true from the meeting day on, never before it', () => {
    expect(meetingDayHasCome('2027-02-09', '2027-02-08')).toBe(false);
    expect(meetingDayHasCome('2027-02-09', '2027-02-09')).toBe(true);
    expect(meetingDayHasCome('2027-02-09', '2027-03-01')).toBe(true);
  });
});
