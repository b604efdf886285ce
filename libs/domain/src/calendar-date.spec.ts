import { DateTime } from 'luxon';
import { addCalendarMonths, addDays, dayNumber, daysBetween, isCalendarDate, isoWeekday, isWeekend, toDateTime } from './calendar-date';
import { DomainError } from './domain-error';

describe('calendar dates', () => {
  describe('parsing', () => {
    it.each(['2024-02-29', '2028-02-29', '2026-12-31', '0001-01-01', '9999-12-31'])('accepts %s', (date) => {
      expect(toDateTime(date).toISODate()).toBe(date);
    });

    it.each([
      '2026-02-29',
      '2100-02-29',
      '2026-04-31',
      '2026-13-01',
      '2026-00-10',
      '2026-01-00',
      '2026-1-05',
      '20260105',
      '2026-W05-1',
      '2026-01-05T00:00',
      ' 2026-01-05',
      '0000-01-01',
      '',
    ])('rejects %j with a message saying how to write a date', (date) => {
      expect(() => toDateTime(date)).toThrow(DomainError);
      expect(() => toDateTime(date)).toThrow(/YYYY-MM-DD/);
    });

    it('answers isCalendarDate by the same rule, without throwing', () => {
      for (const good of ['2024-02-29', '0001-01-01', '9999-12-31']) expect(isCalendarDate(good)).toBe(true);
      for (const bad of ['2026-02-29', '2026-13-01', '2026-1-05', '0000-01-01', '2026-01-05T00:00', '', null, undefined, 20260105]) {
        expect(isCalendarDate(bad)).toBe(false);
      }
    });

    it('answers the same for a date read again, after more dates than it remembers, and refuses a long string', () => {
      const first = ['2026-02-28', '2026-02-29', '2026-03-01'].map((d) => (isCalendarDate(d) ? dayNumber(d) : null));
      for (let days = 0; days < 5000; days++) isCalendarDate(addDays('2000-01-01', days));
      expect(['2026-02-28', '2026-02-29', '2026-03-01'].map((d) => (isCalendarDate(d) ? dayNumber(d) : null))).toEqual(first);
      expect(first).toEqual([dayNumber('2026-03-01') - 1, null, dayNumber('2026-02-28') + 1]);
      expect(isCalendarDate('2026-01-05'.padEnd(100_000, ' '))).toBe(false);
    });

    it('rejects a value that is not a string', () => {
      expect(() => toDateTime(20260105 as unknown as string)).toThrow(expect.objectContaining({ code: 'invalid_date' }));
    });

    it('names the field in the message', () => {
      expect(() => toDateTime('nope', 'start date')).toThrow('The start date "nope"');
    });
  });

  describe('addDays', () => {
    it.each([
      ['2026-01-31', 1, '2026-02-01'],
      ['2026-12-31', 1, '2027-01-01'],
      ['2028-02-28', 1, '2028-02-29'],
      ['2100-02-28', 1, '2100-03-01'],
      ['2026-03-28', 1, '2026-03-29'],
      ['2026-03-28', 2, '2026-03-30'],
      ['2026-10-24', 1, '2026-10-25'],
      ['2026-10-24', 2, '2026-10-26'],
      ['2026-03-01', 28, '2026-03-29'],
      ['2026-03-30', -2, '2026-03-28'],
      ['2026-05-10', 0, '2026-05-10'],
      ['2026-01-01', 365, '2027-01-01'],
      ['2028-01-01', 365, '2028-12-31'],
    ])('%s + %i days = %s', (date, days, expected) => {
      expect(addDays(date, days)).toBe(expected);
    });

    it.each([1.5, NaN, Infinity])('rejects %p days', (days) => {
      expect(() => addDays('2026-01-01', days)).toThrow(expect.objectContaining({ code: 'invalid_number' }));
    });

    it('rejects a result past 9999', () => {
      expect(() => addDays('9999-12-31', 1)).toThrow(expect.objectContaining({ code: 'invalid_date' }));
    });
  });

  describe('addCalendarMonths', () => {
    it.each([
      ['2026-11-30', 3, '2027-02-28'],
      ['2027-11-30', 3, '2028-02-29'],
      ['2099-11-30', 3, '2100-02-28'],
      ['2025-08-31', 6, '2026-02-28'],
      ['2027-08-31', 6, '2028-02-29'],
      ['2026-01-31', 1, '2026-02-28'],
      ['2026-03-31', 1, '2026-04-30'],
      ['2026-05-31', 3, '2026-08-31'],
      ['2026-05-31', 4, '2026-09-30'],
      ['2026-12-15', 3, '2027-03-15'],
      ['2024-02-29', 12, '2025-02-28'],
      ['2028-02-29', 48, '2032-02-29'],
      ['2026-03-31', -1, '2026-02-28'],
      ['2026-01-15', 0, '2026-01-15'],
      ['2026-03-28', 1, '2026-04-28'],
      ['2026-10-24', 1, '2026-11-24'],
    ])('%s + %i months = %s', (date, months, expected) => {
      expect(addCalendarMonths(date, months)).toBe(expected);
    });

    it('rejects a fraction of a month', () => {
      expect(() => addCalendarMonths('2026-01-01', 0.5)).toThrow(expect.objectContaining({ code: 'invalid_number' }));
    });
  });

  describe('daysBetween', () => {
    it.each([
      ['2026-03-28', '2026-03-30', 2],
      ['2026-10-24', '2026-10-26', 2],
      ['2028-02-28', '2028-03-01', 2],
      ['2100-02-28', '2100-03-01', 1],
      ['2026-05-02', '2026-05-01', -1],
      ['2026-05-01', '2026-05-01', 0],
      ['2026-01-01', '2027-01-01', 365],
      ['2028-01-01', '2029-01-01', 366],
    ])('from %s to %s is %i days', (from, to, days) => {
      expect(daysBetween(from, to)).toBe(days);
    });
  });

  describe('weekdays', () => {
    it.each([
      ['2026-03-29', 7, true],
      ['2026-03-28', 6, true],
      ['2026-04-06', 1, false],
      ['2026-04-03', 5, false],
    ])('%s is ISO weekday %i', (date, weekday, weekend) => {
      expect(isoWeekday(date)).toBe(weekday);
      expect(isWeekend(date)).toBe(weekend);
    });
  });

  it('gives the same results whatever the host time zone', () => {
    const original = process.env.TZ;
    const run = () => [
      addDays('2026-03-28', 1),
      addDays('2026-10-24', 2),
      addCalendarMonths('2026-03-29', 1),
      daysBetween('2026-03-28', '2026-03-30'),
      isoWeekday('2026-03-29'),
    ];
    try {
      const results = ['UTC', 'Europe/London', 'America/Los_Angeles', 'Pacific/Kiritimati'].map((zone) => {
        process.env.TZ = zone;
        return run();
      });
      for (const result of results) expect(result).toEqual(['2026-03-29', '2026-10-26', '2026-04-29', 2, 7]);
    } finally {
      process.env.TZ = original;
    }
  });

  describe('day arithmetic without a time-zone library', () => {
    it('agrees with luxon on 5,000 dates spread over years 1 to 9999', () => {
      let seed = 7;
      const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
      for (let i = 0; i < 5000; i++) {
        const day = DateTime.utc(1, 1, 1).plus({ days: Math.floor(next() * 3_650_000) });
        const date = day.toISODate()!;
        const shift = Math.floor(next() * 2000) - 1000;
        const shifted = day.plus({ days: shift });
        expect(isoWeekday(date)).toBe(day.weekday);
        if (shifted.year >= 1 && shifted.year <= 9999) {
          expect(addDays(date, shift)).toBe(shifted.toISODate());
          expect(daysBetween(date, shifted.toISODate()!)).toBe(shift);
        }
      }
    });

    it.each(['2026-02-29', '2026-04-31', '0000-01-01', '2026-1-05', ''])('rejects %j as toDateTime does', (date) => {
      expect(() => dayNumber(date)).toThrow(/YYYY-MM-DD/);
      expect(() => addDays(date, 1)).toThrow(DomainError);
    });

    it('refuses a result outside the years 0001 to 9999', () => {
      expect(() => addDays('9999-12-31', 1)).toThrow(/0001 to 9999/);
      expect(() => addDays('0001-01-01', -1)).toThrow(/0001 to 9999/);
    });
  });
});
