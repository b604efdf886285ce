import { Injectable } from '@nestjs/common';
import { Organisation } from '../entities';
import { TenantRepositories, TenantRepository } from './tenant-repository';

/** The council and its partner organisations (TypeORM finders). */
export class OrganisationRepository extends TenantRepository {
  list(): Promise<Organisation[]> {
    return this.manager.find(Organisation, { where: { authorityId: this.authorityId }, order: { name: 'ASC' } });
  }

  exists(id: string): Promise<boolean> {
    return this.manager.existsBy(Organisation, { id, authorityId: this.authorityId });
  }

  nameTaken(name: string): Promise<boolean> {
    return this.manager.existsBy(Organisation, { authorityId: this.authorityId, name });
  }

  async insert(organisation: Omit<Organisation, 'authorityId'>): Promise<Organisation> {
    const row = { ...organisation, authorityId: this.authorityId };
    await this.manager.insert(Organisation, row);
    return row;
  }
}

@Injectable()
export class OrganisationRepositories extends TenantRepositories<OrganisationRepository> {
  protected readonly make = OrganisationRepository;
}
