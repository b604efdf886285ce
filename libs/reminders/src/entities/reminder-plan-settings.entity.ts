import { Column, Entity, Index } from 'typeorm';
import { IdColumn, InstantColumn, RefColumn, References } from '@app/database/entities/columns';
import { Authority, Plan } from '@app/database/entities';
import type { ReminderRules } from '../reminder-rules';

/** A plan's reminder rules; a plan without a row uses the defaults. */
@Entity('reminder_plan_settings')
@Index('ux_reminder_plan_settings_plan', ['planId'], { unique: true })
export class ReminderPlanSettings {
  @IdColumn() id: string;
  @RefColumn() @References(() => Authority) authorityId: string;
  @RefColumn() @References(() => Plan, 'CASCADE') planId: string;
  @Column({ type: 'simple-json' }) rules: ReminderRules;
  @InstantColumn() updatedAt: string;
}
