import type { Action, Plan } from '@app/database/entities';
import type { ReviewPack } from '@app/core/reviews/review-pack';
import { ActionStatus, MEETING_STATUSES } from '@app/domain';
import { dayNumber, isoDate } from './calendar';
import { writeMeasures } from './measures';
import { AGENDA_ACTIONS_MAX, draftAgenda, MEETING_EVERY_DAYS, meetingDays, onTuesday, writePlanMeetings } from './meetings';
import { Council, statusAt, TrackedAction } from './plan-history';
import { Random } from './random';
import { writePlanReviews } from './reviews';
import { Row, TableKey, TABLES } from './tables';

/** Rows as the bulk writer is given them, by table, read back by column name. */
class Rows {
  readonly tables = new Map<TableKey, Row[]>();
  add(table: TableKey, row: Row) {
    expect(row).toHaveLength(TABLES[table].columns.length);
    this.tables.set(table, [...this.of(table), row]);
  }
  of(table: TableKey): Row[] {
    return this.tables.get(table) ?? [];
  }
  named(table: TableKey): Record<string, Row[number]>[] {
    return this.of(table).map((row) => Object.fromEntries(TABLES[table].columns.map(([c], i) => [c, row[i]])));
  }
}

const TODAY = '2025-03-05';
const todayDay = dayNumber(TODAY);
const council: Council = {
  authorityId: 'authority',
  boardId: 'board',
  boardName: 'Service Improvement Board',
  admin: 'admin',
  chair: 'chair',
  members: ['member-1', 'member-2'],
  commissioner: 'commissioner',
  names: new Map(['admin', 'chair', 'member-1', 'member-2', 'commissioner', 'owner', 'manager'].map((id) => [id, `${id} name`])),
};
const plan = {
  id: 'plan',
  authorityId: 'authority',
  boardId: 'board',
  title: 'Plan 1',
  status: 'active',
  startDate: '2024-05-01',
  warningWindowDays: 14,
} as Plan;

function tracked(ref: string, dueDate: string, changes: [string, ActionStatus][]): TrackedAction {
  const status = changes.length ? changes[changes.length - 1][1] : 'not_started';
  const action = {
    id: `action-${ref}`,
    authorityId: 'authority',
    planId: 'plan',
    ref,
    title: `Title of ${ref}`,
    description: `Title of ${ref}`,
    ownerId: 'owner',
    managerId: 'manager',
    dueDate,
    status,
    atRisk: false,
    ragOverride: null,
  } as unknown as Action;
  return { action, ownerName: 'owner name', changes: changes.map(([at, to]) => ({ at: `${at}T10:00:00.000Z`, to })) };
}

describe('the plan records a national data set adds', () => {
  it('meets on Tuesdays every six weeks while the plan runs, and a running plan has its next meeting planned', () => {
    const first = onTuesday(dayNumber('2024-06-01'));
    expect(new Date(first * 86_400_000).getUTCDay()).toBe(2);
    const days = meetingDays(first, todayDay, true);
    expect(days.slice(1).map((d, i) => d - days[i])).toEqual(Array(days.length - 1).fill(MEETING_EVERY_DAYS));
    expect(days.filter((d) => d >= todayDay)).toHaveLength(1);
    expect(meetingDays(first, todayDay, false).every((d) => d < todayDay)).toBe(true);
  });

  it("drafts an agenda from the actions as they stood on the meeting's day, most pressing first", () => {
    const actions = [
      tracked('A1', '2024-09-01', [['2024-07-01', 'in_progress']]),
      tracked('A2', '2024-12-01', [
        ['2024-07-01', 'in_progress'],
        ['2024-10-20', 'completed'],
      ]),
      tracked('A3', '2025-06-01', []),
      tracked('A4', '2024-10-01', [
        ['2024-07-01', 'in_progress'],
        ['2024-09-20', 'completed'],
        ['2024-10-15', 'verified'],
      ]),
      tracked('A5', '2024-11-20', [
        ['2024-11-10', 'in_progress'],
        ['2024-12-01', 'completed'],
      ]),
    ];
    expect(statusAt(actions[1], '2024-10-19T00:00:00.000Z')).toBe('in_progress');
    const agenda = draftAgenda(actions, '2024-11-05', '2024-12-17', new Map([['action-A1', 'earlier-item']]));
    expect(agenda.map((e) => [e.tracked.action.ref, e.reasons])).toEqual([
      ['A2', ['awaiting_verification']],
      ['A1', ['overdue', 'carried']],
      ['A5', ['due_before_next']],
    ]);
    expect(agenda[1].carriedFromId).toBe('earlier-item');
    const many = Array.from({ length: 40 }, (_, i) => tracked(`B${i}`, '2024-01-01', []));
    expect(draftAgenda(many, '2024-11-05', '2024-12-17', new Map())).toHaveLength(AGENDA_ACTIONS_MAX);
  });

  it('holds the past meetings with decisions and approved minutes, the latest not yet approved', () => {
    const rows = new Rows();
    const actions = Array.from({ length: 30 }, (_, i) => tracked(`A${i + 1}`, isoDate(dayNumber('2024-06-01') + 10 * i), [['2024-05-10', 'in_progress']]));
    const days = meetingDays(onTuesday(dayNumber('2024-06-01')), todayDay, true);
    const { held, decisions } = writePlanMeetings(rows, new Random(1), { council, plan, actions, days, todayDay, live: true });
    const meetings = rows.named('meeting');
    expect(meetings.map((m) => m.status)).toEqual(
      days.map((d, i) => (d >= todayDay ? 'planned' : i === days.length - 2 ? 'held' : expect.stringMatching(/^(minutes_approved|cancelled)$/))),
    );
    expect(meetings.every((m) => (MEETING_STATUSES as readonly unknown[]).includes(m.status) && m.date === isoDate(dayNumber(String(m.date))))).toBe(true);
    expect(held).toBe(meetings.find((m) => m.status === 'held')!.id);
    expect(meetings.filter((m) => m.minutesText).map((m) => m.status)).toEqual(
      meetings.filter((m) => m.status === 'minutes_approved').map(() => 'minutes_approved'),
    );
    const decidedAt = new Set(rows.named('meetingDecision').map((d) => d.meetingId));
    expect(decidedAt.size).toBeGreaterThan(0);
    expect(meetings.filter((m) => decidedAt.has(m.id)).every((m) => m.status === 'held' || m.status === 'minutes_approved')).toBe(true);
    expect(decisions).toHaveLength(rows.of('meetingDecision').length);
    const invitedOnly = rows.named('meetingAttendee').filter((a) => a.meetingId === meetings[meetings.length - 1].id);
    expect(invitedOnly.map((a) => a.attendance)).toEqual(['invited', 'invited', 'invited']);
  });

  it("reviews each quarter of the plan's life: the past ones signed with their pack frozen, this quarter's a draft", () => {
    const rows = new Rows();
    const random = new Random(2);
    const measures = writeMeasures(rows, random, {
      authorityId: 'authority',
      owners: ['manager'],
      fromDay: dayNumber('2023-01-01'),
      todayDay,
      created: '2023-01-01T09:00:00.000Z',
    });
    const actions = Array.from({ length: 20 }, (_, i) =>
      tracked(`A${i + 1}`, '2024-10-01', [
        ['2024-06-10', 'in_progress'],
        ['2024-09-01', i % 2 ? 'completed' : 'blocked'],
      ]),
    );
    const areas = ['Overall effectiveness', 'Areas for improvement', 'Overall'];
    const planMeasureIds = new Set(measures.measures.slice(0, 3).map((m) => m.id));
    const draft = writePlanReviews(rows, random, { council, plan, actions, measures, planMeasureIds, areas, decisions: [], todayDay });
    const reviews = rows.named('review');
    expect(reviews.map((r) => r.quarter)).toEqual(['2024/25 Q1', '2024/25 Q2', '2024/25 Q3', '2024/25 Q4']);
    expect(reviews.map((r) => r.status)).toEqual(['signed', 'signed', 'signed', 'draft']);
    expect(reviews[3]).toMatchObject({ id: draft, frozen: null, signedAt: null });
    const frozen = JSON.parse(String(reviews[1].frozen)) as { pack: ReviewPack; judgements: { area: string }[] };
    expect(frozen.pack.quarter).toBe('2024/25 Q2');
    expect(frozen.pack.actions.completedThisQuarter).toHaveLength(10);
    expect(frozen.pack.measures.map((m) => m.measureId).sort()).toEqual([...planMeasureIds].sort());
    expect(frozen.judgements.map((j) => j.area).sort()).toEqual([...areas].sort());
    const followUps = rows.named('reviewFollowUp').map((f) => f.actionId);
    expect(new Set(followUps).size).toBe(followUps.length);
  });

  it('gives each measure a value a quarter (or a month) until the last quarter whose values are in, keeping corrected ones', () => {
    const rows = new Rows();
    const measures = writeMeasures(rows, new Random(3), {
      authorityId: 'authority',
      owners: ['manager'],
      fromDay: dayNumber('2019-04-01'),
      todayDay,
      created: '2019-04-01T09:00:00.000Z',
    });
    expect([...measures.byQuarter.keys()].sort().slice(-1)).toEqual(['2024/25 Q3']);
    const values = rows.named('measureValue');
    const monthly = measures.measures.find((m) => m.rollup === 'average')!;
    expect(values.filter((v) => v.measureId === monthly.id && v.quarter === '2024/25 Q3' && !v.replacedAt).map((v) => v.period)).toEqual([
      '2024-10',
      '2024-11',
      '2024-12',
    ]);
    for (const c of measures.corrections) {
      const replaced = values.find((v) => v.measureId === c.measureId && v.period === c.period && v.replacedAt === c.enteredAt);
      expect(replaced?.value).toBe(c.supersededValue);
    }
    expect(measures.corrections.length).toBeGreaterThan(0);
  });
});
