import { Column, Entity, Index } from 'typeorm';
import { DateColumn, IdColumn, InstantColumn, RefColumn, TextColumn } from './columns';

@Entity('improvement_plan')
@Index('ix_plan_authority', ['authorityId', 'status'])
export class Plan {
  @IdColumn() id: string;
  @RefColumn() authorityId: string;
  @RefColumn() boardId: string;
  @TextColumn(300) title: string;
  @TextColumn(10) status: 'draft' | 'active' | 'closed';
  @DateColumn() startDate: string;
  @Column({ type: 'integer' }) immediateWindowDays: number;
  @Column({ type: 'integer' }) defaultHorizonMonths: number;
  @Column({ type: 'integer' }) warningWindowDays: number;
  @Column({ type: 'boolean' }) moveOffNonWorkingDays: boolean;
  @RefColumn({ nullable: true }) predecessorId: string | null;
  @Column({ type: 'integer' }) version: number;
  @InstantColumn() createdAt: string;
  @InstantColumn() updatedAt: string;
}

@Entity('plan_document')
@Index('ux_plan_document', ['planId', 'documentId'], { unique: true })
export class PlanDocument {
  @IdColumn() id: string;
  @RefColumn() authorityId: string;
  @RefColumn() planId: string;
  @RefColumn() documentId: string;
}
