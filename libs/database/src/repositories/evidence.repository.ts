import { Injectable } from '@nestjs/common';
import { Evidence } from '../entities';
import { TenantRepositories, TenantRepository } from './tenant-repository';

/** Reading an action's evidence (TypeORM finders); evidence is added through the action's repository, with the action's version. */
export class EvidenceRepository extends TenantRepository {
  get(actionId: string, id: string): Promise<Evidence | null> {
    return this.manager.findOneBy(Evidence, { id, actionId, authorityId: this.authorityId });
  }
}

@Injectable()
export class EvidenceRepositories extends TenantRepositories<EvidenceRepository> {
  protected readonly make = EvidenceRepository;
}
