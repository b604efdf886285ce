import { Injectable } from '@nestjs/common';
import { Organisation } from '../entities';
import { insertMany, runSql, selectCount } from '../sql';
import { TenantRepositories, TenantRepository } from './tenant-repository';

const LIST_SQL = 'SELECT "id", "authorityId", "name", "kind", "createdAt" FROM "organisation" WHERE "authorityId" = :a ORDER BY "name" ASC';

/** The council and its partner organisations (fixed SQL, plain rows: every column is text). */
export class OrganisationRepository extends TenantRepository {
  async list(): Promise<Organisation[]> {
    return (await runSql(this.manager, LIST_SQL, { a: this.authorityId })) as unknown as Organisation[];
  }

  async exists(id: string): Promise<boolean> {
    const text = 'SELECT COUNT(*) AS "count" FROM "organisation" WHERE "authorityId" = :a AND "id" = :id';
    return (await selectCount(this.manager, text, { a: this.authorityId, id })) > 0;
  }

  async nameTaken(name: string): Promise<boolean> {
    const text = 'SELECT COUNT(*) AS "count" FROM "organisation" WHERE "authorityId" = :a AND "name" = :name';
    return (await selectCount(this.manager, text, { a: this.authorityId, name })) > 0;
  }

  async insert(organisation: Omit<Organisation, 'authorityId'>): Promise<Organisation> {
    const row = { ...organisation, authorityId: this.authorityId };
    await insertMany(this.manager, Organisation, [row]);
    return row;
  }
}

@Injectable()
export class OrganisationRepositories extends TenantRepositories<OrganisationRepository> {
  protected readonly make = OrganisationRepository;
}
