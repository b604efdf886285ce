import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { AppError } from '@app/core';
import { DomainError } from '@app/domain';
import { dropUnsent } from '../common/validation';

export interface FieldError {
  field: string;
  text: string;
}

/** Errors for one form, in the GOV.UK error-summary shape: each links to the field to fix. */
export class FormErrors {
  private readonly list: FieldError[] = [];

  add(field: string, text: string): this {
    if (!this.list.some((e) => e.field === field)) this.list.push({ field, text });
    return this;
  }

  get any(): boolean {
    return this.list.length > 0;
  }

  /**
   * What the templates take: `errorList` for the summary and `errors[field]` for the field messages. A page that
   * no longer shows the form (its meeting closed meanwhile, say) passes `formShown: false`: the summary then
   * links to no field.
   */
  view(formShown = true) {
    return {
      errorList: this.list.map((e) => (formShown ? { text: e.text, href: `#${e.field}` } : { text: e.text })),
      errors: Object.fromEntries(this.list.map((e) => [e.field, { text: e.text }])),
    };
  }

  static of(field: string, text: string): FormErrors {
    return new FormErrors().add(field, text);
  }
}

/** A refusal the user can fix by changing the form: the service's message goes beside the field it is about. */
export function userError(error: unknown): Problem | null {
  if (error instanceof DomainError) return { code: error.code, message: error.message };
  if (
    error instanceof AppError &&
    error.kind !== 'unauthenticated' &&
    error.kind !== 'forbidden' &&
    error.kind !== 'not_found' &&
    error.code !== 'stale_version'
  ) {
    return { code: error.code, message: error.message };
  }
  return null;
}

export type Problem = { code: string; message: string };

/** The page's wording for one DTO property: the form field it is about, and what to say when it is blank or wrong. */
export interface FieldWording {
  field: string;
  missing?: string;
  invalid: string;
  /** The page needs it even where the API's field is optional (a form that edits every field at once). */
  required?: boolean;
}

/**
 * Checks a form's values by the same DTO class the API validates with, so the two keep one set of
 * rules; the page only words them. Only the properties `wording` names are the form's: the others
 * (such as `version`) are the caller's to supply. Blank values, null (a blank date) and empty lists count as absent.
 */
export function checkForm<T extends object>(
  dto: new () => T,
  values: Record<string, unknown>,
  wording: Partial<Record<keyof T & string, FieldWording>>,
): { input: T; errors: FormErrors } {
  const given = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== '' && v != null && !(Array.isArray(v) && v.length === 0)));
  const input = dropUnsent(plainToInstance(dto, given));
  const errors = new FormErrors();
  for (const problem of validateSync(input)) {
    const words = wording[problem.property as keyof T & string];
    if (!words) continue;
    errors.add(words.field, given[problem.property] === undefined && words.missing ? words.missing : words.invalid);
  }
  for (const [property, words] of Object.entries(wording) as [string, FieldWording][]) {
    if (words.required && given[property] === undefined) errors.add(words.field, words.missing ?? words.invalid);
  }
  return { input, errors };
}

/**
 * Runs a form's change. A refusal the user can fix by changing the form (userError, or one of the
 * form's own `known` kinds) comes back as the errors to show beside `field`; anything else is thrown on.
 */
export async function attempt<T>(
  work: () => Promise<T>,
  field: string | ((problem: Problem) => string),
  ...known: ((error: unknown) => Problem | null)[]
): Promise<{ value: T; errors?: undefined } | { value?: undefined; errors: FormErrors }> {
  try {
    return { value: await work() };
  } catch (error) {
    const problem = userError(error) ?? known.reduce<Problem | null>((found, check) => found ?? check(error), null);
    if (!problem) throw error;
    return { errors: FormErrors.of(typeof field === 'string' ? field : field(problem), problem.message) };
  }
}

/** A person or organisation chosen in a form that has since gone: the user picks again. */
export function notFoundProblem(error: unknown): Problem | null {
  const e = error as { kind?: string; message?: string } | null;
  return e && e.kind === 'not_found' ? { code: 'not_found', message: `${e.message}: choose again from the list` } : null;
}
