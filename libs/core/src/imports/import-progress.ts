import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type Redis from 'ioredis';
import { APP_CONFIG, AppConfig } from '@app/config';
import { quickRedis, whenConnected } from '@app/queue';
import { Actor } from '../request-context';

export type ImportStage = 'reading' | 'storing' | 'done' | 'failed';

/** How far one import has gone, as the page that started it polls it. */
export interface ImportProgressView {
  id: string;
  stage: ImportStage;
  /** Pages read (a PDF) or rows stored (a tracker) so far, of `total` (null until known). */
  done: number;
  total: number | null;
  unit: 'pages' | 'rows';
}

/** What the page is told while Redis, where progress is kept, does not answer: nothing is known. */
export interface UnknownProgressView {
  id: string;
  stage: 'unknown';
  done: null;
  total: null;
  unit: null;
}

interface Entry extends Omit<ImportProgressView, 'id'> {
  userId: string;
  authorityId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** An import's progress is kept this long after its last news, then Redis forgets it. */
export const PROGRESS_KEPT_SECONDS = 15 * 60;
/** The news of one import is written at most once in this long (the page asks once a second). */
export const PROGRESS_WRITE_GAP_MS = 250;

/**
 * The progress of imports started from a page, for that page to poll (GET /api/v1/imports/{id}/progress)
 * through whichever API process answers it: kept in Redis, each import under the id the page made up
 * (so it can ask before the upload's answer comes back), forgotten a quarter of an hour after its
 * last news. Only the person who started an import is told of it. Progress is a courtesy: while Redis
 * does not answer, the import goes on untracked and the page is told its progress is unknown.
 */
@Injectable()
export class ImportProgress implements OnModuleDestroy {
  private readonly logger = new Logger(ImportProgress.name);
  private readonly redis: Redis;
  private readonly prefix: string;
  private connecting: Promise<void> | null = null;
  private warned = false;
  private closed = false;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.redis = quickRedis(config.redisUrl);
    this.prefix = `${config.queuePrefix}:import-progress:`;
  }

  /** Starts telling the import's progress under `id`; a tracker that does nothing when the id is unusable or taken, or Redis does not answer. */
  async start(actor: Actor, id: string | undefined, unit: ImportProgressView['unit']): Promise<Tracker> {
    if (!id || !UUID.test(id)) return IGNORED;
    const entry: Entry = { stage: 'reading', done: 0, total: null, unit, userId: actor.userId, authorityId: actor.authorityId };
    const taken = await this.attempt(async () => (await this.redis.set(this.key(id), JSON.stringify(entry), 'EX', PROGRESS_KEPT_SECONDS, 'NX')) !== 'OK');
    if (taken !== false) return IGNORED;
    return new ThrottledTracker(entry, async (news) => {
      await this.attempt(() => this.redis.set(this.key(id), JSON.stringify(news), 'EX', PROGRESS_KEPT_SECONDS, 'XX'));
    });
  }

  /** The import's progress, for the person who started it; null for anyone else or an unknown id; unknown while Redis does not answer. */
  async get(actor: Actor, id: string): Promise<ImportProgressView | UnknownProgressView | null> {
    const stored = await this.attempt(() => this.redis.get(this.key(id)));
    if (stored === undefined) return { id, stage: 'unknown', done: null, total: null, unit: null };
    const entry = stored === null ? null : (JSON.parse(stored) as Entry);
    if (!entry || entry.userId !== actor.userId || entry.authorityId !== actor.authorityId) return null;
    const { stage, done, total, unit } = entry;
    return { id, stage, done, total, unit };
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    if (this.redis.status === 'ready') await this.redis.quit().catch(() => this.redis.disconnect());
    else this.redis.disconnect();
  }

  private key(id: string): string {
    return this.prefix + id.toLowerCase();
  }

  /** The command's answer, or undefined when Redis does not answer (said once in the log until it answers again). */
  private async attempt<T>(command: () => Promise<T>): Promise<T | undefined> {
    if (this.closed) return undefined;
    try {
      this.connecting ??= whenConnected(this.redis).finally(() => (this.connecting = null));
      await this.connecting;
      const answer = await command();
      this.warned = false;
      return answer;
    } catch (error) {
      if (!this.warned)
        this.logger.warn(`Import progress is not being kept: Redis does not answer (${error instanceof Error ? error.message : String(error)})`);
      this.warned = true;
      return undefined;
    }
  }
}

export interface Tracker {
  onProgress: (done: number, total: number) => void;
  /** Writes how the import ended; resolves once written (or given up on). */
  finish: (ok: boolean) => Promise<void>;
}

const IGNORED: Tracker = { onProgress: () => undefined, finish: async () => undefined };

/** Passes an import's news on at most once per PROGRESS_WRITE_GAP_MS, the latest always written in the end. */
class ThrottledTracker implements Tracker {
  private lastWrite = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly entry: Entry,
    private readonly write: (news: Entry) => Promise<void>,
  ) {}

  onProgress = (done: number, total: number): void => {
    Object.assign(this.entry, { done, total, stage: this.entry.unit === 'rows' ? 'storing' : 'reading' });
    if (this.timer) return;
    const wait = this.lastWrite + PROGRESS_WRITE_GAP_MS - Date.now();
    if (wait <= 0) void this.flush();
    else {
      this.timer = setTimeout(() => void this.flush(), wait);
      this.timer.unref();
    }
  };

  finish = (ok: boolean): Promise<void> => {
    this.entry.stage = ok ? 'done' : 'failed';
    return this.flush();
  };

  private flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.lastWrite = Date.now();
    return this.write({ ...this.entry });
  }
}

/** Runs the import, telling its tracker how it ended. */
export async function tracked<T>(tracker: Tracker, work: () => Promise<T>): Promise<T> {
  try {
    const result = await work();
    await tracker.finish(true);
    return result;
  } catch (error) {
    await tracker.finish(false);
    throw error;
  }
}
