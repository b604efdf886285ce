/** Ids bound in one IN (...) list where nothing else sets the size: well inside SQLite's and PostgreSQL's limits on bound values. */
export const IDS_PER_STATEMENT = 1000;

/** `items` in consecutive pieces of at most `size`. */
export function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Runs `work` on each item, at most `lanes` at a time, each lane taking the next item when it is free. */
export async function inLanes<T>(items: readonly T[], lanes: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(lanes, items.length) }, lane));
}
