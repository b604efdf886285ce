import { Injectable } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { Job } from 'bullmq';
import { isFinalAttempt, JobName, JobStatus, ON_JOB } from '@app/queue';

export type JobHandler = (data: unknown, context: { finalAttempt: boolean; attemptsMade: number }) => Promise<JobStatus>;

/** Finds the service methods marked @OnJob; refuses to start unless every job has exactly one. */
@Injectable()
export class JobHandlers {
  private readonly handlers = new Map<JobName, JobHandler>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  /** Throws naming every job with no handler or more than one. */
  load(): void {
    const found = new Map<JobName, string[]>();
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object') continue;
      for (const method of this.scanner.getAllMethodNames(Object.getPrototypeOf(instance))) {
        const name = this.reflector.get<JobName | undefined>(ON_JOB, instance[method] as () => unknown);
        if (!name) continue;
        found.set(name, [...(found.get(name) ?? []), `${instance.constructor.name}.${method}`]);
        this.handlers.set(name, (instance[method] as JobHandler).bind(instance));
      }
    }
    const problems = Object.values(JobName).flatMap((name) => {
      const where = found.get(name) ?? [];
      if (where.length === 0) return [`job "${name}" has no handler`];
      return where.length > 1 ? [`job "${name}" has ${where.length} handlers: ${where.join(', ')}`] : [];
    });
    if (problems.length) throw new Error(`Job handlers are wrong: ${problems.join('; ')}`);
  }

  handle(job: Job): Promise<JobStatus> {
    const handler = this.handlers.get(job.name as JobName);
    if (!handler) throw new Error(`No handler for job "${job.name}"`);
    return handler(job.data, { finalAttempt: isFinalAttempt(job), attemptsMade: job.attemptsMade });
  }
}
