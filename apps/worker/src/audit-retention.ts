import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { AuditService } from '@app/core';

const EVERY_MS = 6 * 60 * 60_000;

/** Deletes sign-in attempts and refused requests past AUDIT_NOISE_RETENTION_DAYS: at start-up, then every six hours. */
@Injectable()
export class AuditRetention implements OnApplicationShutdown {
  private readonly log = new Logger('AuditRetention');
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  start(): void {
    if (this.config.auditNoiseRetentionDays <= 0) return;
    void this.prune();
    this.timer = setInterval(() => void this.prune(), EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown() {
    if (this.timer) clearInterval(this.timer);
  }

  async prune(): Promise<number> {
    try {
      const removed = await this.audit.pruneNoise(this.config.auditNoiseRetentionDays);
      if (removed) this.log.log(`Removed ${removed} sign-in and refused-request records older than ${this.config.auditNoiseRetentionDays} days`);
      return removed;
    } catch (error) {
      this.log.warn(`Could not prune old sign-in records: ${error instanceof Error ? error.message : String(error)}`);
      return 0;
    }
  }
}
