import { Injectable } from '@nestjs/common';
import { Measure } from '../entities';
import { insertMany, runSql, selectCount, selectEntities, selectEntity, updateRows } from '../sql';
import { TenantRepositories, TenantRepository } from './tenant-repository';

/** Performance measures and the actions linked to them (fixed SQL). */
export class MeasureRepository extends TenantRepository {
  list(): Promise<Measure[]> {
    return selectEntities(this.manager, Measure, 'SELECT * FROM "measure" WHERE "authorityId" = :a ORDER BY "name" ASC', { a: this.authorityId });
  }

  forAction(actionId: string): Promise<Measure[]> {
    const text = `SELECT m.* FROM "measure" m JOIN "action_measure" am ON am."measureId" = m."id" AND am."actionId" = :actionId
      WHERE m."authorityId" = :a ORDER BY m."name" ASC`;
    return selectEntities(this.manager, Measure, text, { a: this.authorityId, actionId });
  }

  async nameTaken(name: string): Promise<boolean> {
    return (
      (await selectCount(this.manager, 'SELECT COUNT(*) AS "count" FROM "measure" WHERE "authorityId" = :a AND "name" = :name', {
        a: this.authorityId,
        name,
      })) > 0
    );
  }

  async exists(id: string): Promise<boolean> {
    return (
      (await selectCount(this.manager, 'SELECT COUNT(*) AS "count" FROM "measure" WHERE "authorityId" = :a AND "id" = :id', { a: this.authorityId, id })) > 0
    );
  }

  /** Whether the action is this authority's, before it is linked. */
  async actionExists(actionId: string): Promise<boolean> {
    return (
      (await selectCount(this.manager, 'SELECT COUNT(*) AS "count" FROM "action" WHERE "authorityId" = :a AND "id" = :id', {
        a: this.authorityId,
        id: actionId,
      })) > 0
    );
  }

  find(id: string): Promise<Measure | null> {
    return selectEntity(this.manager, Measure, 'SELECT * FROM "measure" WHERE "authorityId" = :a AND "id" = :id', { a: this.authorityId, id });
  }

  async setOwner(id: string, ownerId: string | null): Promise<void> {
    await updateRows(this.manager, 'measure', { ownerId }, '"id" = :id AND "authorityId" = :a', { id, a: this.authorityId });
  }

  async insert(measure: Omit<Measure, 'authorityId'>): Promise<Measure> {
    const row = { ...measure, authorityId: this.authorityId };
    await insertMany(this.manager, Measure, [row]);
    return row;
  }

  /** Links or unlinks; true when that changed anything. */
  async link(id: string, actionId: string, measureId: string, linked: boolean): Promise<boolean> {
    const params = { a: this.authorityId, actionId, measureId };
    const where = '"authorityId" = :a AND "actionId" = :actionId AND "measureId" = :measureId';
    const wasLinked = (await selectCount(this.manager, `SELECT COUNT(*) AS "count" FROM "action_measure" WHERE ${where}`, params)) > 0;
    if (linked === wasLinked) return false;
    // The link keeps its action's plan (see ActionMeasure).
    const link = `INSERT INTO "action_measure" ("id", "authorityId", "actionId", "measureId", "planId")
      SELECT :id, "authorityId", "id", :measureId, "planId" FROM "action" WHERE "id" = :actionId AND "authorityId" = :a`;
    if (linked) await runSql(this.manager, link, { ...params, id });
    else await runSql(this.manager, `DELETE FROM "action_measure" WHERE ${where}`, params);
    return true;
  }
}

@Injectable()
export class MeasureRepositories extends TenantRepositories<MeasureRepository> {
  protected readonly make = MeasureRepository;
}
