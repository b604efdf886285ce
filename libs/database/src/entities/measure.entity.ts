import { Column, Entity, Index } from 'typeorm';
import { IdColumn, InstantColumn, RefColumn, References, TextColumn } from './columns';
import { Action } from './action.entity';
import { Authority } from './authority.entity';

/** A performance measure the commissioners watch (e.g. re-referrals within 12 months, %, lower is better). */
@Entity('measure')
@Index('ux_measure_name', ['authorityId', 'name'], { unique: true })
export class Measure {
  @IdColumn() id: string;
  @RefColumn() @References(() => Authority) authorityId: string;
  @TextColumn(300) name: string;
  @TextColumn(10) unit: 'percent' | 'count' | 'days';
  @TextColumn(10) polarity: 'higher' | 'lower' | 'band';
  @Column({ type: 'double precision', nullable: true }) target: number | null;
  @Column({ type: 'double precision', nullable: true }) bandLow: number | null;
  @Column({ type: 'double precision', nullable: true }) bandHigh: number | null;
  @Column({ type: 'double precision', nullable: true }) tolerance: number | null;
  @InstantColumn() createdAt: string;
}

/** The measures an action should move. */
@Entity('action_measure')
@Index('ux_action_measure', ['actionId', 'measureId'], { unique: true })
@Index('ix_action_measure_measure', ['measureId'])
export class ActionMeasure {
  @IdColumn() id: string;
  @RefColumn() @References(() => Authority) authorityId: string;
  @RefColumn() @References(() => Action, 'CASCADE') actionId: string;
  @RefColumn() @References(() => Measure, 'CASCADE') measureId: string;
}
