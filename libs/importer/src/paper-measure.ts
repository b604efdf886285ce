export type FigurePolarity = 'higher' | 'lower' | 'band';

/** A performance figure a council paper reports, as a measure with one value. */
export interface PaperMeasure {
  name: string;
  /** "%", "per 10,000" (or per 1,000, per 100,000), "count", "days", or "number" when the paper does not say. */
  unit: string;
  /** Null when the paper gives only a band or a target ("remained between 120-130"). */
  value: number | null;
  /** A financial-year quarter ("2014/15 Q4") where a date or month is given, else as written ("2013/14", "last year"). */
  period: string | null;
  target: number | null;
  polarity: FigurePolarity | null;
  band: { low: number; high: number } | null;
  /** The national average the paper compares it with, when it gives one. */
  national: number | null;
  /** 1-based line the figure is on. */
  line: number;
}

/** A measure of this name on this line, nothing known of it yet but its unit. */
export function blank(subject: { name: string }, line: number, unit: string): PaperMeasure {
  return { name: subject.name, unit, value: null, period: null, target: null, polarity: null, band: null, national: null, line };
}
