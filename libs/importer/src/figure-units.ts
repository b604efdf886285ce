/** A number as papers write it: "1,234", "19.5", "88". */
export const NUMBER = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;

/** "1,234" as 1234. */
export function toNumber(text: string): number {
  return Number(text.replace(/,/g, ''));
}

/** The unit a paper writes after a figure ("%", "per cent", "per 10,000", "working days"), as a measure's unit. */
export function unitOf(text: string | undefined): string | null {
  if (!text) return null;
  const unit = text.toLowerCase().replace(/\s+/g, ' ');
  if (unit === '%' || unit.startsWith('per cent') || unit === 'percent') return '%';
  if (unit.includes('day')) return 'days';
  const per = /per (\d[\d,]*)/.exec(unit);
  return per ? `per ${toNumber(per[1]).toLocaleString('en-GB')}` : null;
}
