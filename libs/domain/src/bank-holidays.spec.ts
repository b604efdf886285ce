import { bankHolidays, easterSunday, isBankHoliday, isWorkingDay, nextWorkingDay, previousWorkingDay } from './bank-holidays';
import { addDays, isoWeekday } from './calendar-date';

describe('bank holidays in England and Wales', () => {
  describe('Easter Sunday', () => {
    it.each([
      [2024, '2024-03-31'],
      [2025, '2025-04-20'],
      [2026, '2026-04-05'],
      [2027, '2027-03-28'],
      [2028, '2028-04-16'],
      [2019, '2019-04-21'],
      [2011, '2011-04-24'],
      [2008, '2008-03-23'],
      [2000, '2000-04-23'],
      [1999, '1999-04-04'],
      [1943, '1943-04-25'],
      [2038, '2038-04-25'],
      [1818, '1818-03-22'],
      [2285, '2285-03-22'],
    ])('%i: %s', (year, expected) => {
      expect(easterSunday(year)).toBe(expected);
    });

    it('is always a Sunday between 22 March and 25 April', () => {
      for (let year = 1900; year <= 2200; year++) {
        const easter = easterSunday(year);
        expect(isoWeekday(easter)).toBe(7);
        expect(easter >= `${year}-03-22` && easter <= `${year}-04-25`).toBe(true);
      }
    });
  });

  // Regular years and one-off changes as published on GOV.UK.
  it.each<[number, string[]]>([
    [1995, ['01-02', '04-14', '04-17', '05-08', '05-29', '08-28', '12-25', '12-26']],
    [1999, ['01-01', '04-02', '04-05', '05-03', '05-31', '08-30', '12-27', '12-28', '12-31']],
    [2000, ['01-03', '04-21', '04-24', '05-01', '05-29', '08-28', '12-25', '12-26']],
    [2002, ['01-01', '03-29', '04-01', '05-06', '06-03', '06-04', '08-26', '12-25', '12-26']],
    [2011, ['01-03', '04-22', '04-25', '04-29', '05-02', '05-30', '08-29', '12-26', '12-27']],
    [2012, ['01-02', '04-06', '04-09', '05-07', '06-04', '06-05', '08-27', '12-25', '12-26']],
    [2020, ['01-01', '04-10', '04-13', '05-08', '05-25', '08-31', '12-25', '12-28']],
    [2021, ['01-01', '04-02', '04-05', '05-03', '05-31', '08-30', '12-27', '12-28']],
    [2022, ['01-03', '04-15', '04-18', '05-02', '06-02', '06-03', '08-29', '09-19', '12-26', '12-27']],
    [2023, ['01-02', '04-07', '04-10', '05-01', '05-08', '05-29', '08-28', '12-25', '12-26']],
    [2024, ['01-01', '03-29', '04-01', '05-06', '05-27', '08-26', '12-25', '12-26']],
    [2025, ['01-01', '04-18', '04-21', '05-05', '05-26', '08-25', '12-25', '12-26']],
    [2026, ['01-01', '04-03', '04-06', '05-04', '05-25', '08-31', '12-25', '12-28']],
    [2027, ['01-01', '03-26', '03-29', '05-03', '05-31', '08-30', '12-27', '12-28']],
  ])('%i', (year, days) => {
    expect(bankHolidays(year)).toEqual(days.map((day) => `${year}-${day}`));
  });

  describe('substitute days', () => {
    it.each([
      ['2021-12-27', 'Christmas on a Saturday: Monday'],
      ['2021-12-28', 'Boxing Day on a Sunday: Tuesday'],
      ['2022-12-26', 'Boxing Day on the Monday after a Sunday Christmas'],
      ['2022-12-27', 'Christmas on a Sunday: Tuesday'],
      ['2026-12-28', 'Boxing Day on a Saturday: Monday'],
      ['2022-01-03', 'New Year on a Saturday: Monday 3rd'],
      ['2023-01-02', 'New Year on a Sunday: Monday 2nd'],
    ])('%s is a bank holiday (%s)', (date) => {
      expect(isBankHoliday(date)).toBe(true);
    });

    it.each(['2021-12-25', '2021-12-26', '2022-12-25', '2022-01-01', '2023-01-01', '2026-12-26', '2026-12-24', '2026-12-31'])('%s is not', (date) =>
      expect(isBankHoliday(date)).toBe(false),
    );
  });

  describe('one-off changes', () => {
    it.each([
      '1981-07-29',
      '1995-05-08',
      '1999-12-31',
      '2002-06-03',
      '2002-06-04',
      '2011-04-29',
      '2012-06-04',
      '2012-06-05',
      '2020-05-08',
      '2022-06-02',
      '2022-06-03',
      '2022-09-19',
      '2023-05-08',
    ])('%s is a bank holiday', (date) => expect(isBankHoliday(date)).toBe(true));

    it.each(['1995-05-01', '2002-05-27', '2012-05-28', '2020-05-04', '2022-05-30'])('the regular holiday %s, moved that year, is not', (date) =>
      expect(isBankHoliday(date)).toBe(false),
    );

    it('leaves the same holidays in other years', () => {
      expect(isBankHoliday('2019-05-27')).toBe(true);
      expect(isBankHoliday('2021-05-03')).toBe(true);
      expect(isBankHoliday('2013-06-04')).toBe(false);
    });
  });

  it('gives eight weekday holidays, sorted and distinct, in a year with no one-off change', () => {
    const oneOffYears = [1981, 1995, 1999, 2002, 2011, 2012, 2020, 2022, 2023];
    for (let year = 1978; year <= 2150; year++) {
      const days = bankHolidays(year);
      if (!oneOffYears.includes(year)) expect(days).toHaveLength(8);
      expect([...days].sort()).toEqual(days);
      expect(new Set(days).size).toBe(days.length);
      for (const day of days) {
        expect(day.startsWith(`${year}-`)).toBe(true);
        expect(isoWeekday(day)).toBeLessThanOrEqual(5);
      }
    }
  });

  it('returns a copy that callers cannot use to change the rules', () => {
    bankHolidays(2026).push('2026-07-01');
    expect(bankHolidays(2026)).not.toContain('2026-07-01');
  });

  it('rejects an impossible year or date', () => {
    expect(() => bankHolidays(2026.5)).toThrow(expect.objectContaining({ code: 'invalid_date' }));
    expect(() => bankHolidays(0)).toThrow(expect.objectContaining({ code: 'invalid_date' }));
    expect(() => isBankHoliday('2026-02-30')).toThrow(expect.objectContaining({ code: 'invalid_date' }));
  });

  describe('working days', () => {
    it.each([
      ['2026-04-07', true],
      ['2026-04-06', false],
      ['2026-04-03', false],
      ['2026-04-04', false],
      ['2026-04-05', false],
      ['2026-12-24', true],
    ])('%s working: %p', (date, working) => expect(isWorkingDay(date)).toBe(working));

    it.each([
      ['2026-04-07', '2026-04-07', 'a working day stays'],
      ['2026-04-06', '2026-04-02', 'Easter Monday, over the weekend and Good Friday'],
      ['2026-04-05', '2026-04-02', 'Easter Sunday'],
      ['2026-04-03', '2026-04-02', 'Good Friday'],
      ['2026-03-29', '2026-03-27', 'a Sunday when the clocks change'],
      ['2026-12-28', '2026-12-24', 'Boxing Day substitute, over the weekend and Christmas'],
      ['2021-12-28', '2021-12-24', 'two substitute days'],
      ['2022-06-05', '2022-06-01', 'the Platinum Jubilee weekend'],
      ['2023-05-08', '2023-05-05', 'the coronation'],
      ['2027-01-01', '2026-12-31', 'into the previous year'],
      ['2026-05-25', '2026-05-22', 'spring bank holiday'],
    ])('previousWorkingDay(%s) = %s (%s)', (date, expected) => {
      expect(previousWorkingDay(date)).toBe(expected);
    });

    it.each([
      ['2026-04-03', '2026-04-07'],
      ['2026-12-25', '2026-12-29'],
      ['2026-04-07', '2026-04-07'],
    ])('nextWorkingDay(%s) = %s', (date, expected) => {
      expect(nextWorkingDay(date)).toBe(expected);
    });

    it('previousWorkingDay never returns a later date or a non-working day', () => {
      for (let day = '2026-01-01'; day <= '2026-12-31'; day = addDays(day, 1)) {
        const previous = previousWorkingDay(day);
        expect(previous <= day).toBe(true);
        expect(isWorkingDay(previous)).toBe(true);
      }
    });
  });
});
