/** A period said after the subject ("… in the fourth quarter") is the figure's, not the measure's name. */
const PERIOD_PHRASE =
  /\s+(?:in|at|by|during|for|over)\s+(?:the\s+)?(?:(?:first|second|third|fourth|last|latest)\s+quarter|end\s+of|year\s+to|Q[1-4]\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+\d{4}|\d{4}\b).*$/i;

/** A measure's name as the paper words it, without a period, a unit in brackets or a leading article; null if too short to be one. */
export function tidyName(text: string): string | null {
  const name = text
    .replace(PERIOD_PHRASE, '')
    .replace(/\s*\((?:%|per\s?cent|number|no\.?|days|count)\)\s*$/i, '')
    .replace(/["\u201c\u201d]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:all|the|our|of|these|those)\s+/i, '')
    .replace(/\s+(?:figure|timescale|target|standard|limit)$/i, '')
    .replace(/\bthe\s+(\d+)\s+(working\s+)?day\b/gi, '$1 $2days')
    .replace(/\s+/g, ' ')
    .replace(/[\s.,]+$/, '');
  if (name.length < 3 || !/[a-z]{3}/i.test(name)) return null;
  return name.charAt(0).toUpperCase() + name.slice(1);
}
