import { Injectable } from '@nestjs/common';
import { OrganisationRepositories } from '@app/database/repositories/organisation.repository';
import { Transactions } from '@app/database/transactions';
import { OrganisationKind } from '@app/domain';
import { AppError } from '../app-error';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../clock';
import { newId } from '../ids';
import { Actor } from '../request-context';

/** The council and its partners (an NHS trust, the police, schools), who may own actions. */
@Injectable()
export class OrganisationService {
  constructor(
    private readonly transactions: Transactions,
    private readonly organisations: OrganisationRepositories,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor, name: string, kind: OrganisationKind) {
    const organisations = this.organisations.for(actor.authorityId);
    return this.transactions.run(async () => {
      if (await organisations.nameTaken(name.trim()))
        throw new AppError('conflict', 'organisation_exists', `An organisation called "${name.trim()}" already exists`);
      const organisation = await organisations.insert({ id: newId(), name: name.trim(), kind, createdAt: this.clock.nowIso() });
      await this.audit.record({
        authorityId: actor.authorityId,
        entityType: 'organisation',
        entityId: organisation.id,
        event: 'organisation_created',
        actorId: actor.userId,
        after: organisation,
      });
      return organisation;
    });
  }

  list(authorityId: string) {
    return this.organisations.for(authorityId).list();
  }
}
