import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditEvent } from '../entities';
import { insertMany, runSql, selectEntities } from '../sql';
import { TenantRepositories, TenantRepository } from './tenant-repository';

/** One authority's audit trail, read (fixed SQL: the timeline is a hot route). */
export class AuditRepository extends TenantRepository {
  /** An entity's history, oldest first. */
  timeline(entityType: string, entityId: string): Promise<AuditEvent[]> {
    const text = 'SELECT * FROM "audit_event" WHERE "authorityId" = :a AND "entityType" = :entityType AND "entityId" = :entityId ORDER BY "seq" ASC';
    return selectEntities(this.manager, AuditEvent, text, { a: this.authorityId, entityType, entityId });
  }
}

@Injectable()
export class AuditRepositories extends TenantRepositories<AuditRepository> {
  protected readonly make = AuditRepository;

  /** Appends events, in order, through `manager`. Events need not belong to an authority (an operator's act, a sign-in attempt), so this is not bound to one. */
  async appendMany(manager: EntityManager, events: Omit<AuditEvent, 'seq'>[]): Promise<void> {
    await insertMany(manager, AuditEvent, events as AuditEvent[]);
  }

  /** Deletes events of the given kinds recorded before `before`; the only deletion the trail allows (retention of noise). */
  async deleteBefore(manager: EntityManager, events: readonly string[], before: string): Promise<number> {
    const count = await runSql(manager, 'SELECT COUNT(*) AS "n" FROM "audit_event" WHERE "event" IN (:...events) AND "at" < :before', { events, before });
    await runSql(manager, 'DELETE FROM "audit_event" WHERE "event" IN (:...events) AND "at" < :before', { events, before });
    return Number(count[0].n);
  }
}
