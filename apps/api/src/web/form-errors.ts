import { AppError } from '@app/core';
import { DomainError } from '@app/domain';

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

  /** What the templates take: `errorList` for the summary and `errors[field]` for the field messages. */
  view() {
    return {
      errorList: this.list.map((e) => ({ text: e.text, href: `#${e.field}` })),
      errors: Object.fromEntries(this.list.map((e) => [e.field, { text: e.text }])),
    };
  }

  static of(field: string, text: string): FormErrors {
    return new FormErrors().add(field, text);
  }
}

/** A refusal the user can fix by changing the form: the service's message goes beside the field it is about. */
export function userError(error: unknown): { code: string; message: string } | null {
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
