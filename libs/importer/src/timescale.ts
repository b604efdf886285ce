import { Timescale } from '@app/domain/timescale';

export { TIMESCALES } from '@app/domain/timescale';
export type { Timescale };

const TIMESCALE_HEADINGS: Array<[RegExp, Timescale]> = [
  [/^(?:immediately|(?:for )?immediate action|(?:to be (?:taken|completed) )?immediately)$/, 'immediately'],
  [/^(?:within|over) (?:the next )?(?:three|3) months$|^for action (?:within|over) the next (?:three|3) months$/, 'three_months'],
  [/^(?:within|over) (?:the next )?(?:six|6) months$|^for action (?:within|over) the next (?:six|6) months$/, 'six_months'],
  [/^(?:for action )?in the (?:longer|medium) term$|^within (?:twelve|12) months$/, 'unspecified'],
];

/** The timescale a heading such as "Within three months:" sets, or null when it is not one. */
export function timescaleHeading(key: string): Timescale | null {
  for (const [pattern, timescale] of TIMESCALE_HEADINGS) if (pattern.test(key)) return timescale;
  return null;
}
