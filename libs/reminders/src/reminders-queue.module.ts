import { Module } from '@nestjs/common';
import { ReminderReconciler } from './reconciler.service';

/** The reconciler, which needs BullMQ: import QueueModule.forRoot() and RemindersModule alongside. */
@Module({ providers: [ReminderReconciler], exports: [ReminderReconciler] })
export class RemindersQueueModule {}
