import { Injectable } from '@nestjs/common';
import type { Role } from '@app/domain';
import { Membership } from '../entities';
import { insertMany, runSql, selectCount, selectEntity, SqlRow, updateRows } from '../sql';
import { TenantRepositories, TenantRepository } from './tenant-repository';

/** A member as every page names them: their account joined with their place in this authority. */
export interface MemberRow {
  id: string;
  email: string;
  displayName: string;
  accountActive: boolean;
  active: boolean;
  roles: Role[];
  managerId: string | null;
  organisationId: string | null;
}

const MEMBERS_SQL = `SELECT u."id", u."email", u."displayName", u."active" AS "accountActive", m."active", m."roles", m."managerId", m."organisationId"
  FROM "membership" m JOIN "app_user" u ON u."id" = m."userId"
  WHERE m."authorityId" = :a ORDER BY u."displayName" ASC`;

/** The names a page shows, of only the people and partner organisations on it. */
export interface PageNames {
  people: Map<string, string>;
  organisations: Map<string, string>;
  /** Whether someone here has the asked-about person as their line manager. */
  managesAnyone: boolean;
}

// The parts of the one names statement: a page asks for the parts it needs. Members who have left the
// council are not here, so the page says so; an account in another council is never named.
const NAMES_SQL = {
  person: `SELECT 'person' AS "kind", u."id", u."displayName" AS "name" FROM "membership" m JOIN "app_user" u ON u."id" = m."userId"
  WHERE m."authorityId" = :a AND m."userId" IN (:...people)`,
  organisation: `SELECT 'organisation' AS "kind", o."id", o."name" FROM "organisation" o WHERE o."authorityId" = :a AND o."id" IN (:...organisations)`,
  manages: `SELECT 'manages' AS "kind", x."id", NULL AS "name"
  FROM (SELECT m."userId" AS "id" FROM "membership" m WHERE m."authorityId" = :a AND m."managerId" = :managerId LIMIT 1) x`,
};

const truthy = (value: unknown) => value === true || value === 1;

const toMember = (r: SqlRow): MemberRow => ({
  id: r.id as string,
  email: r.email as string,
  displayName: r.displayName as string,
  accountActive: truthy(r.accountActive),
  active: truthy(r.active),
  roles: JSON.parse(r.roles as string) as Role[],
  managerId: r.managerId as string | null,
  organisationId: r.organisationId as string | null,
});

/** The people of one authority: their memberships (fixed SQL). Accounts themselves are AccountRepository's. */
export class PeopleRepository extends TenantRepository {
  /** Every page names people from this list, so it is one fixed query: a council can have hundreds. */
  async list(): Promise<MemberRow[]> {
    return (await runSql(this.manager, MEMBERS_SQL, { a: this.authorityId })).map(toMember);
  }

  /** Names for these ids only, in one statement (none when there is nothing to name); with `managerId`, whether they manage anyone. */
  async names(personIds: Iterable<string>, organisationIds: Iterable<string> = [], managerId?: string): Promise<PageNames> {
    const people = [...new Set(personIds)];
    const organisations = [...new Set(organisationIds)];
    const parts = [
      ...(people.length ? [NAMES_SQL.person] : []),
      ...(organisations.length ? [NAMES_SQL.organisation] : []),
      ...(managerId ? [NAMES_SQL.manages] : []),
    ];
    const names: PageNames = { people: new Map(), organisations: new Map(), managesAnyone: false };
    if (!parts.length) return names;
    const rows = await runSql(this.manager, parts.join(' UNION ALL '), { a: this.authorityId, people, organisations, managerId });
    for (const r of rows) {
      if (r.kind === 'person') names.people.set(r.id as string, r.name as string);
      else if (r.kind === 'organisation') names.organisations.set(r.id as string, r.name as string);
      else names.managesAnyone = true;
    }
    return names;
  }

  membership(userId: string): Promise<Membership | null> {
    return selectEntity(this.manager, Membership, 'SELECT * FROM "membership" WHERE "authorityId" = :a AND "userId" = :userId', {
      a: this.authorityId,
      userId,
    });
  }

  async isMember(userId: string): Promise<boolean> {
    const text = 'SELECT COUNT(*) AS "count" FROM "membership" WHERE "authorityId" = :a AND "userId" = :userId';
    return (await selectCount(this.manager, text, { a: this.authorityId, userId })) > 0;
  }

  /** The person's line manager here (escalations go to them), or null. The one place this is looked up. */
  async lineManagerOf(userId: string): Promise<string | null> {
    const [row] = await runSql(this.manager, 'SELECT "managerId" FROM "membership" WHERE "authorityId" = :a AND "userId" = :userId', {
      a: this.authorityId,
      userId,
    });
    return (row?.managerId as string | null | undefined) ?? null;
  }

  async insert(membership: Omit<Membership, 'authorityId'>): Promise<Membership> {
    const row = { ...membership, authorityId: this.authorityId };
    await insertMany(this.manager, Membership, [row]);
    return row;
  }

  async update(userId: string, changes: Partial<Pick<Membership, 'roles' | 'managerId' | 'organisationId' | 'active'>>): Promise<void> {
    const set: SqlRow = { ...changes };
    if (changes.roles) set.roles = JSON.stringify(changes.roles);
    // better-sqlite3 binds no booleans; PostgreSQL reads 1 and 0 as true and false.
    if (changes.active !== undefined) set.active = changes.active ? 1 : 0;
    if (Object.keys(set).length)
      await updateRows(this.manager, 'membership', set, '"authorityId" = :a AND "userId" = :userId', { a: this.authorityId, userId });
  }

  /** Takes the person out of this authority: their membership goes, and nobody here is managed by them any more. */
  async remove(userId: string): Promise<void> {
    const params = { a: this.authorityId, userId };
    await runSql(this.manager, 'DELETE FROM "membership" WHERE "authorityId" = :a AND "userId" = :userId', params);
    await updateRows(this.manager, 'membership', { managerId: null }, '"authorityId" = :a AND "managerId" = :userId', params);
  }
}

@Injectable()
export class PeopleRepositories extends TenantRepositories<PeopleRepository> {
  protected readonly make = PeopleRepository;
}
