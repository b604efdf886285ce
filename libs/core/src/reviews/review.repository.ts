import { Injectable } from '@nestjs/common';
import { Action, DONE_STATUS_EVENT, DueDateChange, REACHED, Review, ReviewJudgement } from '@app/database/entities';
import { TenantRepositories, TenantRepository } from '@app/database/repositories/tenant-repository';
import { insertMany, runSql, selectEntities, selectEntity, updateRows } from '@app/database/sql';

/** What a review's pack reads of each of the plan's actions. */
export type PlanAction = Pick<Action, 'id' | 'ref' | 'title' | 'status' | 'dueDate' | 'atRisk' | 'ragOverride'> & { ownerName: string | null };
/** A review as a list shows it: without its frozen pack (some 24 KB of JSON a signed review). */
export type ReviewSummary = Omit<Review, 'frozen'>;
/** When a signed review was signed, and for which quarter. */
export type SignedReview = { quarter: string; signedAt: string };
export type FollowUpRow = {
  actionId: string;
  ref: string;
  title: string;
  ownerId: string | null;
  ownerName: string | null;
  dueDate: string | null;
  status: string;
};
/** An action that reached a status the pack counts (completed, verified) at least once in a quarter. */
export type StatusReached = { actionId: string; status: 'completed' | 'verified' };
export type BoardDecisionRow = { date: string; actionId: string; ref: string; title: string; kind: string; comment: string };

/** Reviews, their judgements and follow-ups, and what a pack reads about a plan, of one authority (fixed SQL). */
export class ReviewRepository extends TenantRepository {
  private scoped<T extends object>(params: T) {
    return { ...params, a: this.authorityId };
  }

  find(id: string): Promise<Review | null> {
    return selectEntity(this.manager, Review, 'SELECT * FROM "review" WHERE "id" = :id AND "authorityId" = :a', this.scoped({ id }));
  }

  findFor(planId: string, quarter: string): Promise<Review | null> {
    const text = 'SELECT * FROM "review" WHERE "planId" = :planId AND "quarter" = :quarter AND "authorityId" = :a';
    return selectEntity(this.manager, Review, text, this.scoped({ planId, quarter }));
  }

  /** The quarter and signing of the plan's latest signed review before the quarter (not its frozen pack). */
  async previousSigned(planId: string, quarter: string): Promise<SignedReview | null> {
    const text = `SELECT "quarter", "signedAt" FROM "review" WHERE "planId" = :planId AND "authorityId" = :a AND "status" = 'signed' AND "quarter" < :quarter
      ORDER BY "quarter" DESC LIMIT 1`;
    return ((await runSql(this.manager, text, this.scoped({ planId, quarter })))[0] as SignedReview | undefined) ?? null;
  }

  list(planId?: string): Promise<Review[]> {
    const plan = planId ? ' AND "planId" = :planId' : '';
    return selectEntities(this.manager, Review, `SELECT * FROM "review" WHERE "authorityId" = :a${plan} ORDER BY "quarter" DESC`, this.scoped({ planId }));
  }

  async summaries(planId?: string): Promise<ReviewSummary[]> {
    const plan = planId ? ' AND "planId" = :planId' : '';
    const text = `SELECT "id", "authorityId", "planId", "quarter", "status", "createdById", "createdAt", "signedById", "signedAt" FROM "review"
      WHERE "authorityId" = :a${plan} ORDER BY "quarter" DESC`;
    return (await runSql(this.manager, text, this.scoped({ planId }))) as ReviewSummary[];
  }

  async insert(review: Omit<Review, 'authorityId'>): Promise<Review> {
    const row = { ...review, authorityId: this.authorityId };
    await insertMany(this.manager, Review, [row]);
    return row;
  }

  /** Signs a draft; false when it was signed meanwhile. */
  async sign(id: string, signedById: string, signedAt: string, frozen: string): Promise<boolean> {
    const set = { status: 'signed', signedById, signedAt, frozen };
    return (await updateRows(this.manager, 'review', set, `"id" = :id AND "authorityId" = :a AND "status" = 'draft'`, this.scoped({ id }))) === 1;
  }

  judgements(reviewId: string): Promise<ReviewJudgement[]> {
    const text = 'SELECT * FROM "review_judgement" WHERE "reviewId" = :reviewId AND "authorityId" = :a ORDER BY "recordedAt", "area"';
    return selectEntities(this.manager, ReviewJudgement, text, this.scoped({ reviewId }));
  }

  /** Records the area's judgement, replacing an earlier one for the same area; returns the one replaced. */
  async judge(judgement: Omit<ReviewJudgement, 'authorityId'>): Promise<ReviewJudgement | null> {
    const where = '"reviewId" = :reviewId AND "area" = :area AND "authorityId" = :a';
    const params = this.scoped({ reviewId: judgement.reviewId, area: judgement.area });
    const earlier = await selectEntity(this.manager, ReviewJudgement, `SELECT * FROM "review_judgement" WHERE ${where}`, params);
    if (earlier) await runSql(this.manager, `DELETE FROM "review_judgement" WHERE ${where}`, params);
    await insertMany(this.manager, ReviewJudgement, [{ ...judgement, authorityId: this.authorityId }]);
    return earlier;
  }

  async addFollowUp(id: string, reviewId: string, actionId: string, createdAt: string): Promise<void> {
    await runSql(
      this.manager,
      'INSERT INTO "review_follow_up" ("id", "authorityId", "reviewId", "actionId", "createdAt") VALUES (:id, :a, :reviewId, :actionId, :createdAt)',
      this.scoped({ id, reviewId, actionId, createdAt }),
    );
  }

  async followUps(reviewId: string): Promise<FollowUpRow[]> {
    const text = `SELECT ac."id" AS "actionId", ac."ref", ac."title", ac."ownerId", u."displayName" AS "ownerName", ac."dueDate", ac."status"
      FROM "review_follow_up" f JOIN "action" ac ON ac."id" = f."actionId" LEFT JOIN "app_user" u ON u."id" = ac."ownerId"
      WHERE f."reviewId" = :reviewId AND f."authorityId" = :a ORDER BY f."createdAt", ac."ref"`;
    return (await runSql(this.manager, text, this.scoped({ reviewId }))) as FollowUpRow[];
  }

  /**
   * The plan's actions with their owners' names, and which of them reached completed or verified between
   * two instants (each action and status once), in one walk of the plan: each action's row, then the
   * audit trail's index of completions for it. Only an action changed since `from` is looked up there:
   * its `updatedAt` is the instant of its latest change, which the change's audit event carries too
   * (ActionService.mutate), so an action unchanged since then reached nothing after it.
   */
  async quarterActions(planId: string, from: string, to: string): Promise<{ actions: PlanAction[]; statusesReached: StatusReached[] }> {
    // 1: reached completed, 2: reached verified, 3: both, in the quarter.
    const reached = `SELECT SUM(DISTINCT CASE WHEN ${REACHED('verified')} THEN 2 ELSE 1 END) FROM "audit_event" e
      WHERE e."entityId" = ac."id" AND e."at" >= :from AND e."at" < :to AND ${DONE_STATUS_EVENT}`;
    const text = `SELECT ac."id", ac."ref", ac."title", ac."status", ac."dueDate", ac."atRisk", ac."ragOverride", u."displayName" AS "ownerName", CASE WHEN ac."updatedAt" >= :from THEN (${reached}) END AS "reached"
      FROM "action" ac LEFT JOIN "app_user" u ON u."id" = ac."ownerId"
      WHERE ac."planId" = :planId AND ac."authorityId" = :a ORDER BY LENGTH(ac."ref"), ac."ref"`;
    const rows = await runSql(this.manager, text, this.scoped({ planId, from, to }));
    const statusesReached: StatusReached[] = [];
    const actions = rows.map(({ reached: bits, ...r }) => {
      const mask = Number(bits ?? 0);
      if (mask & 1) statusesReached.push({ actionId: String(r.id), status: 'completed' });
      if (mask & 2) statusesReached.push({ actionId: String(r.id), status: 'verified' });
      return { ...r, atRisk: r.atRisk === true || r.atRisk === 1 } as PlanAction;
    });
    return { actions, statusesReached };
  }

  dueDateChanges(planId: string, from: string, to: string): Promise<DueDateChange[]> {
    const text = `SELECT d.* FROM "due_date_change" d JOIN "action" ac ON ac."id" = d."actionId"
      WHERE ac."planId" = :planId AND d."authorityId" = :a AND d."fromDate" IS NOT NULL AND d."createdAt" >= :from AND d."createdAt" < :to ORDER BY d."createdAt"`;
    return selectEntities(this.manager, DueDateChange, text, this.scoped({ planId, from, to }));
  }

  /** Decisions recorded at the plan's board meetings held between two dates. */
  async boardDecisions(planId: string, from: string, to: string): Promise<BoardDecisionRow[]> {
    const text = `SELECT m."date", ac."id" AS "actionId", ac."ref", ac."title", d."kind", d."comment" FROM "meeting_decision" d
      JOIN "meeting" m ON m."id" = d."meetingId" JOIN "action" ac ON ac."id" = d."actionId"
      WHERE m."planId" = :planId AND d."authorityId" = :a AND m."date" >= :from AND m."date" <= :to ORDER BY m."date", d."createdAt"`;
    return (await runSql(this.manager, text, this.scoped({ planId, from, to }))) as BoardDecisionRow[];
  }

  /** The areas the plan's inspection reports judged, then the plan's themes (the sections of the findings its actions answer), each in order. */
  async areas(planId: string): Promise<string[]> {
    const text = `SELECT 1 AS "part", j."area" AS "name" FROM "judgement" j JOIN "plan_document" pd ON pd."documentId" = j."documentId"
      WHERE pd."planId" = :planId AND j."authorityId" = :a
      UNION SELECT 2 AS "part", "section" AS "name" FROM "action_finding" WHERE "authorityId" = :a AND "planId" = :planId AND "section" <> ''
      ORDER BY "part", "name"`;
    return (await runSql(this.manager, text, this.scoped({ planId }))).map((r) => String(r.name));
  }
}

@Injectable()
export class ReviewRepositories extends TenantRepositories<ReviewRepository> {
  protected readonly make = ReviewRepository;
}
