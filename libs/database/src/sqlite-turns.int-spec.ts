import { randomUUID } from 'node:crypto';
import { useTestDatabase } from '@app/testing/use-test-database';
import { Authority } from './entities';
import { Transactions } from './transactions';

const authority = (name: string): Authority => {
  const id = randomUUID();
  return { id, name, slug: `c-${id.slice(0, 8)}`, createdAt: '2026-12-01T09:00:00.000Z' } as Authority;
};

const otherWork = () => new Promise((resolve) => setImmediate(resolve));

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

// A transaction that pauses, as a long import does for its progress to be asked for, while another
// request reads and writes through the same process's one SQLite connection.
describe('SQLite: a paused transaction keeps the connection to itself', () => {
  const database = useTestDatabase('sqlite');
  const names = async () => (await database.ds.manager.find(Authority, { order: { name: 'ASC' } })).map((a) => a.name);

  it('others read what was committed, and their writes wait for it to end instead of sharing its fate', async () => {
    await database.ds.manager.insert(Authority, authority('committed before'));
    const transactions = new Transactions(database.ds);
    const paused = gate();
    const resumed = gate();
    const failed = transactions.run(async () => {
      await transactions.manager.insert(Authority, authority('uncommitted'));
      paused.open();
      await resumed.opened;
      expect(await names()).toEqual(['committed before', 'uncommitted']);
      throw new Error('the import failed part way');
    });

    // Meanwhile, another request (outside the transaction's call chain) reads and writes.
    await paused.opened;
    // Read on the second connection, and told to the logger like every other statement (the census counts them there).
    const logged = jest.spyOn(database.ds.logger, 'logQuery');
    expect(await names()).toEqual(['committed before']);
    expect(logged.mock.calls.map(([sql]) => sql)).toEqual([expect.stringContaining('FROM "authority"')]);
    logged.mockRestore();
    let written = false;
    const write = database.ds.manager.insert(Authority, authority('written outside')).then(() => (written = true));
    await otherWork();
    await otherWork();
    expect(written).toBe(false);
    resumed.open();

    await expect(failed).rejects.toThrow('the import failed part way');
    await write;
    expect(await names()).toEqual(['committed before', 'written outside']);
  });

  it('a read that starts inside the transaction sees its own rows, and transactions still take turns', async () => {
    const transactions = new Transactions(database.ds);
    const order: string[] = [];
    await Promise.all([
      transactions.run(async () => {
        await transactions.manager.insert(Authority, authority('first'));
        await otherWork();
        order.push(`first sees its row: ${(await names()).includes('first')}`);
      }),
      transactions.run(async () => {
        order.push(`second sees it: ${(await names()).includes('first')}`);
      }),
    ]);
    expect(order).toEqual(['first sees its row: true', 'second sees it: true']);
  });

  it('work an earlier transaction started, running while a later one is open, is outside the later one', async () => {
    const transactions = new Transactions(database.ds);
    let lateWrite: Promise<unknown> | null = null;
    const started = gate();
    await transactions.run(async () => {
      await transactions.manager.insert(Authority, authority('earlier transaction'));
      // Started inside the first transaction, it runs once the second is open.
      lateWrite = started.opened.then(() => database.ds.manager.insert(Authority, authority('started by the earlier one')));
    });
    const failed = transactions.run(async () => {
      await transactions.manager.insert(Authority, authority('later, rolled back'));
      started.open();
      await otherWork();
      await otherWork();
      throw new Error('the later one failed');
    });
    await expect(failed).rejects.toThrow('the later one failed');
    await lateWrite;
    const seen = await names();
    expect(seen).toEqual(expect.arrayContaining(['earlier transaction', 'started by the earlier one']));
    expect(seen).not.toContain('later, rolled back');
  });
});
