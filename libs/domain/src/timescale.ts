export const TIMESCALES = ['immediately', 'three_months', 'six_months', 'unspecified'] as const;
export type Timescale = (typeof TIMESCALES)[number];

export function isTimescale(value: unknown): value is Timescale {
  return (TIMESCALES as readonly unknown[]).includes(value);
}
