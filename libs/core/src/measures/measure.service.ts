import { Injectable } from '@nestjs/common';
import { nextValueDue, ValueDue } from '@app/domain';
import { Measure } from '@app/database/entities';
import { MeasureRepositories } from '@app/database/repositories/measure.repository';
import { PeopleRepositories } from '@app/database/repositories/people.repository';
import { Transactions } from '@app/database/transactions';
import { AppError, badRequest, notFound } from '../app-error';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../clock';
import { newId } from '../ids';
import { Actor, authorize } from '../request-context';
import { MeasureValueRepositories } from './measure-value.repository';

/** A measure with the value its owner is to enter next, and by when. */
export type MeasureWithNextValue = Measure & { nextValue: ValueDue };

export interface NewMeasure {
  name: string;
  unit: Measure['unit'];
  polarity: Measure['polarity'];
  target?: number | null;
  bandLow?: number | null;
  bandHigh?: number | null;
  tolerance?: number | null;
  rollup?: Measure['rollup'];
  ownerId?: string | null;
}

/** Performance measures, and which of them each action should move. Quarterly values come with the reviews. */
@Injectable()
export class MeasureService {
  constructor(
    private readonly transactions: Transactions,
    private readonly measures: MeasureRepositories,
    private readonly people: PeopleRepositories,
    private readonly values: MeasureValueRepositories,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor, input: NewMeasure): Promise<Measure> {
    authorize(actor, 'measures.create');
    if (input.polarity === 'band' && (input.bandLow == null || input.bandHigh == null || input.bandLow > input.bandHigh)) {
      throw badRequest('band_required', 'A measure kept within a band needs bandLow and bandHigh, with bandLow no higher than bandHigh');
    }
    const name = input.name.trim();
    const measures = this.measures.for(actor.authorityId);
    return this.transactions.run(async () => {
      if (input.ownerId && !(await this.people.for(actor.authorityId).isMember(input.ownerId))) throw notFound('Person');
      if (await measures.nameTaken(name)) throw new AppError('conflict', 'measure_exists', `A measure called "${name}" already exists`);
      const measure = await measures.insert({
        id: newId(),
        name,
        unit: input.unit,
        polarity: input.polarity,
        target: input.target ?? null,
        bandLow: input.bandLow ?? null,
        bandHigh: input.bandHigh ?? null,
        tolerance: input.tolerance ?? null,
        rollup: input.rollup ?? 'last',
        ownerId: input.ownerId ?? null,
        createdAt: this.clock.nowIso(),
      });
      await this.audit.record({
        authorityId: actor.authorityId,
        entityType: 'measure',
        entityId: measure.id,
        event: 'measure_created',
        actorId: actor.userId,
        after: measure,
      });
      return measure;
    });
  }

  list(authorityId: string): Promise<Measure[]> {
    return this.measures.for(authorityId).list();
  }

  /** The measures, each with the quarter whose value is due next, its deadline and whether it is overdue (as of today in London). */
  async listWithNextValue(authorityId: string): Promise<MeasureWithNextValue[]> {
    return this.withNextValue(authorityId, await this.list(authorityId));
  }

  /** Gives the measure to a person of the council to keep its values up to date (null: nobody); they are reminded as each quarter's value falls due. */
  async setOwner(actor: Actor, id: string, ownerId: string | null): Promise<MeasureWithNextValue> {
    authorize(actor, 'measures.create');
    const measures = this.measures.for(actor.authorityId);
    const measure = await this.transactions.run(async () => {
      const before = await measures.find(id);
      if (!before) throw notFound('Measure');
      if (ownerId && !(await this.people.for(actor.authorityId).isMember(ownerId))) throw notFound('Person');
      if (before.ownerId === ownerId) return before;
      await measures.setOwner(id, ownerId);
      await this.audit.record({
        authorityId: actor.authorityId,
        entityType: 'measure',
        entityId: id,
        event: 'measure_owner_changed',
        actorId: actor.userId,
        before: { ownerId: before.ownerId },
        after: { ownerId },
      });
      return { ...before, ownerId };
    });
    return (await this.withNextValue(actor.authorityId, [measure]))[0];
  }

  private async withNextValue(authorityId: string, measures: Measure[]): Promise<MeasureWithNextValue[]> {
    const entered = new Map<string, Set<string>>(measures.map((m) => [m.id, new Set()]));
    for (const v of await this.values.for(authorityId).values(measures.map((m) => m.id))) entered.get(v.measureId)?.add(v.quarter);
    const today = this.clock.today();
    return measures.map((m) => ({ ...m, nextValue: nextValueDue(today, entered.get(m.id)!) }));
  }

  forAction(authorityId: string, actionId: string): Promise<Measure[]> {
    return this.measures.for(authorityId).forAction(actionId);
  }

  async link(actor: Actor, actionId: string, measureId: string, linked: boolean): Promise<Measure[]> {
    authorize(actor, 'action.measures');
    const measures = this.measures.for(actor.authorityId);
    await this.transactions.run(async () => {
      if (!(await measures.actionExists(actionId))) throw notFound('Action');
      if (!(await measures.exists(measureId))) throw notFound('Measure');
      if (await measures.link(newId(), actionId, measureId, linked)) {
        await this.audit.record({
          authorityId: actor.authorityId,
          entityType: 'action',
          entityId: actionId,
          event: linked ? 'measure_linked' : 'measure_unlinked',
          actorId: actor.userId,
          after: { measureId },
        });
      }
    });
    return measures.forAction(actionId);
  }
}
