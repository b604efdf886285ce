import { spawn } from 'node:child_process';
import { useTestDatabase } from '@app/testing/use-test-database';
import { Authority } from './entities';

// Another process writing the same file, as the worker does beside the API. better-sqlite3 is
// synchronous, so the other writer must be a real process, not a second connection in this one.
const OTHER_WRITER = `
const db = new (require('better-sqlite3'))(process.argv[1], { timeout: 5000 });
const end = Date.now() + 1500;
let i = 0;
while (Date.now() < end) {
  db.exec('BEGIN IMMEDIATE');
  db.prepare('INSERT INTO "sign_in_throttle" ("kind","key","failures","windowStartedAt","nextAttemptAt") VALUES (?,?,?,?,?)').run('other', 'k' + i, 0, 'now', 'now');
  db.exec('COMMIT');
  i++;
}
console.log(i);
`;

describe('the API and the worker writing one SQLite file', () => {
  const database = useTestDatabase('sqlite');

  it('take turns instead of failing when a transaction reads, then writes', async () => {
    const file = (database.db.config as { file: string }).file;
    const other = spawn(process.execPath, ['-e', OTHER_WRITER, file], { cwd: process.cwd() });
    let otherWrites = '';
    other.stdout.on('data', (d) => (otherWrites += d));
    const finished = new Promise((resolve) => other.on('exit', resolve));
    await new Promise((r) => setTimeout(r, 100));
    const failures: unknown[] = [];
    for (let i = 0; i < 40; i++) {
      await database.ds
        .transaction(async (tx) => {
          await tx.count(Authority);
          await new Promise((r) => setTimeout(r, 10));
          await tx.insert(Authority, { id: `00000000-0000-0000-0000-${String(i).padStart(12, '0')}`, name: `A${i}`, slug: `a${i}`, createdAt: 'now' });
        })
        .catch((error) => failures.push(error));
    }
    await finished;
    expect(failures).toEqual([]);
    expect(await database.ds.manager.count(Authority)).toBe(40);
    expect(Number(otherWrites)).toBeGreaterThan(0);
  });
});
