export type DomainErrorCode =
  | 'invalid_date'
  | 'date_in_past'
  | 'invalid_number'
  | 'invalid_settings'
  | 'invalid_timescale'
  | 'invalid_status'
  | 'invalid_quarter'
  | 'invalid_transition'
  | 'already_in_status'
  | 'evidence_required'
  | 'reason_required'
  | 'board_decision_required'
  | 'carry_over_only';

/** A broken domain rule. The message is shown to users, so it says what to fix. */
export class DomainError extends Error {
  constructor(
    public readonly code: DomainErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
