import { Column, Entity, Index } from 'typeorm';
import type { MeasureUnit, Polarity, Rollup } from '@app/domain';
import { IdColumn, InstantColumn, RefColumn, References, TextColumn } from './columns';
import { Action } from './action.entity';
import { Authority } from './authority.entity';
import { Plan } from './plan.entity';
import { User } from './user.entity';

/** A performance measure the commissioners watch (e.g. re-referrals within 12 months, %, lower is better). */
@Entity('measure')
@Index('ux_measure_name', ['authorityId', 'name'], { unique: true })
export class Measure {
  @IdColumn() id: string;
  @RefColumn() @References(() => Authority) authorityId: string;
  @TextColumn(300) name: string;
  @TextColumn(10) unit: MeasureUnit;
  @TextColumn(10) polarity: Polarity;
  @Column({ type: 'double precision', nullable: true }) target: number | null;
  @Column({ type: 'double precision', nullable: true }) bandLow: number | null;
  @Column({ type: 'double precision', nullable: true }) bandHigh: number | null;
  @Column({ type: 'double precision', nullable: true }) tolerance: number | null;
  /** How monthly values make the quarter's: the last month's, their sum or their average. */
  @TextColumn(10, { default: 'last' }) rollup: Rollup;
  /** Who enters the quarter's value and commentary. */
  @RefColumn({ nullable: true }) @References(() => User, 'SET NULL') ownerId: string | null;
  @InstantColumn() createdAt: string;
}

/**
 * A measure's value for a quarter or a month, with who entered it and when. A correction adds a new
 * row with its reason and marks the old one replaced: nothing entered is ever lost.
 */
@Entity('measure_value')
@Index('ix_measure_value_measure', ['measureId', 'period'])
@Index('ux_measure_value_current', ['measureId', 'period'], { unique: true, where: '"replacedAt" IS NULL' })
export class MeasureValue {
  @IdColumn() id: string;
  @RefColumn() @References(() => Authority) authorityId: string;
  @RefColumn() @References(() => Measure, 'CASCADE') measureId: string;
  /** "2026/27 Q3", or a month "2026-11". */
  @TextColumn(10) period: string;
  /** The financial-year quarter the period falls in. */
  @TextColumn(10) quarter: string;
  @Column({ type: 'double precision' }) value: number;
  @Column({ type: 'double precision', nullable: true }) national: number | null;
  @Column({ type: 'double precision', nullable: true }) comparator: number | null;
  @TextColumn(2000, { nullable: true }) commentary: string | null;
  /** Why a stored value was corrected (null for a first value). */
  @TextColumn(1000, { nullable: true }) reason: string | null;
  @Column({ type: 'double precision', nullable: true }) supersededValue: number | null;
  @RefColumn() @References(() => User) enteredById: string;
  @InstantColumn() enteredAt: string;
  @InstantColumn({ nullable: true }) replacedAt: string | null;
}

/** The measures an action should move. Each link holds its action's plan (which never changes), so a plan's measures are read from its links alone. */
@Entity('action_measure')
@Index('ux_action_measure', ['actionId', 'measureId'], { unique: true })
@Index('ix_action_measure_measure', ['measureId'])
@Index('ix_action_measure_plan', ['authorityId', 'planId', 'measureId'])
export class ActionMeasure {
  @IdColumn() id: string;
  @RefColumn() @References(() => Authority) authorityId: string;
  @RefColumn() @References(() => Action, 'CASCADE') actionId: string;
  @RefColumn() @References(() => Measure, 'CASCADE') measureId: string;
  @RefColumn() @References(() => Plan) planId: string;
}
