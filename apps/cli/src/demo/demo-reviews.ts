import { INestApplicationContext } from '@nestjs/common';
import { ActionService, Actor, Clock, MeasureService, MeasureValueService, NewMeasure, ReviewService } from '@app/core';
import { addDays, OVERALL_AREA, previousQuarter, Quarter, quarterOf } from '@app/domain';

type As = (key: string) => Actor;

interface DemoMeasure extends NewMeasure {
  owner: string;
  /** Oldest quarter first, ending with last quarter's. */
  values: number[];
  national: number | null;
  comparator: number | null;
  commentary: string;
  /** Which of the plan's actions (by position) should move it. */
  actions: number[];
}

// The headline measures a council reports to its scrutiny panel: two improving, two steady within their
// bands then one of them slipping out, one steady well under its guide, and one falling with no target met.
const MEASURES: DemoMeasure[] = [
  {
    name: 'Assessments completed within 45 days',
    unit: 'percent',
    polarity: 'higher',
    target: 90,
    tolerance: 2,
    owner: 'manager',
    values: [84.0, 85.5, 87.1, 88.9, 90.2, 91.0, 91.7],
    national: 83.4,
    comparator: 85.2,
    commentary: 'Weekly assessment tracker in every team since the spring; still too many simple assessments run to day 40.',
    actions: [0, 3],
  },
  {
    name: 'Referrals that are re-referrals within 12 months',
    unit: 'percent',
    polarity: 'lower',
    target: 22,
    tolerance: 1,
    owner: 'manager',
    values: [25.1, 24.6, 24.0, 23.3, 22.8, 22.1, 21.5],
    national: 22.3,
    comparator: 23.0,
    commentary: 'Step-down to early help is now agreed at closure, so fewer families come back.',
    actions: [1],
  },
  {
    name: 'Child protection plans that are repeat plans within 2 years',
    unit: 'percent',
    polarity: 'lower',
    target: 10,
    tolerance: 2,
    owner: 'owner2',
    values: [4.8, 4.5, 4.9, 4.3, 4.6, 4.4, 4.1],
    national: 17.8,
    comparator: 15.6,
    commentary: 'Stable and well under the guide of 10%.',
    actions: [2],
  },
  {
    name: 'Children subject to a child protection plan',
    unit: 'count',
    polarity: 'band',
    bandLow: 120,
    bandHigh: 130,
    tolerance: 5,
    owner: 'manager',
    values: [124, 127, 122, 126, 129, 125, 128],
    national: 142,
    comparator: 133,
    commentary: 'Within the expected range for the past 18 months; thresholds applied consistently.',
    actions: [2, 4],
  },
  {
    name: 'Looked after children',
    unit: 'count',
    polarity: 'band',
    bandLow: 135,
    bandHigh: 145,
    tolerance: 5,
    owner: 'manager',
    values: [138, 141, 139, 143, 144, 147, 151],
    national: 160,
    comparator: 150,
    commentary: 'Two large sibling groups came into care; the placement panel is reviewing every plan for return home.',
    actions: [4],
  },
  {
    name: 'Contacts from schools',
    unit: 'count',
    polarity: 'higher',
    target: 180,
    tolerance: 20,
    owner: 'owner2',
    values: [205, 198, 190, 176, 164, 152, 141],
    national: null,
    comparator: null,
    commentary:
      'Falling for a year: schools may be meeting more need through pastoral support, or reading thresholds differently. Being checked with head teachers.',
    actions: [3],
  },
];

/**
 * The quarterly reviews in the demo: measures with values over the last seven quarters linked to the
 * plan's actions, last quarter's review judged and signed off by the commissioner, a value corrected
 * after that sign-off, and this quarter's review started, ready for the commissioner to open.
 */
export async function seedReviews(app: INestApplicationContext, as: As, ids: Record<string, string>, planId: string): Promise<void> {
  const measures = app.get(MeasureService);
  const values = app.get(MeasureValueService);
  const reviews = app.get(ReviewService);
  const today = app.get(Clock).today();
  const thisQuarter = quarterOf(today);
  const quarters: Quarter[] = [previousQuarter(thisQuarter)];
  while (quarters.length < 7) quarters.unshift(previousQuarter(quarters[0]));
  const { items } = await app.get(ActionService).list(as('admin'), { planId, page: 1, pageSize: 100 });

  let lookedAfter = '';
  for (const m of MEASURES) {
    const { owner, values: series, national, comparator, commentary, actions, ...definition } = m;
    const measure = await measures.create(as('admin'), { ...definition, ownerId: ids[owner] });
    if (m.name === 'Looked after children') lookedAfter = measure.id;
    for (const [i, value] of series.entries()) {
      const last = i === series.length - 1;
      await values.enter(as('manager'), measure.id, { period: quarters[i].label, value, national, comparator, commentary: last ? commentary : null });
    }
    for (const i of actions) if (items[i]) await measures.link(as('admin'), items[i].id, measure.id, true);
  }

  const lastQuarter = quarters[quarters.length - 1];
  const signed = await reviews.create(as('commissioner'), planId, lastQuarter.label);
  await reviews.judge(as('commissioner'), signed.id, {
    area: OVERALL_AREA,
    judgement: 'reasonable',
    comment:
      'Assessment timeliness and re-referrals have improved for six quarters. Looked after children numbers have moved above their expected range and schools contacts keep falling: both need a plan.',
  });
  await reviews.followUp(as('commissioner'), signed.id, {
    title: 'Explain the fall in contacts from schools and agree a response with head teachers',
    ownerId: ids.owner2,
    dueDate: addDays(today, 42),
  });
  await reviews.signOff(as('commissioner'), signed.id);

  // Found after sign-off: the signed review keeps 151; this quarter's review shows the correction.
  await values.enter(as('manager'), lookedAfter, { period: lastQuarter.label, value: 152, reason: 'One placement notified late by the out-of-hours team' });
  await reviews.create(as('commissioner'), planId, thisQuarter.label);
}
