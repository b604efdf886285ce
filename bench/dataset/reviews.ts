import type { Plan, Review, ReviewJudgement } from '@app/database/entities';
import { buildPack, PackInputs, ReviewPack, TREND_QUARTERS } from '@app/core/reviews/review-pack';
import type { FollowUpRow, PlanAction, StatusReached } from '@app/core/reviews/review.repository';
import { PROGRESS_JUDGEMENTS, Quarter, quarterInstants } from '@app/domain';
import { dayNumber, isoDate, isoInstant, quartersBetween } from './calendar';
import { CouncilMeasures } from './measures';
import { REVIEW_COMMENTS } from './phrases';
import { BoardDecision, Council, pickSome, RowSink, statusAt, TrackedAction } from './plan-history';
import { Random } from './random';

/** How commissioners judge progress: mostly reasonable or limited. */
const JUDGEMENT_WEIGHTS = [0.15, 0.45, 0.3, 0.1];
/** The commissioner signs off the council's reviews of a quarter together, three weeks after it ends. */
const SIGNED_AFTER_DAYS = 21;

interface ReviewPlan {
  council: Council;
  plan: Plan;
  actions: TrackedAction[];
  /** The council's measures; the plan's are those its actions should move. */
  measures: CouncilMeasures;
  planMeasureIds: Set<string>;
  /** The inspection's areas, the plan's themes, then overall: what each review judges. */
  areas: string[];
  decisions: BoardDecision[];
  todayDay: number;
}

/**
 * The commissioner's review of the plan for each quarter of its life: each past quarter's signed off after
 * it ended, every area judged, with its pack frozen as shown (the app's own buildPack, over the actions as
 * they stood when it was signed); this quarter's a draft, some areas judged so far. A review may ask for
 * follow-up actions (one of the plan's actions each). Returns the draft's id.
 */
export function writePlanReviews(writer: RowSink, random: Random, r: ReviewPlan): string {
  const quarters = quartersBetween(r.plan.startDate, isoDate(r.todayDay));
  const unused = [...r.actions];
  // One copy of the plan's actions for every pack, each given its status at the signing before the pack is built.
  const asAt = r.actions.map((a) => ({ ...a.action, ownerName: a.ownerName }));
  let lastSigned: PackInputs['lastSigned'] = null;
  let draft = '';
  for (const quarter of quarters) {
    const current = quarter === quarters[quarters.length - 1];
    const followUps = pickSome(random, unused, random.int(0, current ? 1 : 2));
    for (const f of followUps) unused.splice(unused.indexOf(f), 1);
    const review: Review = current ? writeDraft(writer, random, r, quarter, followUps) : writeSigned(writer, random, r, asAt, quarter, followUps, lastSigned);
    if (current) draft = review.id;
    else lastSigned = { quarter: review.quarter, signedAt: review.signedAt! };
  }
  return draft;
}

function writeSigned(
  writer: RowSink,
  random: Random,
  r: ReviewPlan,
  asAt: PlanAction[],
  quarter: Quarter,
  followUps: TrackedAction[],
  lastSigned: PackInputs['lastSigned'],
): Review {
  const endDay = dayNumber(quarter.end);
  const createdAt = isoInstant(endDay - random.int(10, 25), 10 * 3600);
  const signedDay = Math.min(endDay + SIGNED_AFTER_DAYS, r.todayDay - 1);
  const signedAt = isoInstant(signedDay, 16 * 3600);
  const review: Review = {
    id: random.uuid(),
    authorityId: r.council.authorityId,
    planId: r.plan.id,
    quarter: quarter.label,
    status: 'signed',
    frozen: null,
    createdById: r.council.commissioner,
    createdAt,
    signedById: r.council.commissioner,
    signedAt,
  };
  const judgements = r.areas.map((area) => judgement(random, r, review.id, area, isoInstant(signedDay - random.int(1, 4), 11 * 3600)));
  const asSigned = followUps.map((f) => followUpRow(f, statusAt(f, signedAt)));
  const pack = packAsSigned(r, asAt, quarter, signedAt, lastSigned);
  const judged = judgements
    .sort((a, b) => (a.recordedAt + a.area < b.recordedAt + b.area ? -1 : 1))
    .map(({ area, judgement, comment, recordedById, recordedAt }) => ({ area, judgement, comment, recordedById, recordedAt }));
  review.frozen = JSON.stringify({ pack, judgements: judged, followUps: asSigned });
  writer.add('review', Object.values(review));
  for (const j of judgements) writer.add('reviewJudgement', Object.values(j));
  for (const f of followUps) writer.add('reviewFollowUp', [random.uuid(), r.council.authorityId, review.id, f.action.id, isoInstant(signedDay - 5, 12 * 3600)]);
  return review;
}

/**
 * The pack as shown when signed: the app's buildPack over the actions as they stood. Its measures are the same for
 * every plan of the council on the same measures (signed the same day), so that part is built once for them all.
 */
function packAsSigned(r: ReviewPlan, asAt: PlanAction[], quarter: Quarter, signedAt: string, lastSigned: PackInputs['lastSigned']): ReviewPack {
  r.actions.forEach((a, i) => (asAt[i].status = statusAt(a, signedAt)));
  const inputs: PackInputs = {
    plan: r.plan,
    quarter,
    today: signedAt.slice(0, 10),
    actions: asAt,
    statusesReached: statusesReached(r.actions, quarter),
    dueDateChanges: [],
    boardDecisions: r.decisions.filter((d) => d.date >= quarter.start && d.date <= quarter.end),
    measures: r.measures.measures.filter((m) => r.planMeasureIds.has(m.id)),
    ownerNames: r.council.names,
    values: valuesAsAt(r.measures, quarter, signedAt),
    history: lastSigned ? r.measures.corrections : [],
    lastSigned,
    areas: r.areas,
  };
  const key = `${quarter.label} ${lastSigned?.signedAt} ${inputs.measures.map((m) => m.id).join()}`;
  let measured = r.measures.packParts.get(key);
  if (!measured) {
    const { measures, correctedSinceLastReview } = buildPack({ ...inputs, actions: [], statusesReached: [] });
    r.measures.packParts.set(key, (measured = { measures, correctedSinceLastReview }));
  }
  return { ...buildPack({ ...inputs, measures: [] }), ...measured };
}

function writeDraft(writer: RowSink, random: Random, r: ReviewPlan, quarter: Quarter, followUps: TrackedAction[]): Review {
  const createdDay = Math.min(dayNumber(quarter.start) + random.int(20, 50), r.todayDay);
  const review: Review = {
    id: random.uuid(),
    authorityId: r.council.authorityId,
    planId: r.plan.id,
    quarter: quarter.label,
    status: 'draft',
    frozen: null,
    createdById: r.council.commissioner,
    createdAt: isoInstant(createdDay, 10 * 3600),
    signedById: null,
    signedAt: null,
  };
  writer.add('review', Object.values(review));
  for (const area of pickSome(random, r.areas, random.int(0, r.areas.length - 1)))
    writer.add('reviewJudgement', Object.values(judgement(random, r, review.id, area, isoInstant(random.int(createdDay, r.todayDay), 11 * 3600))));
  for (const f of followUps) writer.add('reviewFollowUp', [random.uuid(), r.council.authorityId, review.id, f.action.id, isoInstant(createdDay, 12 * 3600)]);
  return review;
}

function judgement(random: Random, r: ReviewPlan, reviewId: string, area: string, recordedAt: string): ReviewJudgement {
  let pick = random.next();
  const index = JUDGEMENT_WEIGHTS.findIndex((w) => (pick -= w) < 0);
  return {
    id: random.uuid(),
    authorityId: r.council.authorityId,
    reviewId,
    area,
    judgement: PROGRESS_JUDGEMENTS[index < 0 ? 1 : index],
    comment: random.pick(REVIEW_COMMENTS),
    recordedById: r.council.commissioner,
    recordedAt,
  };
}

const followUpRow = (f: TrackedAction, status: string): FollowUpRow => ({
  actionId: f.action.id,
  ref: f.action.ref,
  title: f.action.title,
  ownerId: f.action.ownerId,
  ownerName: f.ownerName,
  dueDate: f.action.dueDate,
  status,
});

/** Each quarter's instants and its trend's quarters, worked out once for every plan reviewed in it (the domain's quarters go through luxon). */
const quarterSpans = new Map<string, { from: string; to: string; trend: string[] }>();
function spanOf(quarter: Quarter) {
  let span = quarterSpans.get(quarter.label);
  if (!span) {
    const trendStart = isoDate(dayNumber(quarter.start) - 92 * (TREND_QUARTERS - 1));
    span = { ...quarterInstants(quarter), trend: quartersBetween(trendStart, quarter.start).map((q) => q.label) };
    quarterSpans.set(quarter.label, span);
  }
  return span;
}

/** The plan's actions that reached completed or verified in the quarter, each action and status once, as the audit trail records it. */
function statusesReached(actions: TrackedAction[], quarter: Quarter): StatusReached[] {
  const { from, to } = spanOf(quarter);
  const reached = new Map<string, StatusReached>();
  for (const { action, changes } of actions)
    for (const { at, to: status } of changes)
      if (at >= from && at < to && (status === 'completed' || status === 'verified')) reached.set(`${action.id} ${status}`, { actionId: action.id, status });
  return [...reached.values()];
}

/** The values a review of the quarter shows, as they stood when it was signed: its trend's quarters, corrections made later left out. */
function valuesAsAt(measures: CouncilMeasures, quarter: Quarter, signedAt: string) {
  return spanOf(quarter).trend.flatMap((label) =>
    (measures.byQuarter.get(label) ?? []).filter((v) => v.enteredAt <= signedAt && (v.replacedAt === null || v.replacedAt > signedAt)),
  );
}
