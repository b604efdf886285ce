import { chunks, inLanes } from './batches';

describe('chunks', () => {
  it('cuts a list into consecutive pieces, the last one shorter', () => {
    expect(chunks([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunks([], 3)).toEqual([]);
  });
});

describe('inLanes', () => {
  it('works through every item, never more than `lanes` at once, taking them in order', async () => {
    const started: number[] = [];
    let running = 0;
    let most = 0;
    await inLanes([1, 2, 3, 4, 5, 6, 7], 3, async (item) => {
      started.push(item);
      most = Math.max(most, ++running);
      await new Promise((resolve) => setTimeout(resolve, item % 3));
      running--;
    });
    expect(started).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(most).toBe(3);
  });

  it('passes on a failure', async () => {
    await expect(
      inLanes([1, 2], 2, async (item) => {
        if (item === 2) throw new Error('no');
      }),
    ).rejects.toThrow('no');
  });
});
