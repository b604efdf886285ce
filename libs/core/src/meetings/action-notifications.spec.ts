import { ActionNotice, whoHasBeenTold } from './action-notifications';

const notice = (at: string): ActionNotice => ({ actionId: 'a1', personId: 'p1', kind: 'overdue', at });
const reader = (notices: ActionNotice[]) => ({ sentAbout: async () => notices });
const overdue = [{ id: 'a1', status: 'in_progress', dueDate: '2027-01-10' }];

describe('whoHasBeenTold', () => {
  const sent = [notice('2027-01-11T09:00:00.000Z'), notice('2027-01-20T23:30:00.000Z'), notice('2027-02-01T09:00:00.000Z')];

  it('for a meeting already held, lists what had been sent by the end of its day (London time), not what was sent since', async () => {
    const told = (await whoHasBeenTold([reader(sent)], 'auth', overdue, { date: '2027-01-21' }, '2027-02-10')).named(() => 'Priya');
    // 23:30 UTC on 20 January is still 20 January in London in winter; 1 February is after the meeting.
    expect(told('a1')!.map((t) => t.at)).toEqual(['2027-01-11T09:00:00.000Z', '2027-01-20T23:30:00.000Z']);
  });

  it('for a meeting still to come, lists everything sent so far', async () => {
    const told = (await whoHasBeenTold([reader(sent)], 'auth', overdue, { date: '2027-02-15' }, '2027-02-10')).named(() => 'Priya');
    expect(told('a1')).toHaveLength(3);
    expect(told(null)).toBeNull();
  });

  it('asks to name only the people told about the overdue actions, each once', async () => {
    const others = [
      ...sent,
      { ...notice('2027-01-12T09:00:00.000Z'), personId: 'p2' },
      { ...notice('2027-01-12T09:00:00.000Z'), actionId: 'a2', personId: 'p3' },
    ];
    const about = await whoHasBeenTold([reader(others)], 'auth', overdue, { date: '2027-02-15' }, '2027-02-10');
    expect(about.personIds).toEqual(['p1', 'p2']);
    expect(
      about
        .named((id) => id.toUpperCase())('a1')!
        .map((t) => t.name),
    ).toEqual(['P1', 'P1', 'P1', 'P2']);
  });
});
