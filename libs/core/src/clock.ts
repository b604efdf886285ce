import { Injectable } from '@nestjs/common';

/** The one source of "now", so tests can fix time. */
@Injectable()
export class Clock {
  private fixed: Date | null = null;
  now(): Date {
    return this.fixed ? new Date(this.fixed) : new Date();
  }
  nowIso(): string {
    return this.now().toISOString();
  }
  set(instant: Date | string | null): void {
    this.fixed = instant === null ? null : new Date(instant);
  }
}
