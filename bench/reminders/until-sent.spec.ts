import { DataSource } from 'typeorm';
import { runSql } from '@app/database/sql';
import { untilSent } from './until-sent';

jest.mock('@app/database/sql', () => ({ runSql: jest.fn() }));
const probe = runSql as jest.MockedFunction<typeof runSql>;
const db = { manager: {} } as DataSource;

/** The probe answers "still to deliver" `times` times, then "all settled". */
function unsettledFor(times: number) {
  let left = times;
  probe.mockImplementation(async () => (left-- > 0 ? [{ one: 1 }] : []));
}

describe('untilSent', () => {
  beforeEach(() => probe.mockReset());

  it('probes again as soon as it is woken, without waiting for the next poll', async () => {
    unsettledFor(1);
    let wake: () => void = () => undefined;
    const unsubscribe = jest.fn();
    const started = Date.now();
    const done = untilSent(db, ['a'], {
      everyMs: 60_000,
      wakeWhen: (w) => {
        wake = w;
        return unsubscribe;
      },
    });
    await new Promise((r) => setTimeout(r, 20));
    wake();
    await done;
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(probe).toHaveBeenCalledTimes(2);
    expect(unsubscribe).toHaveBeenCalledTimes(1);
  });

  it('does not lose a wake that comes while a probe is under way', async () => {
    let wake: () => void = () => undefined;
    let probes = 0;
    probe.mockImplementation(async () => {
      probes++;
      if (probes === 1) wake();
      return probes === 1 ? [{ one: 1 }] : [];
    });
    const started = Date.now();
    await untilSent(db, ['a'], {
      everyMs: 60_000,
      wakeWhen: (w) => {
        wake = w;
        return () => undefined;
      },
    });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(probes).toBe(2);
  });

  it('polls on its own when nothing wakes it', async () => {
    unsettledFor(3);
    await untilSent(db, ['a'], { everyMs: 5 });
    expect(probe).toHaveBeenCalledTimes(4);
  });

  it('gives up after its time limit, and unsubscribes', async () => {
    unsettledFor(Infinity);
    const unsubscribe = jest.fn();
    await expect(untilSent(db, ['a'], { everyMs: 5, timeoutMs: 20, wakeWhen: () => unsubscribe })).rejects.toThrow('Bench timed out');
    expect(unsubscribe).toHaveBeenCalledTimes(1);
  });
});
