import { newCouncil, useMedium } from '@app/testing/medium';
import { DB_KINDS } from '@app/testing/test-database';
import { Clock } from '../clock';
import { MeasureValueRepositories } from './measure-value.repository';
import { MeasureValueService } from './measure-value.service';
import { MeasureService } from './measure.service';

describe.each(DB_KINDS)("a review's narrow reads of measure values (%s)", (kind) => {
  const medium = useMedium(kind);

  it('reads the current values of some quarters and the corrections since an instant, of its own council only', async () => {
    const [council, other] = [await newCouncil(medium.ds), await newCouncil(medium.ds)];
    const clock = medium.get(Clock);
    const enter = async (admin: typeof council.admin, name: string, at: string, rows: [string, number, string?][]) => {
      const measure = await medium.get(MeasureService).create(admin, { name, unit: 'count', polarity: 'higher', target: 5 });
      for (const [period, value, reason] of rows) {
        clock.set(at);
        await medium.get(MeasureValueService).enter(admin, measure.id, { period, value, reason });
      }
      return measure.id;
    };
    const rows: [string, number, string?][] = [
      ['2025/26 Q4', 1],
      ['2026-04', 2],
      ['2026-05', 3],
      ['2026/27 Q2', 4],
      ['2026/27 Q3', 5],
      ['2026-05', 6, 'Typo'],
    ];
    const ours = await enter(council.admin, 'Ours', '2026-08-01T09:00:00.000Z', rows);
    clock.set('2026-09-01T09:00:00.000Z');
    await medium.get(MeasureValueService).enter(council.admin, ours, { period: '2026-05', value: 7, reason: 'Typo again' });
    await medium.get(MeasureValueService).enter(council.admin, ours, { period: '2025/26 Q4', value: 8, reason: 'Late' });
    const theirs = await enter(other.admin, 'Theirs', '2026-09-01T09:00:00.000Z', rows);

    const values = medium.get(MeasureValueRepositories).for(council.authorityId);
    const shown = (await values.valuesInQuarters([ours, theirs], ['2026/27 Q1', '2026/27 Q3'])).map((v) => [v.period, v.value]);
    expect(shown).toEqual([
      ['2026-04', 2],
      ['2026-05', 7],
      ['2026/27 Q3', 5],
    ]);
    const corrections = await values.correctionsSince([ours, theirs], '2026-09-01T09:00:00.000Z');
    expect(corrections.map((v) => [v.period, v.supersededValue, v.value, v.reason])).toEqual([
      ['2025/26 Q4', 1, 8, 'Late'],
      ['2026-05', 6, 7, 'Typo again'],
    ]);
    const sinceAugust = await values.correctionsSince([ours], '2026-08-01T09:00:00.000Z');
    // The correction replaced since is listed too.
    expect(sinceAugust.map((v) => [v.period, v.supersededValue, v.value, v.enteredAt])).toEqual([
      ['2025/26 Q4', 1, 8, '2026-09-01T09:00:00.000Z'],
      ['2026-05', 3, 6, '2026-08-01T09:00:00.000Z'],
      ['2026-05', 6, 7, '2026-09-01T09:00:00.000Z'],
    ]);
    expect(await values.valuesInQuarters([], ['2026/27 Q1'])).toEqual([]);
    expect(await values.correctionsSince([], '2026-01-01T00:00:00.000Z')).toEqual([]);
  });
});
