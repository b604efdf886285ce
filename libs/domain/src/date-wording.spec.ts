import { dayMonthYear, longDate } from './date-wording';

describe('dates in words', () => {
  it('writes a calendar date the GOV.UK way, with its weekday when asked', () => {
    expect(dayMonthYear('2026-03-31')).toBe('31 March 2026');
    expect(dayMonthYear('2026-12-08')).toBe('8 December 2026');
    expect(longDate('2026-12-08')).toBe('Tuesday 8 December 2026');
    expect(longDate('2027-02-28')).toBe('Sunday 28 February 2027');
  });

  it("reads an instant's date as written, with no time zone", () => {
    expect(dayMonthYear('2027-01-05T10:00:00Z')).toBe('5 January 2027');
    expect(dayMonthYear('2026-06-30T23:30:00Z')).toBe('30 June 2026');
  });

  it('leaves what is not a date as it is, and nothing as nothing', () => {
    expect(dayMonthYear('2026-02-30')).toBe('2026-02-30');
    expect(longDate('to be agreed')).toBe('to be agreed');
    expect(dayMonthYear(null)).toBe('');
    expect(dayMonthYear(undefined)).toBe('');
  });

  it('names the weekday of every day of 2027 and of 2028, a leap year, as the calendar does', () => {
    const weekday = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
    for (let at = Date.UTC(2027, 0, 1); at < Date.UTC(2029, 0, 1); at += 86_400_000) {
      const date = new Date(at).toISOString().slice(0, 10);
      expect(longDate(date)).toBe(weekday.format(at).replace(',', ''));
    }
  });
});
