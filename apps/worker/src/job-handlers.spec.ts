import { MetadataScanner, Reflector } from '@nestjs/core';
import { JobName, OnJob } from '@app/queue';
import { JobHandlers } from './job-handlers';

class Deliverer {
  @OnJob(JobName.ReminderDeliver)
  async deliver() {
    return 'done' as const;
  }
}

class BatchDeliverer {
  @OnJob(JobName.ReminderDeliverBatch)
  async deliverBatch() {
    return 'done' as const;
  }
}

class Reconciler {
  @OnJob(JobName.RemindersReconcile)
  async reconcile() {
    return 'done' as const;
  }
}

const handlersOf = (...instances: object[]) =>
  new JobHandlers({ getProviders: () => instances.map((instance) => ({ instance })) } as never, new MetadataScanner(), new Reflector());

describe('JobHandlers start-up check', () => {
  it('accepts exactly one handler per job and dispatches to it', async () => {
    const handlers = handlersOf(new Deliverer(), new BatchDeliverer(), new Reconciler());
    expect(() => handlers.load()).not.toThrow();
    await expect(handlers.handle({ name: JobName.ReminderDeliver, data: {}, attemptsMade: 0, opts: { attempts: 1 } } as never)).resolves.toBe('done');
  });

  it('refuses to start when a job has no handler', () => {
    expect(() => handlersOf(new Deliverer()).load()).toThrow('job "reminders-reconcile" has no handler');
  });

  it('refuses to start when a job has two handlers', () => {
    expect(() => handlersOf(new Deliverer(), new Deliverer(), new BatchDeliverer(), new Reconciler()).load()).toThrow(/job "reminder-deliver" has 2 handlers/);
  });
});
