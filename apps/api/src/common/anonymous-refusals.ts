import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { AuditService, Clock } from '@app/core';

/** Routes named in one minute's record from one address; the count says how many there were in all. */
const ROUTES_KEPT = 5;
/** Addresses held at once before they are written early, so a spray from many addresses cannot grow memory. */
const MAX_HELD = 5_000;
const FLUSH_EVERY_MS = 15_000;

interface Tally {
  minute: string;
  ip: string | null;
  count: number;
  routes: string[];
}

/**
 * Requests refused for want of a sign-in are counted per address and minute, and each minute's count
 * is one audit row: a row for each refusal competed with real changes for SQLite's one writer and grew
 * without bound. The rows say who tried what and how often, which is what an operator looks for.
 */
@Injectable()
export class AnonymousRefusals implements OnModuleInit, OnApplicationShutdown {
  private readonly log = new Logger('AnonymousRefusals');
  private readonly held = new Map<string, Tally>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  onModuleInit() {
    this.timer = setInterval(() => void this.flush({ before: this.minute() }), FLUSH_EVERY_MS);
    this.timer.unref();
  }

  async onApplicationShutdown() {
    if (this.timer) clearInterval(this.timer);
    await this.flush();
  }

  count(ip: string | undefined, route: string): void {
    const minute = this.minute();
    const key = `${minute} ${ip ?? ''}`;
    const tally = this.held.get(key) ?? { minute, ip: ip ?? null, count: 0, routes: [] };
    tally.count += 1;
    if (tally.routes.length < ROUTES_KEPT && !tally.routes.includes(route)) tally.routes.push(route);
    this.held.set(key, tally);
    if (this.held.size > MAX_HELD) void this.flush();
  }

  /** Writes the tallies (those of minutes before `before`, or all) as audit rows. */
  async flush(options: { before?: string } = {}): Promise<void> {
    const due = [...this.held.entries()].filter(([, t]) => !options.before || t.minute < options.before);
    for (const [key] of due) this.held.delete(key);
    for (const [, tally] of due) {
      try {
        await this.audit.recordAlone({
          authorityId: null,
          entityType: 'route',
          entityId: null,
          event: 'access_refused_unauthenticated',
          actorId: null,
          subject: tally.routes[0].slice(0, 254),
          ip: tally.ip,
          after: { minute: tally.minute, count: tally.count, routes: tally.routes },
        });
      } catch (error) {
        this.log.warn(`Could not record ${tally.count} refused requests from ${tally.ip}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }

  private minute(): string {
    return this.clock.nowIso().slice(0, 16);
  }
}
