import { Injectable } from '@nestjs/common';
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

interface Entry extends ImportProgressView {
  userId: string;
  authorityId: string;
  touched: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** An import's progress is kept this long after its last news, then forgotten. */
const KEPT_MS = 15 * 60 * 1000;
/** A ceiling on what one API process holds, whatever ids pages send. */
const MAX_ENTRIES = 2000;

/**
 * The progress of the imports this API process is running, for the page that started one to poll
 * (GET /api/v1/imports/{id}/progress). The page names the import with an id of its own making, so
 * that it can ask before the upload's answer comes back; only the person who started an import is
 * told of it. Held in memory: the upload request runs the import itself, in this process.
 */
@Injectable()
export class ImportProgress {
  private readonly entries = new Map<string, Entry>();

  /** Starts telling the import's progress under `id`; a callback that does nothing when the id is unusable or taken. */
  start(actor: Actor, id: string | undefined, unit: ImportProgressView['unit']): Tracker {
    this.forgetOld();
    if (!id || !UUID.test(id) || this.entries.has(id) || this.entries.size >= MAX_ENTRIES) return IGNORED;
    const entry: Entry = { id, stage: 'reading', done: 0, total: null, unit, userId: actor.userId, authorityId: actor.authorityId, touched: Date.now() };
    this.entries.set(id, entry);
    const touch = (change: Partial<ImportProgressView>) => Object.assign(entry, change, { touched: Date.now() });
    return {
      onProgress: (done, total) => void touch({ done, total, stage: entry.unit === 'rows' ? 'storing' : 'reading' }),
      finish: (ok) => void touch({ stage: ok ? 'done' : 'failed' }),
    };
  }

  /** The import's progress, for the person who started it; null for anyone else or an unknown id. */
  get(actor: Actor, id: string): ImportProgressView | null {
    this.forgetOld();
    const entry = this.entries.get(id);
    if (!entry || entry.userId !== actor.userId || entry.authorityId !== actor.authorityId) return null;
    const { id: key, stage, done, total, unit } = entry;
    return { id: key, stage, done, total, unit };
  }

  private forgetOld(): void {
    const before = Date.now() - KEPT_MS;
    for (const [id, entry] of this.entries) if (entry.touched < before) this.entries.delete(id);
  }
}

export interface Tracker {
  onProgress: (done: number, total: number) => void;
  finish: (ok: boolean) => void;
}

const IGNORED: Tracker = { onProgress: () => undefined, finish: () => undefined };

/** Runs the import, telling its tracker how it ended. */
export async function tracked<T>(tracker: Tracker, work: () => Promise<T>): Promise<T> {
  try {
    const result = await work();
    tracker.finish(true);
    return result;
  } catch (error) {
    tracker.finish(false);
    throw error;
  }
}
