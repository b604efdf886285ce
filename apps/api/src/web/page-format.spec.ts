import { asSentence, formatDateTime, lineSpan } from './page-format';
import { spreadsheetText } from './spreadsheet-cell';

describe('spreadsheetText: OWASP formula injection', () => {
  it.each(['=1+1', '+44', '-1 day', '@SUM(A1)', '\tx', '\rx'])('prefixes %j', (text) => expect(spreadsheetText(text)).toBe(`'${text}`));
  it.each(['Plan', ' =not first', '', "'already"])('leaves %j', (text) => expect(spreadsheetText(text)).toBe(text));
});

describe('lineSpan', () => {
  it.each([
    [316, 316, 'line 316'],
    [316, null, 'line 316'],
    [316, 320, 'lines 316–320'],
    [null, null, ''],
  ])('%p to %p', (start, end, expected) => expect(lineSpan(start, end)).toBe(expected));
});

describe('formatDateTime', () => {
  // What Intl says, field by field: the rule the page follows.
  const intl = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    hourCycle: 'h12',
  });
  const expected = (at: number) => {
    const part = Object.fromEntries(intl.formatToParts(at).map((p) => [p.type, p.value]));
    return `${part.day} ${part.month} ${part.year} at ${part.hour}:${part.minute}${part.dayPeriod.toLowerCase()}`;
  };

  it('gives London time as Intl does, across the clock changes, midnight and noon', () => {
    const instants: number[] = [];
    // Every 7 minutes through the spring and autumn changes of 2026 and 2027, and a day around each.
    for (const change of ['2026-03-29T01:00:00Z', '2026-10-25T01:00:00Z', '2027-03-28T01:00:00Z', '2027-10-31T01:00:00Z'])
      for (let m = -24 * 60; m <= 24 * 60; m += 7) instants.push(Date.parse(change) + m * 60_000);
    // And a spread of instants from 1990 to 2060, seconds included.
    for (let i = 0, at = Date.parse('1990-01-01T00:00:00Z'); i < 5000; i++, at += 442_171_331) instants.push(at);
    for (const at of instants) expect(formatDateTime(new Date(at).toISOString())).toBe(expected(at));
    expect(formatDateTime('2026-11-23T09:05:00Z')).toBe('23 November 2026 at 9:05am');
    expect(formatDateTime('2026-06-30T23:30:00Z')).toBe('1 July 2026 at 12:30am');
    expect(formatDateTime('2026-12-01T12:00:00Z')).toBe('1 December 2026 at 12:00pm');
  });

  it('leaves what is not an instant as it is', () => {
    expect(formatDateTime('')).toBe('');
    expect(formatDateTime(null)).toBe('');
    expect(formatDateTime('not a date')).toBe('not a date');
  });
});

describe('asSentence', () => {
  it('capitalises the first letter only, keeping the case of the rest', () => {
    expect(asSentence('"last year" is not a period: write a quarter such as 2026/27 Q3')).toBe(
      '"last year" is not a period: write a quarter such as 2026/27 Q3.',
    );
    expect(asSentence('the measure "Looked after children in BaNES" is in days')).toBe('The measure "Looked after children in BaNES" is in days.');
  });

  it('ends with one full stop whether or not the text had one', () => {
    expect(asSentence('The chair is unwell.')).toBe('The chair is unwell.');
    expect(asSentence('The chair is unwell..')).toBe('The chair is unwell.');
    expect(asSentence('Is it quorate?')).toBe('Is it quorate?');
    expect(asSentence('  ')).toBe('');
  });
});
