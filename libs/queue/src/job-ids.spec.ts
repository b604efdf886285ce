import { jobId } from './job-ids';
import { JOB_OPTIONS, isFinalAttempt } from './job-options';
import { JOB_QUEUE, JobName } from './queue-names';
import { redisConnection } from './redis-connection';

describe('job ids', () => {
  it('derives a reminder job id from the row id, without a colon', () => {
    const id = jobId(JobName.ReminderDeliver, { reminderId: '5b0c6f1e-1111-4222-8333-444455556666' });
    expect(id).toBe('reminder-5b0c6f1e-1111-4222-8333-444455556666');
    expect(id).not.toContain(':');
  });

  it('derives a batch job id from its set of rows, in any order, without a colon', () => {
    const a = jobId(JobName.ReminderDeliverBatch, { reminderIds: ['r-1', 'r-2', 'r-3'] });
    expect(a).toMatch(/^reminder-batch-[0-9a-f]{32}$/);
    expect(jobId(JobName.ReminderDeliverBatch, { reminderIds: ['r-3', 'r-1', 'r-2'] })).toBe(a);
    expect(jobId(JobName.ReminderDeliverBatch, { reminderIds: ['r-1', 'r-2'] })).not.toBe(a);
  });

  it('gives the reconcile job one fixed id', () => {
    expect(jobId(JobName.RemindersReconcile, {})).toBe('reminders-reconcile');
  });
});

describe('job names and options', () => {
  it('keeps the released names', () => {
    expect(Object.values(JobName)).toEqual(['reminder-deliver', 'reminders-reconcile', 'reminder-deliver-batch']);
  });

  it.each(Object.values(JobName))('gives %s a queue and options', (name) => {
    expect(JOB_QUEUE[name]).toBeDefined();
    expect(JOB_OPTIONS[name].attempts).toBeGreaterThanOrEqual(1);
  });

  it('retries reminder delivery with exponential backoff and removes completed jobs', () => {
    expect(JOB_OPTIONS[JobName.ReminderDeliver]).toMatchObject({ backoff: { type: 'exponential' }, removeOnComplete: true });
    expect(JOB_OPTIONS[JobName.ReminderDeliverBatch]).toMatchObject({ backoff: { type: 'exponential' }, removeOnComplete: true });
  });

  it('knows the final attempt', () => {
    expect(isFinalAttempt({ attemptsMade: 3, opts: { attempts: 4 } })).toBe(true);
    expect(isFinalAttempt({ attemptsMade: 0, opts: { attempts: 4 } })).toBe(false);
  });
});

describe('redisConnection', () => {
  it('reads host, port, password and database, and never gives up on a request', () => {
    expect(redisConnection('redis://:s%40cret@cache.internal:6380/2')).toMatchObject({
      host: 'cache.internal',
      port: 6380,
      password: 's@cret',
      db: 2,
      maxRetriesPerRequest: null,
    });
  });

  it('uses TLS for rediss://', () => {
    expect(redisConnection('rediss://h').tls).toEqual({});
  });
});
