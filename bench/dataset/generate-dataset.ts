import { DataSource } from 'typeorm';
import type { Action, Plan } from '@app/database/entities';
import { hashPassword } from '@app/core/accounts/password';
import { OVERALL_AREA, todayInLondon } from '@app/domain';
import { bulkWriterFor } from './bulk-writer';
import { dayNumber, isoDate, isoInstant } from './calendar';
import { ActionEvents, planActionEvents } from './action-events';
import { CouncilMeasures, writeMeasures } from './measures';
import { meetingDays, onTuesday, writePlanMeetings } from './meetings';
import { FINDING_TEXTS, GRADE_LABELS, INSPECTION_AREAS, NOTE_TEXTS, PARTNERS, PLACE_NAMES, PLACE_SUFFIXES, TIMESCALES } from './phrases';
import { Council, RowSink, TrackedAction } from './plan-history';
import { Random } from './random';
import { writePlanReviews } from './reviews';
import { actionsOf, DatasetShape, shapeFor } from './shape';

export interface Ref {
  id: string;
  authorityId: string;
}

export interface WritableAction extends Ref {
  ownerId: string;
  version: number;
  status: 'not_started' | 'in_progress';
}

/** Someone the load acts as; everyone's password is BENCH_PASSWORD. */
export interface Person {
  userId: string;
  authorityId: string;
  email: string;
}

/** What the load needs to know about the generated data: who to act as, and on which records. */
export interface DatasetFixtures {
  today: string;
  chairs: Person[];
  tokenOwners: Person[];
  activePlans: Ref[];
  timelineActions: Ref[];
  writableActions: WritableAction[];
  /** The latest meeting of each active plan's board, held and its minutes not yet approved. */
  heldMeetings: Ref[];
  /** This quarter's review of each active plan, a draft. */
  draftReviews: Ref[];
}

export interface GeneratedDataset {
  shape: DatasetShape;
  seconds: number;
  rows: number;
  rowsPerSecond: number;
  counts: Record<string, number>;
  fixtures: DatasetFixtures;
}

const DUE_OFFSET_DAYS: Record<string, number> = { immediately: 28, three_months: 91, six_months: 182, unspecified: 365 };
const PLAN_SPAN_DAYS = 6 * 365;
const WRITABLE_PER_OWNER = 20;
const TIMELINE_SAMPLE = 3000;
/** A closed plan ran about three years; its board met about it until then. */
const PLAN_LIFE_DAYS = 3 * 365;
/** The measures' values go back a year before the oldest plans. */
const MEASURES_SPAN_DAYS = PLAN_SPAN_DAYS + 365;
const MEASURED_ACTIONS_SHARE = 0.7;
/** The areas a review judges, in the app's order: the inspection's (by name), the plan's one theme (its findings' section), overall. */
const REVIEW_AREAS = [...INSPECTION_AREAS].sort().concat('Areas for improvement', OVERALL_AREA);
export const BENCH_PASSWORD = 'synthetic bench password';
const emailOf = (role: string, authority: number, index: number) => `${role}-${authority + 1}-${index}@bench.example`;

/** Fills a migrated, empty database with a national data set of `actions` actions, in bulk. */
export async function generateDataset(db: DataSource, actions: number, seed = 20260401): Promise<GeneratedDataset> {
  const started = process.hrtime.bigint();
  const shape = shapeFor(actions);
  const random = new Random(seed);
  // The commissioner, judgements, measures, meetings and reviews draw from a stream of their own, so every other row is as it was without them.
  const extra = new Random(seed ^ 0x9e3779b9);
  const writer = bulkWriterFor(db);
  await writer.begin();
  const today = todayInLondon(new Date());
  const todayDay = dayNumber(today);
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const fixtures: DatasetFixtures = {
    today,
    chairs: [],
    tokenOwners: [],
    activePlans: [],
    timelineActions: [],
    writableActions: [],
    heldMeetings: [],
    draftReviews: [],
  };
  const timelineChance = Math.min(1, TIMELINE_SAMPLE / Math.max(1, actions));

  for (let a = 0; a < shape.authorities; a++) {
    const authorityId = random.uuid();
    const created = isoInstant(todayDay - PLAN_SPAN_DAYS - 30, 9 * 3600);
    const name = `${PLACE_NAMES[a % PLACE_NAMES.length]}${PLACE_SUFFIXES[Math.floor(a / PLACE_NAMES.length) % PLACE_SUFFIXES.length]} Council ${a + 1}`;
    writer.add('authority', [authorityId, name, `council-${a + 1}`, created]);
    const councilOrg = random.uuid();
    writer.add('organisation', [councilOrg, authorityId, name, 'council', created]);
    const partners = PARTNERS.map((p) => {
      const id = random.uuid();
      writer.add('organisation', [id, authorityId, `${name} ${p}`, 'partner', created]);
      return id;
    });

    const names = new Map<string, string>();
    const person = (role: string, index: number, managerId: string | null, from = random) => {
      const id = from.uuid();
      const displayName = `${role} ${index} of council ${a + 1}`;
      names.set(id, displayName);
      writer.add('user', [id, emailOf(role, a, index), displayName, passwordHash, true, created]);
      writer.add('membership', [from.uuid(), authorityId, id, JSON.stringify([role === 'owner' ? 'viewer' : role]), managerId, councilOrg, created]);
      return id;
    };
    const admin = person('admin', 0, null);
    const chair = person('board_chair', 0, null);
    const members = Array.from({ length: shape.boardMembers }, (_, i) => person('board_member', i, null));
    const authorityActions = actionsOf(shape, a);
    const ownerCount = Math.max(shape.ownersPerManager, Math.ceil(authorityActions / shape.actionsPerOwner));
    const managers = Array.from({ length: Math.ceil(ownerCount / shape.ownersPerManager) }, (_, i) => person('manager', i, admin));
    const owners = Array.from({ length: ownerCount }, (_, i) => person('owner', i, managers[Math.floor(i / shape.ownersPerManager)]));
    const managerOf = new Map(owners.map((o, i) => [o, managers[Math.floor(i / shape.ownersPerManager)]]));
    const tokenOwners = new Set(owners.slice(0, shape.tokenOwnersPerAuthority));
    fixtures.chairs.push({ userId: chair, authorityId, email: emailOf('board_chair', a, 0) });
    owners.slice(0, shape.tokenOwnersPerAuthority).forEach((userId, i) => fixtures.tokenOwners.push({ userId, authorityId, email: emailOf('owner', a, i) }));

    const boardId = random.uuid();
    writer.add('board', [boardId, authorityId, 'Service Improvement Board', chair, created]);
    for (const userId of [chair, ...members]) writer.add('boardMember', [random.uuid(), authorityId, boardId, userId, created]);
    const commissioner = person('commissioner', 0, null, extra);
    const council: Council = { authorityId, boardId, boardName: 'Service Improvement Board', admin, chair, members, commissioner, names };
    const measures = writeMeasures(writer, extra, { authorityId, owners: managers, fromDay: todayDay - MEASURES_SPAN_DAYS, todayDay, created });

    const planCount = Math.max(1, Math.ceil(authorityActions / shape.actionsPerPlanMax));
    let actionsLeft = authorityActions;
    const writableByOwner = new Map<string, number>();
    for (let p = 0; p < planCount; p++) {
      const planActions = Math.ceil(actionsLeft / (planCount - p));
      actionsLeft -= planActions;
      // Plans follow one another over six years; the newest always started within the last year.
      const startDay =
        todayDay - Math.round(((planCount - p) * PLAN_SPAN_DAYS) / (planCount + 1)) + random.int(-20, 20) - (planCount === 1 ? random.int(30, 900) : 0);
      const closed = planCount > 1 && p < planCount - 1 && todayDay - startDay > 3 * 365;
      const planId = random.uuid();
      const startDate = isoDate(startDay);
      const planCreated = isoInstant(startDay - 7, 10 * 3600);
      const plan: Plan = {
        id: planId,
        authorityId,
        boardId,
        title: `Improvement plan ${p + 1} following the ${startDate.slice(0, 4)} inspection`,
        status: closed ? 'closed' : 'active',
        startDate,
        immediateWindowDays: 28,
        defaultHorizonMonths: 12,
        warningWindowDays: 14,
        moveOffNonWorkingDays: false,
        predecessorId: null,
        version: closed ? 3 : 2,
        createdAt: planCreated,
        updatedAt: planCreated,
      };
      writer.add('plan', Object.values(plan));
      writer.add('audit', [
        authorityId,
        'plan',
        planId,
        'plan_created',
        chair,
        null,
        null,
        null,
        JSON.stringify({ id: planId, title: `Improvement plan ${p + 1}`, startDate }),
        planCreated,
      ]);
      if (!closed) fixtures.activePlans.push({ id: planId, authorityId });
      const documentId = random.uuid();
      writer.add('document', [
        documentId,
        authorityId,
        `Inspection of safeguarding and looked after children services (${startDate.slice(0, 4)})`,
        'inspection_safeguarding_lac',
        '["Ofsted","CQC"]',
        isoDate(startDay - 60),
        isoDate(startDay - 50),
        startDate,
        null,
        null,
        admin,
        planCreated,
      ]);
      writer.add('planDocument', [random.uuid(), authorityId, planId, documentId]);
      INSPECTION_AREAS.forEach((area, i) => {
        const grade = i === 0 ? extra.int(3, 4) : extra.int(2, 4);
        writer.add('judgement', [extra.uuid(), authorityId, documentId, area, grade, GRADE_LABELS[grade - 1], 'ilacs_1_outstanding']);
      });
      const tracked: TrackedAction[] = [];
      const planMeasureIds = new Set<string>();

      for (let j = 0; j < planActions; j++) {
        const ownerId = random.pick(owners);
        const timescale = random.pick(TIMESCALES);
        const dueDay = startDay + DUE_OFFSET_DAYS[timescale] + random.int(0, 60);
        const events = planActionEvents(random, { closed, overdue: dueDay < todayDay, startDay, dueDay, todayDay });
        const actionId = random.uuid();
        const findingId = random.uuid();
        const text = FINDING_TEXTS[(j + a) % FINDING_TEXTS.length];
        const section = 'Areas for improvement';
        writer.add('finding', [findingId, authorityId, documentId, section, timescale, text, null, 100 + j * 3, 102 + j * 3, j]);
        writer.add('actionFinding', [random.uuid(), authorityId, actionId, findingId, planId, section]);
        const managerId = managerOf.get(ownerId)!;
        const open = events.status === 'not_started' || events.status === 'in_progress' || events.status === 'blocked';
        const action: Action & { ownerId: string } = {
          id: actionId,
          authorityId,
          planId,
          ref: `A${j + 1}`,
          title: text.slice(0, 300),
          description: `${text}. Owner to report progress monthly to the board with evidence of impact on children.`,
          timescale,
          ownerId,
          managerId,
          organisationId: random.chance(0.3) ? random.pick(partners) : null,
          dueDate: isoDate(dueDay),
          warnFrom: isoDate(dueDay - 14),
          status: events.status,
          statusReason: events.status === 'blocked' || events.status === 'cancelled' ? 'Awaiting partner agreement' : null,
          atRisk: open && random.chance(0.05),
          ragOverride: null,
          ragOverrideReason: null,
          carriedFromId: null,
          version: events.version,
          createdAt: events.createdAt,
          updatedAt: events.updatedAt,
        };
        if (open && random.chance(0.02)) Object.assign(action, { ragOverride: 'amber', ragOverrideReason: 'Board view: risk of slippage' });
        writer.add('action', Object.values(action) as (string | number | boolean | null)[]);
        writeEvents(writer, random, events, action, { chair, managerId });
        tracked.push({ action, ownerName: names.get(ownerId)!, changes: events.list.flatMap((e) => (e.kind === 'status' ? [{ at: e.at, to: e.to }] : [])) });
        const measure = measures.forFinding[(j + a) % FINDING_TEXTS.length];
        if (extra.chance(MEASURED_ACTIONS_SHARE)) {
          writer.add('actionMeasure', [extra.uuid(), authorityId, actionId, measure.id, planId]);
          planMeasureIds.add(measure.id);
        }
        if (random.chance(timelineChance)) fixtures.timelineActions.push({ id: actionId, authorityId });
        if (!closed && tokenOwners.has(ownerId) && (events.status === 'not_started' || events.status === 'in_progress')) {
          const taken = writableByOwner.get(ownerId) ?? 0;
          if (taken < WRITABLE_PER_OWNER) {
            writableByOwner.set(ownerId, taken + 1);
            fixtures.writableActions.push({ id: actionId, authorityId, ownerId, version: events.version, status: events.status });
          }
        }
        await writer.flushIfFull();
      }
      writePlanRecords(writer, extra, { council, plan, actions: tracked, measures, planMeasureIds, todayDay }, fixtures);
      await writer.flushIfFull();
    }
  }
  await writer.flush();
  await writer.end();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const rows = writer.totalRows;
  return { shape, seconds, rows, rowsPerSecond: Math.round(rows / seconds), counts: { ...writer.counts } as Record<string, number>, fixtures };
}

/** The plan's board meetings over its life and, while it runs, its quarterly reviews; a running plan's held meeting and draft review are fixtures. */
function writePlanRecords(
  writer: RowSink,
  random: Random,
  r: { council: Council; plan: Plan; actions: TrackedAction[]; measures: CouncilMeasures; planMeasureIds: Set<string>; todayDay: number },
  fixtures: DatasetFixtures,
) {
  const live = r.plan.status === 'active';
  const startDay = dayNumber(r.plan.startDate);
  const endDay = live ? r.todayDay : startDay + PLAN_LIFE_DAYS - random.int(0, 90);
  const days = meetingDays(onTuesday(startDay + 28 + random.int(0, 13)), endDay, live);
  const { held, decisions } = writePlanMeetings(writer, random, { ...r, days, live });
  if (!live) return;
  const authorityId = r.council.authorityId;
  if (held) fixtures.heldMeetings.push({ id: held, authorityId });
  const draft = writePlanReviews(writer, random, { ...r, areas: REVIEW_AREAS, decisions });
  fixtures.draftReviews.push({ id: draft, authorityId });
}

function writeEvents(
  writer: ReturnType<typeof bulkWriterFor>,
  random: Random,
  events: ActionEvents,
  action: Action & { ownerId: string },
  people: { chair: string; managerId: string },
) {
  const { id: actionId, authorityId, ownerId } = action;
  writer.add('audit', [authorityId, 'action', actionId, 'action_created', people.chair, null, null, null, JSON.stringify(action), events.createdAt]);
  let noteIndex = 0;
  for (const event of events.list) {
    const at = event.at;
    switch (event.kind) {
      case 'note': {
        const note = {
          id: random.uuid(),
          authorityId,
          actionId,
          authorId: ownerId,
          body: NOTE_TEXTS[(noteIndex++ + actionId.charCodeAt(0)) % NOTE_TEXTS.length],
          createdAt: at,
        };
        writer.add('note', Object.values(note) as string[]);
        writer.add('audit', [authorityId, 'action', actionId, 'progress_note_added', ownerId, null, null, null, JSON.stringify(note), at]);
        break;
      }
      case 'evidence': {
        const id = random.uuid();
        const file = random.chance(0.6);
        const evidence = {
          id,
          authorityId,
          actionId,
          kind: file ? 'file' : 'link',
          title: file ? 'Audit report' : 'Published guidance',
          url: file ? null : `https://intranet.example/guidance/${id}`,
          note: null,
          fileName: file ? `audit-${id.slice(0, 8)}.pdf` : null,
          mimeType: file ? 'application/pdf' : null,
          sizeBytes: file ? random.int(20_000, 4_000_000) : null,
          sha256: file ? `${id}${id}`.replace(/-/g, '').slice(0, 64) : null,
          addedById: ownerId,
          createdAt: at,
        };
        writer.add('evidence', Object.values(evidence) as (string | number | null)[]);
        writer.add('audit', [authorityId, 'action', actionId, 'evidence_added', ownerId, null, null, null, JSON.stringify(evidence), at]);
        break;
      }
      case 'status': {
        const actor = event.to === 'verified' ? people.chair : ownerId;
        writer.add('audit', [
          authorityId,
          'action',
          actionId,
          event.to === 'verified' ? 'action_verified' : 'action_status_changed',
          actor,
          null,
          null,
          JSON.stringify({ status: event.from, statusReason: null }),
          JSON.stringify({ status: event.to, statusReason: null }),
          at,
        ]);
        break;
      }
      case 'update':
        writer.add('audit', [
          authorityId,
          'action',
          actionId,
          'action_updated',
          people.managerId,
          null,
          null,
          JSON.stringify({ atRisk: false }),
          JSON.stringify({ atRisk: true }),
          at,
        ]);
        break;
    }
  }
}
