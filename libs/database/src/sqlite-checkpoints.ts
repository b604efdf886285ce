import { Worker } from 'node:worker_threads';
import { Logger } from '@nestjs/common';

/** How often the background thread copies the write-ahead log into the database file. */
export const CHECKPOINT_EVERY_MS = 1000;
/** The log's size, in pages, at which a commit still copies it itself: the safety net, should the thread fall behind. */
export const COMMIT_CHECKPOINT_PAGES = 10_000;
/** SQLite's own default, which a connection goes back to if the thread dies. */
const SQLITE_DEFAULT_PAGES = 1000;

/** What one background checkpoint did: SQLite's answer to `wal_checkpoint(PASSIVE)`, in frames of the log. */
export interface CheckpointResult {
  busy: number;
  log: number;
  checkpointed: number;
}

interface Connection {
  pragma(sql: string): unknown;
}

// Runs in the thread: its own connection to the file, and a passive checkpoint on a timer. Passive takes
// no lock the app's connections wait for; when another process is checkpointing it answers busy = 1, and
// the next tick tries again. Anything it throws ends the thread (see fallBack).
const THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
const timer = setInterval(() => {
  const [result] = db.pragma('wal_checkpoint(PASSIVE)');
  if (workerData.report) parentPort.postMessage(result);
}, workerData.everyMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

/**
 * Moves SQLite's checkpoints off the thread that answers requests and delivers reminders. By default
 * a commit that takes the log past 1,000 pages copies it into the database there and then, with an
 * fsync: about 0.75 s of the reminders bench's run at 10,000 (docs/PERFORMANCE.md). A thread of its own
 * does that copying instead, and the commit-time checkpoint stays at a higher threshold as a safety
 * net. Close it with the connection.
 */
export class BackgroundCheckpoints {
  private readonly log = new Logger('SQLite');
  private readonly worker: Worker;
  private closing = false;
  private readonly exited: Promise<void>;

  constructor(
    private readonly connection: Connection,
    file: string,
    options: { everyMs?: number; onCheckpoint?: (result: CheckpointResult) => void } = {},
  ) {
    connection.pragma(`wal_autocheckpoint = ${COMMIT_CHECKPOINT_PAGES}`);
    this.worker = new Worker(THREAD, {
      eval: true,
      workerData: { file, driver: require.resolve('better-sqlite3'), everyMs: options.everyMs ?? CHECKPOINT_EVERY_MS, report: !!options.onCheckpoint },
    });
    if (options.onCheckpoint) this.worker.on('message', options.onCheckpoint);
    this.worker.on('error', (error) => this.fallBack(error));
    this.exited = new Promise((resolve) => this.worker.once('exit', () => resolve()));
    this.worker.unref();
  }

  async close(): Promise<void> {
    this.closing = true;
    // Held while it closes: with nothing else left to run (a CLI command's last step), the process
    // would otherwise exit before the thread does, and whatever awaited this close would never go on.
    this.worker.ref();
    this.worker.postMessage('close');
    await this.exited;
  }

  /** The thread failed (it could not open the file, or a checkpoint threw): commits checkpoint again, as SQLite's default has them. */
  private fallBack(error: Error): void {
    if (this.closing) return;
    this.log.warn(`Background checkpoints stopped (${error.message}); commits checkpoint the log again`);
    try {
      this.connection.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_PAGES}`);
    } catch {
      // The connection has closed too: nothing is left to checkpoint.
    }
  }
}
