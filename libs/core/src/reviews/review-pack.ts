import { DueDateChange, Measure, Plan } from '@app/database/entities';
import {
  daysBetween,
  deriveRag,
  Direction,
  directionOfTravel,
  effectiveRag,
  isOpenStatus,
  MeasureRag,
  measureRag,
  previousQuarter,
  Quarter,
  Rag,
  rollUp,
  valuesDueDate,
} from '@app/domain';
import { CorrectionValue, QuarterValue } from '../measures/measure-value.repository';
import { BoardDecisionRow, PlanAction, SignedReview, StatusReached } from './review.repository';

/** Quarters of trend shown beside each measure (two years). */
export const TREND_QUARTERS = 8;

export interface PackAction {
  actionId: string;
  ref: string;
  title: string;
  owner: string | null;
}

export interface PackTrendPoint {
  quarter: string;
  value: number | null;
  national: number | null;
  comparator: number | null;
  rag: MeasureRag | null;
}

export interface PackCorrection {
  measureId: string;
  name: string;
  period: string;
  was: number | null;
  now: number;
  reason: string | null;
  at: string;
}

export interface PackMeasure {
  measureId: string;
  name: string;
  unit: Measure['unit'];
  polarity: Measure['polarity'];
  target: number | null;
  bandLow: number | null;
  bandHigh: number | null;
  tolerance: number | null;
  owner: string | null;
  value: number | null;
  national: number | null;
  comparator: number | null;
  commentary: string | null;
  rag: MeasureRag | null;
  direction: Direction | null;
  /** When the quarter's value was due from its owner. */
  valueDue: string;
  /** Oldest quarter first, ending with the review's. */
  trend: PackTrendPoint[];
  correctedSinceLastReview: PackCorrection[];
}

export interface ReviewPack {
  quarter: string;
  start: string;
  end: string;
  /** The day the action figures are counted on: the quarter's end, or today while it runs. */
  asAt: string;
  plan: { id: string; title: string; status: string };
  actions: {
    total: number;
    byStatus: Record<string, number>;
    byRag: Record<string, number>;
    completedThisQuarter: PackAction[];
    verifiedThisQuarter: PackAction[];
    newlyOverdue: (PackAction & { dueDate: string })[];
    overdue: (PackAction & { dueDate: string; daysOverdue: number })[];
    dueDateChanges: (PackAction & { from: string | null; to: string | null; reason: string | null; changedAt: string })[];
  };
  /** Decisions recorded at the plan's board meetings in the quarter (absent from packs signed before they were kept). */
  boardDecisions?: BoardDecisionRow[];
  measures: PackMeasure[];
  /** Values of earlier quarters corrected after the plan's last signed review. */
  correctedSinceLastReview: PackCorrection[];
  /** The areas to judge: the inspection's, the plan's themes (its findings' sections), then overall. */
  areas: string[];
}

export interface PackInputs {
  plan: Plan;
  quarter: Quarter;
  today: string;
  actions: PlanAction[];
  statusesReached: StatusReached[];
  dueDateChanges: DueDateChange[];
  boardDecisions: BoardDecisionRow[];
  measures: Measure[];
  ownerNames: Map<string, string>;
  /** Current values of the measures: those of the quarters `trendQuarters` gives are all the pack reads. */
  values: QuarterValue[];
  /** Value rows that corrected another (replaced ones too), at least those entered since the last signed review. */
  history: CorrectionValue[];
  lastSigned: SignedReview | null;
  areas: string[];
}

const count = <T>(items: T[], key: (item: T) => string | null) =>
  items.reduce<Record<string, number>>((tally, item) => {
    const k = key(item);
    if (k !== null) tally[k] = (tally[k] ?? 0) + 1;
    return tally;
  }, {});

/** The quarters a measure's trend shows, oldest first, ending with the review's. */
export function trendQuarters(quarter: Quarter): Quarter[] {
  const quarters = [quarter];
  while (quarters.length < TREND_QUARTERS) quarters.unshift(previousQuarter(quarters[0]));
  return quarters;
}

export function buildPack(input: PackInputs): ReviewPack {
  const { plan, quarter, actions } = input;
  const asAt = input.today < quarter.end ? input.today : quarter.end;
  const ref = (a: PlanAction): PackAction => ({ actionId: a.id, ref: a.ref, title: a.title, owner: a.ownerName });
  const byId = new Map(actions.map((a) => [a.id, a]));
  const rag = (a: PlanAction): Rag | null =>
    effectiveRag(deriveRag({ status: a.status, dueDate: a.dueDate, today: asAt, warningWindowDays: plan.warningWindowDays, atRisk: a.atRisk }), a.ragOverride);
  const reached = (status: StatusReached['status']) => {
    const ids = new Set(input.statusesReached.filter((e) => e.status === status).map((e) => e.actionId));
    return actions.filter((a) => ids.has(a.id)).map(ref);
  };
  const overdue = actions.filter((a) => a.dueDate !== null && a.dueDate < asAt && isOpenStatus(a.status));
  return {
    quarter: quarter.label,
    start: quarter.start,
    end: quarter.end,
    asAt,
    plan: { id: plan.id, title: plan.title, status: plan.status },
    actions: {
      total: actions.length,
      byStatus: count(actions, (a) => a.status),
      byRag: count(actions, rag),
      completedThisQuarter: reached('completed'),
      verifiedThisQuarter: reached('verified'),
      newlyOverdue: overdue.filter((a) => a.dueDate! >= quarter.start).map((a) => ({ ...ref(a), dueDate: a.dueDate! })),
      overdue: overdue.map((a) => ({ ...ref(a), dueDate: a.dueDate!, daysOverdue: daysBetween(a.dueDate!, asAt) })),
      dueDateChanges: input.dueDateChanges
        .filter((c) => byId.has(c.actionId))
        .map((c) => ({ ...ref(byId.get(c.actionId)!), from: c.fromDate, to: c.toDate, reason: c.reason, changedAt: c.createdAt })),
    },
    boardDecisions: input.boardDecisions,
    measures: packMeasures(input),
    correctedSinceLastReview: input.measures.flatMap((m) => corrections(m, input)),
    areas: [...input.areas],
  };
}

function packMeasures(input: PackInputs): PackMeasure[] {
  // The same for every measure: worked out once.
  const quarters = trendQuarters(input.quarter);
  const valueDue = valuesDueDate(input.quarter);
  return input.measures.map((m) => packMeasure(m, input, quarters, valueDue));
}

function packMeasure(measure: Measure, input: PackInputs, quarters: Quarter[], valueDue: string): PackMeasure {
  const own = input.values.filter((v) => v.measureId === measure.id);
  const point = (q: Quarter): PackTrendPoint & { commentary: string | null } => {
    const rows = own.filter((v) => v.quarter === q.label);
    const value = rollUp(measure.rollup, rows);
    const latest = [...rows].sort((a, b) => a.period.localeCompare(b.period)).pop();
    return {
      quarter: q.label,
      value,
      national: latest?.national ?? null,
      comparator: latest?.comparator ?? null,
      commentary: latest?.commentary ?? null,
      rag: measureRag(measure, value),
    };
  };
  const points = quarters.map(point);
  const current = points[points.length - 1];
  const previous = points[points.length - 2];
  const firstWithValue = points.findIndex((p) => p.value !== null);
  return {
    measureId: measure.id,
    name: measure.name,
    unit: measure.unit,
    polarity: measure.polarity,
    target: measure.target,
    bandLow: measure.bandLow,
    bandHigh: measure.bandHigh,
    tolerance: measure.tolerance,
    owner: measure.ownerId ? (input.ownerNames.get(measure.ownerId) ?? null) : null,
    value: current.value,
    national: current.national,
    comparator: current.comparator,
    commentary: current.commentary,
    rag: current.rag,
    direction: directionOfTravel(measure, current.value, previous?.value ?? null),
    valueDue,
    trend: (firstWithValue < 0 ? [current] : points.slice(firstWithValue)).map(({ commentary: _c, ...p }) => p),
    correctedSinceLastReview: corrections(measure, input),
  };
}

/**
 * Values for quarters the last signed review covered, corrected after it was signed (or in its very
 * millisecond: such a correction may be in the frozen pack already, and flagging it twice does no harm).
 */
function corrections(measure: Measure, input: PackInputs): PackCorrection[] {
  const last = input.lastSigned;
  if (!last) return [];
  return input.history
    .filter((v) => v.measureId === measure.id && v.supersededValue !== null && v.enteredAt >= last.signedAt && v.quarter <= last.quarter)
    .map((v) => ({ measureId: measure.id, name: measure.name, period: v.period, was: v.supersededValue, now: v.value, reason: v.reason, at: v.enteredAt }));
}
