import { Injectable } from '@nestjs/common';
import { todayInLondon } from '@app/domain';

/** The one source of "now", so tests can fix time. */
@Injectable()
export class Clock {
  private fixed: Date | null = null;
  private todayCache = { minute: Number.NaN, date: '' };
  now(): Date {
    return this.fixed ? new Date(this.fixed) : new Date();
  }
  nowIso(): string {
    return this.now().toISOString();
  }
  /** Today's date in London, where deadlines fall; a time-zone conversion, so worked out at most once a minute. */
  today(): string {
    const now = this.now();
    const minute = Math.floor(now.getTime() / 60_000);
    if (minute !== this.todayCache.minute) this.todayCache = { minute, date: todayInLondon(now) };
    return this.todayCache.date;
  }
  set(instant: Date | string | null): void {
    this.fixed = instant === null ? null : new Date(instant);
  }
}
