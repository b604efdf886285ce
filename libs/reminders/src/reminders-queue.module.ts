import { DynamicModule, Module } from '@nestjs/common';
import { ReminderReconciler } from './reconciler.service';

/** The reconciler, which needs BullMQ: import QueueModule.forRoot() alongside, and pass the app's RemindersModule. */
@Module({})
export class RemindersQueueModule {
  static forRoot(reminders: DynamicModule): DynamicModule {
    return { module: RemindersQueueModule, imports: [reminders], providers: [ReminderReconciler], exports: [ReminderReconciler] };
  }
}
