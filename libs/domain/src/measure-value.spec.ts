import { DomainError } from './domain-error';
import {
  assertQuarterBegun,
  quarterInstants,
  checkMeasureValue,
  directionOfTravel,
  MeasureRule,
  measureRag,
  parsePeriod,
  rollUp,
  valuesDueDate,
} from './measure-value';
import { parseQuarter } from './quarter';

const higher: MeasureRule = { polarity: 'higher', target: 90, bandLow: null, bandHigh: null, tolerance: 2 };
const lower: MeasureRule = { polarity: 'lower', target: 22, bandLow: null, bandHigh: null, tolerance: 1 };
const band: MeasureRule = { polarity: 'band', target: null, bandLow: 120, bandHigh: 130, tolerance: 5 };

describe('a measure value RAG', () => {
  it.each<[MeasureRule, number, string]>([
    [higher, 95, 'green'],
    [higher, 90, 'green'],
    [higher, 89.9, 'amber'],
    [higher, 88, 'amber'],
    [higher, 87.9, 'red'],
    [lower, 10, 'green'],
    [lower, 22, 'green'],
    [lower, 22.1, 'amber'],
    [lower, 23, 'amber'],
    [lower, 23.1, 'red'],
    [band, 125, 'green'],
    [band, 120, 'green'],
    [band, 130, 'green'],
    [band, 119, 'amber'],
    [band, 115, 'amber'],
    [band, 114, 'red'],
    [band, 131, 'amber'],
    [band, 135, 'amber'],
    [band, 136, 'red'],
  ])('%j with %d is %s', (rule, value, rag) => {
    expect(measureRag(rule, value)).toBe(rag);
  });

  it('has no tolerance unless given one: a miss is red', () => {
    expect(measureRag({ ...lower, tolerance: null }, 22.01)).toBe('red');
    expect(measureRag({ ...band, tolerance: 0 }, 119.5)).toBe('red');
  });

  it('keeps the amber edge exact despite floating point', () => {
    expect(measureRag({ ...lower, target: 0.3, tolerance: 0.1 }, 0.4)).toBe('amber');
    expect(measureRag({ ...higher, target: 0.3, tolerance: 0.1 }, 0.2)).toBe('amber');
  });

  it('has no RAG without a target, a band or a value', () => {
    expect(measureRag({ ...higher, target: null }, 50)).toBeNull();
    expect(measureRag({ ...band, bandHigh: null }, 125)).toBeNull();
    expect(measureRag(higher, null)).toBeNull();
  });
});

describe('direction of travel', () => {
  it.each<[MeasureRule, number, number, string]>([
    [higher, 91, 88, 'improving'],
    [higher, 88, 91, 'worsening'],
    [lower, 20, 24, 'improving'],
    [lower, 24, 20, 'worsening'],
    [lower, 21, 21, 'unchanged'],
    [band, 125, 140, 'improving'],
    [band, 140, 131, 'worsening'],
    [band, 110, 118, 'worsening'],
    [band, 122, 128, 'unchanged'],
  ])('%j: %d after %d is %s', (rule, value, previous, direction) => {
    expect(directionOfTravel(rule, value, previous)).toBe(direction);
  });

  it('has none without a previous value', () => {
    expect(directionOfTravel(higher, 90, null)).toBeNull();
  });
});

describe('unit limits', () => {
  it.each<['percent' | 'count' | 'days', number]>([
    ['percent', 0],
    ['percent', 100],
    ['percent', 91.7],
    ['count', 0],
    ['count', 128],
    ['days', 12.5],
  ])('a %s of %d is allowed', (unit, value) => {
    expect(() => checkMeasureValue(unit, value)).not.toThrow();
  });

  it('lets an average of counts be fractional, never negative', () => {
    expect(() => checkMeasureValue('count', 126.5, true)).not.toThrow();
    expect(() => checkMeasureValue('count', -1, true)).toThrow(/cannot be negative/);
    expect(() => checkMeasureValue('percent', 101, true)).toThrow(/between 0 and 100/);
  });

  it.each<['percent' | 'count' | 'days', number, RegExp]>([
    ['percent', 140, /between 0 and 100, not 140/],
    ['percent', -1, /cannot be negative/],
    ['count', -3, /A count cannot be negative/],
    ['count', 2.5, /whole number/],
    ['days', -0.5, /cannot be negative/],
    ['days', Number.NaN, /must be a number/],
  ])('a %s of %d is refused', (unit, value, message) => {
    expect(() => checkMeasureValue(unit, value)).toThrow(DomainError);
    expect(() => checkMeasureValue(unit, value)).toThrow(message);
  });
});

describe('periods and roll-up', () => {
  it('reads quarters and months, a month into its financial-year quarter', () => {
    expect(parsePeriod('2026/27 Q3')).toMatchObject({ kind: 'quarter', label: '2026/27 Q3' });
    expect(parsePeriod('2027-03').quarter.label).toBe('2026/27 Q4');
    expect(parsePeriod('2027-04').quarter.label).toBe('2027/28 Q1');
    expect(parsePeriod('2026-12').quarter.label).toBe('2026/27 Q3');
  });

  it.each(['2026/27 Q5', '2026/28 Q1', '2026-13', '2026-1', 'Q3', ''])('refuses %j, with an example', (label) => {
    expect(() => parsePeriod(label)).toThrow(/2026\/27 Q3/);
  });

  const months = [
    { period: '2026-11', value: 12 },
    { period: '2026-10', value: 10 },
    { period: '2026-12', value: 11 },
  ];

  it.each<['last' | 'sum' | 'average', number]>([
    ['last', 11],
    ['sum', 33],
    ['average', 11],
  ])('rolls months up by %s', (rule, expected) => {
    expect(rollUp(rule, months)).toBe(expected);
  });

  it('averages to two places, prefers a quarterly value, and has none without values', () => {
    expect(
      rollUp('average', [
        { period: '2026-10', value: 1 },
        { period: '2026-11', value: 2 },
        { period: '2026-12', value: 2 },
      ]),
    ).toBe(1.67);
    expect(rollUp('sum', [...months, { period: '2026/27 Q3', value: 30 }])).toBe(30);
    expect(rollUp('last', [])).toBeNull();
  });
});

describe('quarter deadlines', () => {
  it('gives ten working days after the quarter ends, skipping weekends and bank holidays', () => {
    // 2026/27 Q3 ends Thursday 31 December 2026; 1 January is a bank holiday.
    expect(valuesDueDate(parseQuarter('2026/27 Q3'))).toBe('2027-01-15');
    // 2025/26 Q4 ends Tuesday 31 March 2026; Good Friday 3 April and Easter Monday 6 April 2026.
    expect(valuesDueDate(parseQuarter('2025/26 Q4'))).toBe('2026-04-16');
  });

  it('refuses a review of a quarter that has not begun', () => {
    expect(() => assertQuarterBegun(parseQuarter('2027/28 Q1'), '2027-03-31')).toThrow(/has not begun/);
    expect(() => assertQuarterBegun(parseQuarter('2027/28 Q1'), '2027-04-01')).not.toThrow();
  });
});

describe('quarter instants in the UK time zone', () => {
  it('starts Q1 and Q3 at midnight British Summer Time and Q4 at midnight GMT, across the year end', () => {
    expect(quarterInstants(parseQuarter('2026/27 Q1'))).toEqual({ from: '2026-03-31T23:00:00.000Z', to: '2026-06-30T23:00:00.000Z' });
    expect(quarterInstants(parseQuarter('2026/27 Q3'))).toEqual({ from: '2026-09-30T23:00:00.000Z', to: '2027-01-01T00:00:00.000Z' });
    expect(quarterInstants(parseQuarter('2026/27 Q4'))).toEqual({ from: '2027-01-01T00:00:00.000Z', to: '2027-03-31T23:00:00.000Z' });
  });
});
