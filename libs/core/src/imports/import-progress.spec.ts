import { ImportProgress, tracked } from './import-progress';

describe('the progress of an import, for the page that started it', () => {
  const me = { userId: 'u1', authorityId: 'a1', roles: ['board_member' as const] };
  const id = '0b6f3c1e-2a4d-4c8e-9f10-123456789abc';

  it('tells the person who started it the pages read so far, then that it is done', async () => {
    const progress = new ImportProgress();
    const tracker = progress.start(me, id, 'pages');
    expect(progress.get(me, id)).toEqual({ id, stage: 'reading', done: 0, total: null, unit: 'pages' });
    await tracked(tracker, async () => {
      tracker.onProgress(1, 3);
      tracker.onProgress(2, 3);
      expect(progress.get(me, id)).toMatchObject({ stage: 'reading', done: 2, total: 3 });
      tracker.onProgress(3, 3);
    });
    expect(progress.get(me, id)).toMatchObject({ stage: 'done', done: 3, total: 3 });
  });

  it('says a failed import failed, and the rows of a tracker are being stored', async () => {
    const progress = new ImportProgress();
    const tracker = progress.start(me, id, 'rows');
    tracker.onProgress(4, 10);
    expect(progress.get(me, id)).toMatchObject({ stage: 'storing', done: 4, total: 10, unit: 'rows' });
    await expect(tracked(tracker, () => Promise.reject(new Error('bad row')))).rejects.toThrow('bad row');
    expect(progress.get(me, id)?.stage).toBe('failed');
  });

  it('tells nobody else, in the council or outside it, and takes no id that is not a fresh UUID', () => {
    const progress = new ImportProgress();
    progress.start(me, id, 'pages').onProgress(1, 2);
    expect(progress.get({ ...me, userId: 'u2' }, id)).toBeNull();
    expect(progress.get({ ...me, authorityId: 'a2' }, id)).toBeNull();
    // Someone else naming the same id neither takes it over nor changes it.
    progress.start({ ...me, userId: 'u2' }, id, 'pages').onProgress(2, 2);
    expect(progress.get(me, id)).toMatchObject({ done: 1, total: 2 });
    progress.start(me, 'not-a-uuid', 'pages').onProgress(1, 1);
    expect(progress.get(me, 'not-a-uuid')).toBeNull();
  });

  it('forgets an import a quarter of an hour after its last news', () => {
    jest.useFakeTimers({ now: new Date('2026-12-04T10:00:00Z') });
    try {
      const progress = new ImportProgress();
      progress.start(me, id, 'pages').onProgress(1, 1);
      jest.setSystemTime(new Date('2026-12-04T10:14:00Z'));
      expect(progress.get(me, id)).not.toBeNull();
      jest.setSystemTime(new Date('2026-12-04T10:16:00Z'));
      expect(progress.get(me, id)).toBeNull();
    } finally {
      jest.useRealTimers();
    }
  });
});
