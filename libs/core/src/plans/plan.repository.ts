import { Injectable } from '@nestjs/common';
import { Finding, Plan, PlanDocument, SourceDocument } from '@app/database/entities';
import { TenantRepository } from '@app/database/repositories/tenant-repository';
import { insertMany, isPostgres, runSql, selectEntities, selectEntity, updateRows } from '@app/database/sql';
import { Transactions } from '@app/database/transactions';

/** Makes the plan repository of one authority. */
@Injectable()
export class PlanRepositories {
  constructor(private readonly transactions: Transactions) {}
  for(authorityId: string): PlanRepository {
    return new PlanRepository(authorityId, this.transactions);
  }
}

/** Improvement plans of one authority and their links to source documents, in fixed SQL, every query scoped. */
export class PlanRepository extends TenantRepository {
  find(id: string): Promise<Plan | null> {
    return selectEntity(this.manager, Plan, 'SELECT * FROM "improvement_plan" WHERE "id" = :id AND "authorityId" = :authorityId', this.scoped({ id }));
  }

  findMany(ids: string[]): Promise<Plan[]> {
    if (!ids.length) return Promise.resolve([]);
    const sql = 'SELECT * FROM "improvement_plan" WHERE "id" IN (:...ids) AND "authorityId" = :authorityId';
    return selectEntities(this.manager, Plan, sql, this.scoped({ ids: [...new Set(ids)] }));
  }

  list(): Promise<Plan[]> {
    return selectEntities(this.manager, Plan, 'SELECT * FROM "improvement_plan" WHERE "authorityId" = :authorityId ORDER BY "createdAt" DESC', this.scoped({}));
  }

  /**
   * Holds the plan's row until the transaction ends, so changes to its set of actions (the next ref)
   * take turns. PostgreSQL only: SQLite's write transactions are serialised already.
   */
  async lock(id: string): Promise<void> {
    if (!isPostgres(this.manager)) return;
    await runSql(this.manager, 'SELECT 1 FROM "improvement_plan" WHERE "id" = :id AND "authorityId" = :authorityId FOR UPDATE', this.scoped({ id }));
  }

  insert(plan: Plan): Promise<void> {
    return insertMany(this.manager, Plan, [{ ...plan, authorityId: this.authorityId }]);
  }

  /** Writes the plan's fields if it is still at `version`; false when someone else changed it first. */
  async updateVersioned(plan: Plan, version: number): Promise<boolean> {
    const { id: _id, authorityId: _authorityId, ...fields } = plan;
    const where = '"id" = :id AND "authorityId" = :authorityId AND "version" = :version';
    return (await updateRows(this.manager, 'improvement_plan', fields, where, this.scoped({ id: plan.id, version }))) > 0;
  }

  async setPredecessor(id: string, predecessorId: string): Promise<void> {
    await updateRows(this.manager, 'improvement_plan', { predecessorId }, '"id" = :id AND "authorityId" = :authorityId', this.scoped({ id }));
  }

  async boardExists(boardId: string): Promise<boolean> {
    return (await runSql(this.manager, 'SELECT 1 FROM "board" WHERE "id" = :boardId AND "authorityId" = :authorityId', this.scoped({ boardId }))).length > 0;
  }

  documents(ids: string[]): Promise<SourceDocument[]> {
    if (!ids.length) return Promise.resolve([]);
    const sql = 'SELECT * FROM "source_document" WHERE "id" IN (:...ids) AND "authorityId" = :authorityId';
    return selectEntities(this.manager, SourceDocument, sql, this.scoped({ ids }));
  }

  linkDocuments(links: PlanDocument[]): Promise<void> {
    return insertMany(
      this.manager,
      PlanDocument,
      links.map((l) => ({ ...l, authorityId: this.authorityId })),
    );
  }

  /** The findings of the plan's documents, in document order. */
  findings(planId: string): Promise<Finding[]> {
    const sql =
      'SELECT f.* FROM "finding" f JOIN "plan_document" d ON d."documentId" = f."documentId" AND d."authorityId" = f."authorityId" ' +
      'WHERE d."planId" = :planId AND d."authorityId" = :authorityId ORDER BY f."documentId", f."position"';
    return selectEntities(this.manager, Finding, sql, this.scoped({ planId }));
  }

  private scoped<T extends object>(params: T): T & { authorityId: string } {
    return { ...params, authorityId: this.authorityId };
  }
}
