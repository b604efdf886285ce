import { Entity } from 'typeorm';
import { IdColumn, InstantColumn, TextColumn } from './columns';

/** A tenant: one council. Nobody sees another authority's data. */
@Entity('authority')
export class Authority {
  @IdColumn() id: string;
  @TextColumn(200) name: string;
  @TextColumn(80, { unique: true }) slug: string;
  @InstantColumn() createdAt: string;
}
