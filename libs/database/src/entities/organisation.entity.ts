import { Entity, Index } from 'typeorm';
import type { OrganisationKind } from '@app/domain';
import { IdColumn, InstantColumn, RefColumn, References, TextColumn } from './columns';
import { Authority } from './authority.entity';

/** The council itself or one of its partners (an NHS trust, the police, a school). */
@Entity('organisation')
@Index('ux_organisation_name', ['authorityId', 'name'], { unique: true })
export class Organisation {
  @IdColumn() id: string;
  @RefColumn() @References(() => Authority) authorityId: string;
  @TextColumn(200) name: string;
  @TextColumn(30) kind: OrganisationKind;
  @InstantColumn() createdAt: string;
}
