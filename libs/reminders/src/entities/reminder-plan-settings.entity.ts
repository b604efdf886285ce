import { Column, Entity, Index } from 'typeorm';
import { IdColumn, InstantColumn, RefColumn } from '@app/database/entities/columns';
import type { ReminderRules } from '../reminder-rules';

/** A plan's reminder rules; a plan without a row uses the defaults. */
@Entity('reminder_plan_settings')
@Index('ux_reminder_plan_settings_plan', ['planId'], { unique: true })
export class ReminderPlanSettings {
  @IdColumn() id: string;
  @RefColumn() authorityId: string;
  @RefColumn() planId: string;
  @Column({ type: 'simple-json' }) rules: ReminderRules;
  @InstantColumn() updatedAt: string;
}
