import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Organisation } from '@app/database/entities';
import { AppError } from '../app-error';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../clock';
import { newId } from '../ids';
import { Actor } from '../request-context';

export const ORGANISATION_KINDS = ['council', 'nhs', 'police', 'education', 'voluntary', 'other'] as const;

/** The council and its partners (an NHS trust, the police, schools), who may own actions. */
@Injectable()
export class OrganisationService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor, name: string, kind: string) {
    if (await this.db.manager.existsBy(Organisation, { authorityId: actor.authorityId, name: name.trim() })) {
      throw new AppError('conflict', 'organisation_exists', `An organisation called "${name.trim()}" already exists`);
    }
    const organisation: Organisation = { id: newId(), authorityId: actor.authorityId, name: name.trim(), kind, createdAt: this.clock.nowIso() };
    await this.db.transaction(async (tx) => {
      await tx.insert(Organisation, organisation);
      await this.audit.record(
        {
          authorityId: actor.authorityId,
          entityType: 'organisation',
          entityId: organisation.id,
          event: 'organisation_created',
          actorId: actor.userId,
          after: organisation,
        },
        tx,
      );
    });
    return organisation;
  }

  list(authorityId: string) {
    return this.db.manager.find(Organisation, { where: { authorityId }, order: { name: 'ASC' } });
  }
}
