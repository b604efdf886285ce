import { Injectable } from '@nestjs/common';
import { Authority } from '@app/database/entities';
import { AuthorityRepository } from '@app/database/repositories/authority.repository';
import { OrganisationRepositories } from '@app/database/repositories/organisation.repository';
import { Transactions } from '@app/database/transactions';
import { AppError } from '../app-error';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../clock';
import { newId } from '../ids';

@Injectable()
export class AuthorityService {
  constructor(
    private readonly transactions: Transactions,
    private readonly authorities: AuthorityRepository,
    private readonly organisations: OrganisationRepositories,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** A new council, with itself as its first organisation. */
  async create(name: string, slug = slugify(name)): Promise<Authority> {
    return this.transactions.run(async () => {
      if (await this.authorities.slugTaken(slug))
        throw new AppError('conflict', 'authority_exists', `An authority with the short name "${slug}" already exists`);
      const now = this.clock.nowIso();
      const authority: Authority = { id: newId(), name: name.trim(), slug, createdAt: now };
      await this.authorities.insert(authority);
      await this.organisations.for(authority.id).insert({ id: newId(), name: authority.name, kind: 'council', createdAt: now });
      await this.audit.record({
        authorityId: authority.id,
        entityType: 'authority',
        entityId: authority.id,
        event: 'authority_created',
        actorId: null,
        after: authority,
      });
      return authority;
    });
  }

  list(): Promise<Authority[]> {
    return this.authorities.list();
  }

  findBySlugOrId(key: string): Promise<Authority | null> {
    return this.authorities.bySlugOrId(key);
  }
}

export const slugify = (name: string) =>
  name
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
