import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Authority, Organisation } from '@app/database/entities';
import { AppError } from '../app-error';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../clock';
import { newId } from '../ids';

@Injectable()
export class AuthorityService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** A new council, with itself as its first organisation. */
  async create(name: string, slug = slugify(name)): Promise<Authority> {
    if (await this.db.manager.findOneBy(Authority, { slug })) {
      throw new AppError('conflict', 'authority_exists', `An authority with the short name "${slug}" already exists`);
    }
    const now = this.clock.nowIso();
    const authority: Authority = { id: newId(), name: name.trim(), slug, createdAt: now };
    await this.db.transaction(async (tx) => {
      await tx.insert(Authority, authority);
      await tx.insert(Organisation, { id: newId(), authorityId: authority.id, name: authority.name, kind: 'council', createdAt: now });
      await this.audit.record(
        { authorityId: authority.id, entityType: 'authority', entityId: authority.id, event: 'authority_created', actorId: null, after: authority },
        tx,
      );
    });
    return authority;
  }

  list(): Promise<Authority[]> {
    return this.db.manager.find(Authority, { order: { name: 'ASC' } });
  }

  findBySlugOrId(key: string): Promise<Authority | null> {
    return this.db.manager.findOne(Authority, { where: [{ id: key }, { slug: key }] });
  }
}

export const slugify = (name: string) =>
  name
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
