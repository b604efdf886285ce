import { SetMetadata } from '@nestjs/common';
import { JobName } from './queue-names';

export const ON_JOB = Symbol('ON_JOB');

/** Marks a service method as the handler of a job; the worker checks every job has exactly one. */
export const OnJob = (name: JobName) => SetMetadata(ON_JOB, name);
