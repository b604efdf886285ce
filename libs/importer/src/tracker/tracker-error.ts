export type TrackerErrorCode = 'empty' | 'too_large' | 'not_a_tracker' | 'password_protected' | 'empty_sheet' | 'no_header' | 'bad_mapping';

/** A tracker file that cannot be read at all; the message says what to do about it. */
export class TrackerError extends Error {
  constructor(
    readonly code: TrackerErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'TrackerError';
  }
}
