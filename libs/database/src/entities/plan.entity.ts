import { Column, Entity, Index } from 'typeorm';
import { DateColumn, IdColumn, InstantColumn, RefColumn, References, TextColumn } from './columns';
import { Authority } from './authority.entity';
import { Board } from './board.entity';
import { SourceDocument } from './source-document.entity';

@Entity('improvement_plan')
@Index('ix_plan_authority', ['authorityId', 'status'])
export class Plan {
  @IdColumn() id: string;
  @RefColumn() @References(() => Authority) authorityId: string;
  @RefColumn() @References(() => Board) boardId: string;
  @TextColumn(300) title: string;
  @TextColumn(10) status: 'draft' | 'active' | 'closed';
  @DateColumn() startDate: string;
  @Column({ type: 'integer' }) immediateWindowDays: number;
  @Column({ type: 'integer' }) defaultHorizonMonths: number;
  @Column({ type: 'integer' }) warningWindowDays: number;
  @Column({ type: 'boolean' }) moveOffNonWorkingDays: boolean;
  @RefColumn({ nullable: true }) @References(() => Plan, 'SET NULL') predecessorId: string | null;
  @Column({ type: 'integer' }) version: number;
  @InstantColumn() createdAt: string;
  @InstantColumn() updatedAt: string;
}

@Entity('plan_document')
@Index('ux_plan_document', ['planId', 'documentId'], { unique: true })
export class PlanDocument {
  @IdColumn() id: string;
  @RefColumn() @References(() => Authority) authorityId: string;
  @RefColumn() @References(() => Plan, 'CASCADE') planId: string;
  @RefColumn() @References(() => SourceDocument) documentId: string;
}
