import { DateTime } from 'luxon';
import { addDays } from './calendar-date';
import { DomainError } from './domain-error';
import { parseQuarter, previousQuarter, Quarter, quarterOf } from './quarter';

describe('financial-year quarters', () => {
  it.each<[string, string, string, string]>([
    ['2014-04-01', '2014/15 Q1', '2014-04-01', '2014-06-30'],
    ['2014-06-30', '2014/15 Q1', '2014-04-01', '2014-06-30'],
    ['2014-07-01', '2014/15 Q2', '2014-07-01', '2014-09-30'],
    ['2014-09-30', '2014/15 Q2', '2014-07-01', '2014-09-30'],
    ['2014-10-01', '2014/15 Q3', '2014-10-01', '2014-12-31'],
    ['2014-12-31', '2014/15 Q3', '2014-10-01', '2014-12-31'],
    ['2015-01-01', '2014/15 Q4', '2015-01-01', '2015-03-31'],
    ['2015-02-10', '2014/15 Q4', '2015-01-01', '2015-03-31'],
    ['2015-03-31', '2014/15 Q4', '2015-01-01', '2015-03-31'],
    ['2015-04-01', '2015/16 Q1', '2015-04-01', '2015-06-30'],
    ['1999-04-01', '1999/00 Q1', '1999-04-01', '1999-06-30'],
    ['2000-02-29', '1999/00 Q4', '2000-01-01', '2000-03-31'],
    ['2009-12-31', '2009/10 Q3', '2009-10-01', '2009-12-31'],
    ['2026-03-29', '2025/26 Q4', '2026-01-01', '2026-03-31'],
    ['2026-10-25', '2026/27 Q3', '2026-10-01', '2026-12-31'],
  ])('%s is in %s (%s to %s)', (date, label, start, end) => {
    expect(quarterOf(date)).toMatchObject({ label, start, end });
  });

  it('gives the financial year by its starting calendar year', () => {
    expect(quarterOf('2015-02-10')).toEqual({ year: 2014, q: 4, label: '2014/15 Q4', start: '2015-01-01', end: '2015-03-31' });
    expect(quarterOf('2014-11-05')).toMatchObject({ year: 2014, q: 3 });
  });

  it('covers every day exactly once, quarter after quarter', () => {
    let current = quarterOf('2013-04-01');
    for (let day = '2013-04-01'; day <= '2017-03-31'; day = addDays(day, 1)) {
      const quarter = quarterOf(day);
      expect(day >= quarter.start && day <= quarter.end).toBe(true);
      if (quarter.label !== current.label) {
        expect(quarter.start).toBe(addDays(current.end, 1));
        expect(previousQuarter(quarter)).toEqual(current);
        current = quarter;
      }
    }
  });

  it('gives the same days as calendar arithmetic in every year, leap years and the first and last years included', () => {
    for (const year of [1, 2, 99, 100, 399, 400, 1899, 1900, 1999, 2000, 2023, 2024, 2099, 2100, 9997, 9998]) {
      for (const q of [1, 2, 3, 4] as const) {
        const start = DateTime.utc(year, 4, 1).plus({ months: 3 * (q - 1) });
        const quarter = previousQuarter(q === 4 ? { year: year + 1, q: 1 } : { year, q: (q + 1) as 2 | 3 | 4 });
        expect(quarter).toEqual({
          year,
          q,
          label: `${String(year).padStart(4, '0')}/${String((year + 1) % 100).padStart(2, '0')} Q${q}`,
          start: start.toISODate(),
          end: start.plus({ months: 3, days: -1 }).toISODate(),
        });
        expect(quarterOf(quarter.start)).toEqual(quarter);
        expect(quarterOf(quarter.end)).toEqual(quarter);
      }
    }
  });

  it('rejects an invalid date', () => {
    for (const date of ['2015-02-30', '2015-13-01', '2015-2-3', '20150203', '2015-02-03T00:00:00Z']) {
      expect(() => quarterOf(date)).toThrow(expect.objectContaining({ code: 'invalid_date' }));
    }
  });

  describe('parseQuarter', () => {
    it.each(['2014/15 Q3', '1999/00 Q1', '2025/26 Q4', '2099/00 Q2'])('reads %s back', (label) => {
      expect(parseQuarter(label).label).toBe(label);
    });

    it('gives the dates', () => {
      expect(parseQuarter('2014/15 Q3')).toEqual({ year: 2014, q: 3, label: '2014/15 Q3', start: '2014-10-01', end: '2014-12-31' });
      expect(parseQuarter('2014/15 Q4')).toMatchObject({ start: '2015-01-01', end: '2015-03-31' });
    });

    it.each(['2014/15 q3', ' 2014/15 Q3 ', '2014/15Q3', '2014/15  Q3'])('tolerates %j', (label) => {
      expect(parseQuarter(label).label).toBe('2014/15 Q3');
    });

    it.each(['2014/16 Q3', '2014-15 Q3', '2014/15 Q5', '2014/15 Q0', '2014/15', 'Q3 2014/15', '14/15 Q3', ''])(
      'rejects %j with an example of the format',
      (label) => {
        expect(() => parseQuarter(label)).toThrow(DomainError);
        expect(() => parseQuarter(label)).toThrow(/2014\/15 Q3/);
      },
    );
  });

  it('rejects a financial year that would run past 9999', () => {
    expect(() => parseQuarter('9999/00 Q1')).toThrow(expect.objectContaining({ code: 'invalid_quarter' }));
  });

  describe('previousQuarter', () => {
    it.each([
      ['2014/15 Q1', '2013/14 Q4'],
      ['2014/15 Q2', '2014/15 Q1'],
      ['2014/15 Q3', '2014/15 Q2'],
      ['2014/15 Q4', '2014/15 Q3'],
      ['2000/01 Q1', '1999/00 Q4'],
    ])('before %s is %s', (label, expected) => {
      expect(previousQuarter(parseQuarter(label)).label).toBe(expected);
    });

    it('rejects a quarter number out of range', () => {
      expect(() => previousQuarter({ year: 2014, q: 7 } as unknown as Quarter)).toThrow(expect.objectContaining({ code: 'invalid_quarter' }));
    });
  });
});
