import type { PaperMeasure } from '@app/importer';
import { DB_KINDS } from '@app/testing/test-database';
import { newCouncil, useMedium } from '@app/testing/medium';
import { MeasureImportService } from './measure-import.service';
import { MeasureValueService } from './measure-value.service';
import { MeasureService } from './measure.service';

const figure = (name: string, period: string, value: number): PaperMeasure => ({
  name,
  unit: '%',
  value,
  period,
  target: null,
  polarity: 'lower',
  band: null,
  national: null,
  line: 1,
});

describe.each(DB_KINDS)("planning a paper's figures against the measures (%s)", (kind) => {
  const medium = useMedium(kind);

  it("judges every figure against the measures' stored values in the same statements, however many figures there are", async () => {
    const council = await newCouncil(medium.ds);
    const names = ['Re-referrals', 'Repeat plans', 'Assessments in time', 'Visits in time'];
    for (const name of names) {
      const measure = await medium.get(MeasureService).create(council.admin, { name, unit: 'percent', polarity: 'lower', target: 20 });
      await medium.get(MeasureValueService).enter(council.admin, measure.id, { period: '2014/15 Q1', value: 23 });
    }
    const plan = async (figures: PaperMeasure[]) => {
      // Every statement either database sends passes through the logger (test/support/statement-log.ts).
      const logged = jest.spyOn(medium.ds.logger, 'logQuery');
      try {
        const { figures: outcomes } = await medium.get(MeasureImportService).import(council.admin, figures, { dryRun: true });
        return { statements: logged.mock.calls.length, outcomes };
      } finally {
        logged.mockRestore();
      }
    };
    const one = await plan([figure('Re-referrals', '2014/15 Q1', 23)]);
    const many = await plan(
      names.flatMap((name) => [figure(name, '2014/15 Q1', name === 'Visits in time' ? 25 : 23), figure(` ${name.toUpperCase()}`, '2014/15 Q2', 21)]),
    );
    expect(one.outcomes.map((o) => o.valueStatus)).toEqual(['unchanged']);
    expect(many.outcomes.map((o) => [o.period, o.valueStatus, o.problem && o.problem.replace(/,.*/, '')])).toEqual([
      ['2014/15 Q1', 'unchanged', null],
      ['2014/15 Q2', 'new', null],
      ['2014/15 Q1', 'unchanged', null],
      ['2014/15 Q2', 'new', null],
      ['2014/15 Q1', 'unchanged', null],
      ['2014/15 Q2', 'new', null],
      ['2014/15 Q1', null, 'Visits in time already has 23 for 2014/15 Q1'],
      ['2014/15 Q2', 'new', null],
    ]);
    // BEGIN, the council's measures, their stored values, COMMIT.
    expect(many.statements).toBe(one.statements);
    expect(one.statements).toBe(4);
  });
});
