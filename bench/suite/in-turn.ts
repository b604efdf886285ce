/**
 * Rounds in which two measurements that are compared (the API against the raw server on a route,
 * the product's reminders against raw BullMQ or nodemailer) take turns. Measured one after the
 * other, they saw this shared machine at different moments: a route's ratio moved from 0.67 to 0.37
 * and raw BullMQ from 5,900 to 9,100 jobs/s between runs of the same code. Taken in turn, each sees
 * the same moments; one round under --quick, which only checks that everything works.
 */
export const roundsFor = (quick: boolean) => (quick ? 1 : 3);

/**
 * Runs `first` and `second` once per round, alternating which goes first (first, second, second,
 * first, ...) so that what one leaves behind (garbage to collect, a checkpoint, autovacuum) falls on
 * each alike. Each is told its round (from 0). Returns each side's results in round order.
 */
export async function inTurn<A, B>(
  rounds: number,
  first: (round: number) => Promise<A>,
  second: (round: number) => Promise<B>,
): Promise<{ first: A[]; second: B[] }> {
  const out = { first: [] as A[], second: [] as B[] };
  for (let round = 0; round < rounds; round++) {
    if (round % 2 === 0) {
      out.first.push(await first(round));
      out.second.push(await second(round));
    } else {
      out.second.push(await second(round));
      out.first.push(await first(round));
    }
  }
  return out;
}
