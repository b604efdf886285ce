import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn } from './columns';

/**
 * Failed sign-ins counted per account and address, per account and per address (libs/core
 * sign-in-throttle.ts). One row per (kind, key), changed by single atomic statements.
 */
@Entity('sign_in_throttle')
@Index('ix_sign_in_throttle_window', ['windowStartedAt'])
export class SignInThrottle {
  @PrimaryColumn({ type: 'varchar', length: 20 }) kind: string;
  @PrimaryColumn({ type: 'varchar', length: 330 }) key: string;
  /** Attempts counted in this window, each one as a failure until its password proved right. */
  @Column({ type: 'integer' }) failures: number;
  @InstantColumn() windowStartedAt: string;
  /** No attempt is checked before this instant. */
  @InstantColumn() nextAttemptAt: string;
}
