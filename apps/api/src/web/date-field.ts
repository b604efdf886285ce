import { isCalendarDate } from '@app/domain';
import { field } from './page-query';

/**
 * A GOV.UK date input (`<prefix>-day`, `-month`, `-year`) as an ISO date. All blank gives null;
 * anything else that is not a real date gives an error saying what to fix.
 */
export function dateFromParts(body: unknown, prefix: string, what: string): { value: string | null; error?: string } {
  const [day, month, year] = ['day', 'month', 'year'].map((p) => field(body, `${prefix}-${p}`));
  if (!day && !month && !year) return { value: null };
  const missing = [
    ['day', day],
    ['month', month],
    ['year', year],
  ]
    .filter(([, v]) => !v)
    .map(([n]) => n);
  if (missing.length) return { value: null, error: `${what} must include a ${missing.join(' and a ')}` };
  if (![day, month, year].every((v) => /^\d+$/.test(v)) || year.length !== 4)
    return { value: null, error: `${what} must be a real date, for example 27 3 2027` };
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  if (!isCalendarDate(iso)) return { value: null, error: `${what} must be a real date, for example 27 3 2027` };
  return { value: iso };
}

/** The day, month and year of an ISO date, for filling a date input again. */
export function dateParts(iso: string | null | undefined): { day: string; month: string; year: string } {
  if (!isCalendarDate(iso)) return { day: '', month: '', year: '' };
  const [year, month, day] = iso.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year };
}

/** The GOV.UK date-input items for a prefix, with values and the error highlight. */
export function dateItems(prefix: string, values: Record<string, string>, hasError: boolean) {
  return [
    { name: 'day', classes: `govuk-input--width-2${hasError ? ' govuk-input--error' : ''}`, value: values[`${prefix}-day`] ?? '' },
    { name: 'month', classes: `govuk-input--width-2${hasError ? ' govuk-input--error' : ''}`, value: values[`${prefix}-month`] ?? '' },
    { name: 'year', classes: `govuk-input--width-4${hasError ? ' govuk-input--error' : ''}`, value: values[`${prefix}-year`] ?? '' },
  ];
}

/** The date-input fields of a form body, to show them again after an error. */
export function dateValues(body: unknown, prefix: string): Record<string, string> {
  return Object.fromEntries(['day', 'month', 'year'].map((p) => [`${prefix}-${p}`, field(body, `${prefix}-${p}`)]));
}
