import { PackMeasure, ReviewView } from '@app/core';
import { scrutinyPaper, trendInWords } from './scrutiny-paper';

const measure = (over: Partial<PackMeasure>): PackMeasure => ({
  measureId: 'm',
  name: 'Children subject to a child protection plan',
  unit: 'count',
  polarity: 'band',
  target: null,
  bandLow: 120,
  bandHigh: 130,
  tolerance: 5,
  owner: null,
  value: 128,
  national: 142,
  comparator: 133,
  commentary: null,
  rag: 'green',
  direction: 'improving',
  valueDue: '2026-10-14',
  trend: [124, 127, 122, 126, 129, 128].map((value, i) => ({ quarter: `2025/26 Q${i + 1}`, value, national: null, comparator: null, rag: 'green' as const })),
  correctedSinceLastReview: [],
  ...over,
});

describe('headline trends in words', () => {
  it('says a count kept within its band for eighteen months, below the national and comparator averages', () => {
    expect(trendInWords(measure({ direction: 'unchanged' }))).toBe(
      'Children subject to a child protection plan: between 122 and 129 for the past 18 months; within the expected range (between 120 and 130); ' +
        'below the national average (142) and below the comparator authorities’ average (133).',
    );
  });

  it('says where a percentage came from, that it meets its target and improved, beside the averages', () => {
    const m = measure({
      name: 'Assessments completed within 45 days',
      unit: 'percent',
      polarity: 'higher',
      target: 90,
      bandLow: null,
      bandHigh: null,
      value: 91.7,
      national: 83.4,
      comparator: 91.7,
      trend: [
        { quarter: '2025/26 Q4', value: 84, national: null, comparator: null, rag: 'red' },
        { quarter: '2026/27 Q1', value: 91.7, national: null, comparator: null, rag: 'green' },
      ],
    });
    expect(trendInWords(m)).toBe(
      'Assessments completed within 45 days: 91.7% in 2026/27 Q1, from 84% in 2025/26 Q4; meeting its target (at least 90%); improving on the quarter before; ' +
        'above the national average (83.4%) and the same as the comparator authorities’ average (91.7%).',
    );
  });

  it('says a measure has slipped outside its range, and when there is no value', () => {
    expect(
      trendInWords(
        measure({
          value: 151,
          rag: 'red',
          direction: 'worsening',
          national: null,
          comparator: null,
          trend: [
            { quarter: '2026/27 Q1', value: 144, national: null, comparator: null, rag: 'green' },
            { quarter: '2026/27 Q2', value: 151, national: null, comparator: null, rag: 'red' },
          ],
          bandLow: 135,
          bandHigh: 145,
          name: 'Looked after children',
        }),
      ),
    ).toBe(
      'Looked after children: 151 in 2026/27 Q2, from 144 in 2026/27 Q1; outside the expected range (between 135 and 145); worse than the quarter before.',
    );
    expect(trendInWords(measure({ value: null, trend: [] }))).toBe('Children subject to a child protection plan: no value was given for the quarter.');
  });

  it("gives the latest figure there is, and where it stood, when the quarter's value is not in yet", () => {
    const m = measure({
      name: 'Looked after children',
      value: null,
      rag: null,
      direction: null,
      national: null,
      comparator: null,
      bandLow: 135,
      bandHigh: 145,
      trend: [
        { quarter: '2026/27 Q1', value: 147, national: null, comparator: null, rag: 'amber' },
        { quarter: '2026/27 Q2', value: 152, national: null, comparator: null, rag: 'red' },
      ],
    });
    expect(trendInWords(m)).toBe(
      'Looked after children: no value was given for the quarter; the latest is 152 in 2026/27 Q2, outside the expected range (between 135 and 145).',
    );
  });
});

describe('the paper for scrutiny', () => {
  it("lists a measure whose latest figure is outside its range among the areas still needing work, when the quarter's value is not in yet", () => {
    const outside = measure({
      name: 'Looked after children',
      value: null,
      rag: null,
      direction: null,
      bandLow: 135,
      bandHigh: 145,
      trend: [{ quarter: '2026/27 Q2', value: 152, national: null, comparator: null, rag: 'red' }],
    });
    const within = measure({
      value: null,
      rag: null,
      direction: null,
      trend: [{ quarter: '2026/27 Q2', value: 128, national: null, comparator: null, rag: 'green' }],
    });
    const review = {
      signedAt: '2026-12-04T14:16:00.000Z',
      judgements: [],
      followUps: [],
      pack: {
        plan: { title: 'Safeguarding plan' },
        quarter: '2026/27 Q3',
        start: '2026-10-01',
        end: '2026-12-31',
        asAt: '2026-12-04',
        boardDecisions: [],
        measures: [outside, within],
        actions: { total: 3, byStatus: {}, overdue: [], completedThisQuarter: [], verifiedThisQuarter: [], dueDateChanges: [] },
      },
    } as unknown as ReviewView;
    const work = scrutinyPaper(review, 'Demo Council').sections.find((s) => s.heading === 'Areas still needing work')!;
    expect(work.bullets).toEqual(['Looked after children: 152 in 2026/27 Q2']);
    expect(work.paragraphs).toEqual([]);
  });

  it('says plainly when no due date was changed, and counts them when some were', () => {
    const review = (dueDateChanges: unknown[]) =>
      ({
        signedAt: '2026-12-04T14:16:00.000Z',
        judgements: [],
        followUps: [],
        pack: {
          plan: { title: 'Safeguarding plan' },
          quarter: '2026/27 Q3',
          start: '2026-10-01',
          end: '2026-12-31',
          asAt: '2026-12-04',
          boardDecisions: [],
          measures: [],
          actions: { total: 3, byStatus: {}, overdue: [], completedThisQuarter: [], verifiedThisQuarter: [], dueDateChanges },
        },
      }) as unknown as ReviewView;
    const board = (r: ReviewView) => scrutinyPaper(r, 'Demo Council').sections.find((s) => s.heading === 'The board and where the plan stands')!.paragraphs[1];
    expect(board(review([]))).toContain('No due dates were changed.');
    expect(board(review([]))).not.toContain('0 due dates');
    expect(board(review([{}, {}]))).toContain('2 due dates were changed by the board, each with its reason.');
  });
});
