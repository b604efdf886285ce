import { Column, Entity, Index } from 'typeorm';
import type { Timescale } from '@app/domain';
import { DateColumn, IdColumn, InstantColumn, RefColumn, References, TextColumn } from './columns';
import { Authority } from './authority.entity';

/** An inspection report, letter or paper that findings come from. */
@Entity('source_document')
@Index('ux_document_hash', ['authorityId', 'contentHash'], { unique: true })
export class SourceDocument {
  @IdColumn() id: string;
  @RefColumn() @References(() => Authority) authorityId: string;
  @TextColumn(300) title: string;
  @TextColumn(80) kind: string;
  @Column({ type: 'simple-json' }) inspectorates: string[];
  @DateColumn({ nullable: true }) inspectionStart: string | null;
  @DateColumn({ nullable: true }) inspectionEnd: string | null;
  @DateColumn({ nullable: true }) publishedOn: string | null;
  @TextColumn(64, { nullable: true }) contentHash: string | null;
  @Column({ type: 'text', nullable: true }) body: string | null;
  /** No foreign key: the command line's imports name the operator ('cli', 'demo-seed'), not a person. */
  @RefColumn({ nullable: true }) createdById: string | null;
  @InstantColumn() createdAt: string;
}

/** An inspector's grade for an area, stored with the scale it is on (scales differ by framework). */
@Entity('judgement')
@Index('ix_judgement_document', ['documentId'])
export class Judgement {
  @IdColumn() id: string;
  @RefColumn() @References(() => Authority) authorityId: string;
  @RefColumn() @References(() => SourceDocument, 'CASCADE') documentId: string;
  @TextColumn(300) area: string;
  @Column({ type: 'integer' }) grade: number;
  @TextColumn(100, { nullable: true }) label: string | null;
  @TextColumn(60) scale: string;
}

/** Something the document asks the authority (or a partner) to act on. */
@Entity('finding')
@Index('ix_finding_document', ['documentId', 'position'])
export class Finding {
  @IdColumn() id: string;
  @RefColumn() @References(() => Authority) authorityId: string;
  @RefColumn() @References(() => SourceDocument, 'CASCADE') documentId: string;
  @TextColumn(300) section: string;
  @TextColumn(20) timescale: Timescale;
  @Column({ type: 'text' }) text: string;
  @TextColumn(300, { nullable: true }) ownerOrg: string | null;
  @Column({ type: 'integer', nullable: true }) lineStart: number | null;
  @Column({ type: 'integer', nullable: true }) lineEnd: number | null;
  @Column({ type: 'integer' }) position: number;
}
