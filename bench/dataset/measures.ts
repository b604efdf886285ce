import type { Measure, MeasureValue } from '@app/database/entities';
import type { ReviewPack } from '@app/core/reviews/review-pack';
import { Quarter } from '@app/domain';
import { dayNumber, isoDate, isoInstant, monthsOf, quartersBetween } from './calendar';
import { CORRECTION_REASONS, MEASURES, VALUE_COMMENTARY } from './phrases';
import { RowSink } from './plan-history';
import { Random } from './random';

/** A council's measures and their values, as its plans' reviews read them. */
export interface CouncilMeasures {
  /** By name, as a review lists them. */
  measures: Measure[];
  /** The measure each finding text's actions should move (same order as FINDING_TEXTS). */
  forFinding: Measure[];
  /** Every value row, replaced ones too, by quarter. */
  byQuarter: Map<string, MeasureValue[]>;
  /** The rows that correct an earlier value. */
  corrections: MeasureValue[];
  /** The measures' part of the review packs built so far, by quarter, last signing and measures: the same for each plan. */
  packParts: Map<string, Pick<ReviewPack, 'measures' | 'correctedSinceLastReview'>>;
}

/** Days after a period ends that its value is entered: within the ten working days it is due in. */
const ENTERED_AFTER_DAYS = [3, 12] as const;
const CORRECTED_SHARE = 0.02;

type MeasureSpec = (typeof MEASURES)[number];

/**
 * The council's performance measures, each owned by a manager, with a value for every quarter (a month, for
 * one reported monthly) from `fromDay` until the last quarter whose values are in: moving from a poor start
 * towards the target, with the national and comparator figures beside them, commentary on some, and a
 * few corrected later (the old row kept, marked replaced).
 */
export function writeMeasures(
  writer: RowSink,
  random: Random,
  council: { authorityId: string; owners: string[]; fromDay: number; todayDay: number; created: string },
): CouncilMeasures {
  const byQuarter = new Map<string, MeasureValue[]>();
  const corrections: MeasureValue[] = [];
  const lastDay = council.todayDay - ENTERED_AFTER_DAYS[1] - 1;
  const quarters = quartersBetween(isoDate(council.fromDay), isoDate(lastDay)).filter((q) => dayNumber(q.end) <= lastDay);
  const forFinding = MEASURES.map((spec) => {
    const measure: Measure = {
      id: random.uuid(),
      authorityId: council.authorityId,
      name: spec.name,
      unit: spec.unit,
      polarity: spec.polarity,
      target: spec.target,
      bandLow: 'bandLow' in spec ? spec.bandLow : null,
      bandHigh: 'bandHigh' in spec ? spec.bandHigh : null,
      tolerance: spec.tolerance,
      rollup: 'monthly' in spec ? 'average' : 'last',
      ownerId: random.pick(council.owners),
      createdAt: council.created,
    };
    writer.add('measure', Object.values(measure));
    quarters.forEach((quarter, k) => {
      for (const row of valuesOf(random, measure, spec, quarter, k / quarters.length, council.todayDay)) {
        writer.add('measureValue', Object.values(row));
        let rows = byQuarter.get(row.quarter);
        if (!rows) byQuarter.set(row.quarter, (rows = []));
        rows.push(row);
        if (row.supersededValue !== null) corrections.push(row);
      }
    });
    return measure;
  });
  const measures = [...forFinding].sort((a, b) => (a.name < b.name ? -1 : 1));
  return { measures, forFinding, byQuarter, corrections, packParts: new Map() };
}

/** One quarter's rows of a measure: its quarterly value, or one for each month; a corrected one is two rows. */
function valuesOf(random: Random, measure: Measure, spec: MeasureSpec, quarter: Quarter, progress: number, todayDay: number): MeasureValue[] {
  const goal = spec.target ?? ((measure.bandLow ?? 0) + (measure.bandHigh ?? 0)) / 2;
  const periods = 'monthly' in spec ? monthsOf(quarter) : [{ period: quarter.label, endDay: dayNumber(quarter.end) }];
  return periods.flatMap(({ period, endDay }, i) => {
    const last = i === periods.length - 1;
    const value = figure(measure, spec.start + (goal - spec.start) * Math.min(1, progress * 1.3) + (random.next() - 0.5) * 2 * spec.tolerance);
    const row: MeasureValue = {
      id: random.uuid(),
      authorityId: measure.authorityId,
      measureId: measure.id,
      period,
      quarter: quarter.label,
      value,
      national: last ? figure(measure, goal + (spec.start - goal) * 0.4 + random.next() - 0.5) : null,
      comparator: last ? figure(measure, goal + (spec.start - goal) * 0.6 + random.next() - 0.5) : null,
      commentary: random.chance(0.4) ? random.pick(VALUE_COMMENTARY) : null,
      reason: null,
      supersededValue: null,
      enteredById: measure.ownerId!,
      enteredAt: isoInstant(endDay + random.int(...ENTERED_AFTER_DAYS), 11 * 3600),
      replacedAt: null,
    };
    if (!random.chance(CORRECTED_SHARE)) return [row];
    const correctedAt = isoInstant(Math.min(todayDay - 1, dayNumber(row.enteredAt.slice(0, 10)) + random.int(10, 60)), 15 * 3600);
    const correction: MeasureValue = {
      ...row,
      id: random.uuid(),
      value: figure(measure, value + (random.next() - 0.5) * 4),
      commentary: null,
      reason: random.pick(CORRECTION_REASONS),
      supersededValue: value,
      enteredAt: correctedAt,
    };
    return [{ ...row, replacedAt: correctedAt }, correction];
  });
}

/** A value the unit can take: a whole count, a percentage to one place between 0 and 100. */
const figure = (measure: Measure, value: number) =>
  measure.unit === 'percent' ? Math.round(Math.min(100, Math.max(0, value)) * 10) / 10 : Math.max(0, Math.round(value));
