import { decisionSentence, draftMinutes, MinutesInput, planClosureSentence } from './meeting-minutes';

const decision = (kind: MinutesInput['decisions'][number]['kind'], extra: Partial<MinutesInput['decisions'][number]> = {}) => ({
  actionRef: 'A4',
  actionTitle: 'Audit case supervision',
  kind,
  comment: '',
  dueDate: null,
  ownerName: null,
  managerName: null,
  escalateToName: null,
  ...extra,
});

describe('the minutes, drafted from attendance and decisions', () => {
  it('says each decision as a sentence, with its comment', () => {
    expect(decisionSentence(decision('extend', { dueDate: '2027-01-31', comment: 'Recruitment delay' }))).toBe(
      'The board extended the due date to Sunday 31 January 2027. Recruitment delay.',
    );
    expect(decisionSentence(decision('reassign', { ownerName: 'Tom Evans', managerName: 'Jo Williams' }))).toBe(
      'The board reassigned the action to Tom Evans as owner and Jo Williams as accountable manager.',
    );
    expect(decisionSentence(decision('escalate', { escalateToName: 'Jo Williams', comment: 'Agree staffing!' }))).toBe(
      'The board escalated the action to Jo Williams. Agree staffing!',
    );
  });

  it('reads as a document: heading, attendance, narrative, numbered decisions, items not reached', () => {
    const text = draftMinutes({
      boardName: 'Service Improvement Board',
      planTitle: 'Plan 2026',
      date: '2026-12-08',
      startTime: '10:00',
      place: 'Room 1',
      chairName: 'Chris Patel',
      present: ['Chris Patel', 'Dr Jane Doe (guest)'],
      apologies: [],
      narrative: '  The chair welcomed everyone.  ',
      decisions: [
        decision('verify', { comment: 'Evidence accepted' }),
        decision('note', { actionRef: 'A5', actionTitle: 'Review plans', comment: 'On track' }),
      ],
      notReached: ['A9 Train staff'],
    });
    expect(text.split('\n')).toEqual([
      'Minutes of the Service Improvement Board',
      'Tuesday 8 December 2026 at 10:00, Room 1',
      'Plan: Plan 2026',
      '',
      'Present: Chris Patel, Dr Jane Doe (guest).',
      'Apologies: none.',
      'In the chair: Chris Patel.',
      '',
      'The chair welcomed everyone.',
      '',
      'Decisions',
      '1. A4 Audit case supervision: The board accepted the evidence and verified the action as complete. Evidence accepted.',
      '2. A5 Review plans: The board noted progress. On track.',
      '',
      'Not reached (carried to the next meeting)',
      '- A9 Train staff',
    ]);
  });

  it('says the board closed the plan, and where each open action went', () => {
    const closure = {
      planTitle: 'Plan 2026',
      successorTitle: 'Service development plan 2027',
      comment: 'Most findings are met',
      carried: [
        { ref: 'A2', title: 'Audit case supervision', successorRef: 'A1' },
        { ref: 'A5', title: 'Review placement stability', successorRef: 'A2' },
      ],
    };
    expect(planClosureSentence(closure)).toBe(
      'The board closed the plan Plan 2026. Its 2 open actions carried over into Service development plan 2027, as listed. Most findings are met.',
    );
    expect(planClosureSentence({ ...closure, carried: [] })).toBe(
      'The board closed the plan Plan 2026. It had no open actions to carry into Service development plan 2027. Most findings are met.',
    );
    const text = draftMinutes({
      boardName: 'Service Improvement Board',
      planTitle: 'Plan 2026',
      date: '2026-12-08',
      startTime: '10:00',
      place: 'Room 1',
      chairName: null,
      present: [],
      apologies: [],
      narrative: null,
      decisions: [],
      notReached: [],
      planClosures: [closure],
    });
    expect(text.split('\n').slice(-4)).toEqual([
      'The plan',
      planClosureSentence(closure),
      '- A2 Audit case supervision: now A1 in Service development plan 2027',
      '- A5 Review placement stability: now A2 in Service development plan 2027',
    ]);
  });
});
