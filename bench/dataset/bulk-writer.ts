import { DataSource } from 'typeorm';
import { Row, TableKey, TABLES, TableShape } from './tables';

const BATCH_ROWS = 5000;

/** Buffers rows per table and writes them in batches, each batch in one transaction. */
export abstract class BulkWriter {
  private readonly buffers = new Map<TableKey, Row[]>();
  private buffered = 0;
  readonly counts: Partial<Record<TableKey, number>> = {};

  constructor(protected readonly db: DataSource) {}

  add(table: TableKey, row: Row): void {
    let rows = this.buffers.get(table);
    if (!rows) this.buffers.set(table, (rows = []));
    rows.push(row);
    this.buffered++;
    this.counts[table] = (this.counts[table] ?? 0) + 1;
  }

  async flushIfFull(): Promise<void> {
    if (this.buffered >= BATCH_ROWS * 4) await this.flush();
  }

  /** Writes everything buffered, parents before children (TABLES lists them so) for the foreign keys. */
  async flush(): Promise<void> {
    const batches = (Object.keys(TABLES) as TableKey[]).flatMap((key): [TableShape, Row[]][] => {
      const rows = this.buffers.get(key);
      return rows?.length ? [[TABLES[key], rows]] : [];
    });
    this.buffers.clear();
    this.buffered = 0;
    if (batches.length) await this.write(batches);
  }

  get totalRows(): number {
    return Object.values(this.counts).reduce((a, b) => a + (b ?? 0), 0);
  }

  /** Database settings for loading only, undone by end(); the load is repeatable, so durability can wait. */
  async begin(): Promise<void> {}
  async end(): Promise<void> {}

  protected abstract write(batches: [TableShape, Row[]][]): Promise<void>;
}

interface SqliteHandle {
  prepare(sql: string): { run(...params: unknown[]): unknown };
  pragma(sql: string, options?: { simple: boolean }): unknown;
  transaction(fn: () => void): () => void;
}

/** SQLite: the DataSource's own better-sqlite3 connection, prepared statements, one transaction per flush. */
export class SqliteBulkWriter extends BulkWriter {
  private readonly statements = new Map<string, { run(...params: unknown[]): unknown }>();
  private readonly handle = (this.db.driver as unknown as { databaseConnection: SqliteHandle }).databaseConnection;
  private restore: string[] = [];

  private indexes: string[] = [];

  async begin(): Promise<void> {
    const keep = (name: string) => `${name} = ${this.handle.pragma(name, { simple: true })}`;
    this.restore = [keep('synchronous'), keep('cache_size'), keep('wal_autocheckpoint')];
    for (const p of ['synchronous = OFF', 'cache_size = -1000000', 'wal_autocheckpoint = 20000']) this.handle.pragma(p);
    // Building an index once after the load is far faster than maintaining it row by row; the exact
    // statements the migrations made are kept and replayed (constraint indexes, with no SQL, stay).
    const rows: { name: string; sql: string }[] = await this.db.query(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL`);
    this.indexes = rows.map((r) => r.sql);
    for (const r of rows) await this.db.query(`DROP INDEX "${r.name}"`);
  }

  async end(): Promise<void> {
    for (const sql of this.indexes) await this.db.query(sql);
    for (const p of this.restore) this.handle.pragma(p);
    this.handle.pragma('wal_checkpoint(TRUNCATE)');
    this.handle.pragma('optimize');
  }

  protected async write(batches: [TableShape, Row[]][]): Promise<void> {
    const insertAll = this.handle.transaction(() => {
      for (const [table, rows] of batches) {
        const statement = this.statement(table);
        const bools = table.columns.map(([, type]) => type === 'bool');
        for (const row of rows) statement.run(...row.map((v, i) => (bools[i] ? (v ? 1 : 0) : v)));
      }
    });
    insertAll();
  }

  private statement(table: TableShape) {
    let statement = this.statements.get(table.name);
    if (!statement) {
      const cols = table.columns.map(([c]) => `"${c}"`).join(', ');
      statement = this.handle.prepare(`INSERT INTO "${table.name}" (${cols}) VALUES (${table.columns.map(() => '?').join(', ')})`);
      this.statements.set(table.name, statement);
    }
    return statement;
  }
}

/** PostgreSQL: one INSERT ... SELECT FROM unnest(arrays) per table and batch, in one transaction per flush. */
export class PostgresBulkWriter extends BulkWriter {
  private indexes: string[] = [];

  async begin(): Promise<void> {
    // As for SQLite: drop the plain indexes (not those backing a primary key or unique constraint), rebuild after.
    const rows: { indexname: string; indexdef: string }[] = await this.db.query(
      `SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = 'public'
         AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = (quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass)`,
    );
    this.indexes = rows.map((r) => r.indexdef);
    for (const r of rows) await this.db.query(`DROP INDEX "${r.indexname}"`);
  }

  protected async write(batches: [TableShape, Row[]][]): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query('SET LOCAL synchronous_commit = off');
      for (const [table, rows] of batches) {
        for (let start = 0; start < rows.length; start += BATCH_ROWS) {
          const slice = rows.slice(start, start + BATCH_ROWS);
          const cols = table.columns.map(([c]) => `"${c}"`).join(', ');
          const arrays = table.columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
          const params = table.columns.map((_, i) => slice.map((row) => row[i]));
          await tx.query(`INSERT INTO "${table.name}" (${cols}) SELECT * FROM unnest(${arrays})`, params);
        }
      }
    });
  }

  async end(): Promise<void> {
    await this.db.query(`SET maintenance_work_mem = '256MB'`);
    for (const sql of this.indexes) await this.db.query(sql);
    await this.db.query('ANALYZE');
  }
}

export const bulkWriterFor = (db: DataSource): BulkWriter => (db.options.type === 'postgres' ? new PostgresBulkWriter(db) : new SqliteBulkWriter(db));
