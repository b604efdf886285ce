import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Action, ActionMeasure, Measure } from '@app/database/entities';
import { AppError, badRequest, notFound } from '../app-error';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../clock';
import { newId } from '../ids';
import { Actor, authorize } from '../request-context';

export interface NewMeasure {
  name: string;
  unit: Measure['unit'];
  polarity: Measure['polarity'];
  target?: number | null;
  bandLow?: number | null;
  bandHigh?: number | null;
  tolerance?: number | null;
}

/** Performance measures, and which of them each action should move. Quarterly values come with the reviews. */
@Injectable()
export class MeasureService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor, input: NewMeasure): Promise<Measure> {
    authorize(actor, 'measures.create');
    if (input.polarity === 'band' && (input.bandLow == null || input.bandHigh == null || input.bandLow > input.bandHigh)) {
      throw badRequest('band_required', 'A measure kept within a band needs bandLow and bandHigh, with bandLow no higher than bandHigh');
    }
    const name = input.name.trim();
    if (await this.db.manager.existsBy(Measure, { authorityId: actor.authorityId, name }))
      throw new AppError('conflict', 'measure_exists', `A measure called "${name}" already exists`);
    const measure: Measure = {
      id: newId(),
      authorityId: actor.authorityId,
      name,
      unit: input.unit,
      polarity: input.polarity,
      target: input.target ?? null,
      bandLow: input.bandLow ?? null,
      bandHigh: input.bandHigh ?? null,
      tolerance: input.tolerance ?? null,
      createdAt: this.clock.nowIso(),
    };
    await this.db.transaction(async (tx) => {
      await tx.insert(Measure, measure);
      await this.audit.record(
        { authorityId: actor.authorityId, entityType: 'measure', entityId: measure.id, event: 'measure_created', actorId: actor.userId, after: measure },
        tx,
      );
    });
    return measure;
  }

  list(authorityId: string): Promise<Measure[]> {
    return this.db.manager.find(Measure, { where: { authorityId }, order: { name: 'ASC' } });
  }

  async forAction(authorityId: string, actionId: string): Promise<Measure[]> {
    return this.db.manager
      .createQueryBuilder(Measure, 'm')
      .innerJoin(ActionMeasure, 'am', 'am.measureId = m.id AND am.actionId = :actionId', { actionId })
      .where('m.authorityId = :authorityId', { authorityId })
      .orderBy('m.name', 'ASC')
      .getMany();
  }

  async link(actor: Actor, actionId: string, measureId: string, linked: boolean): Promise<Measure[]> {
    authorize(actor, 'action.measures');
    await this.db.transaction(async (tx) => {
      if (!(await tx.existsBy(Action, { id: actionId, authorityId: actor.authorityId }))) throw notFound('Action');
      if (!(await tx.existsBy(Measure, { id: measureId, authorityId: actor.authorityId }))) throw notFound('Measure');
      const existing = await tx.findOneBy(ActionMeasure, { actionId, measureId });
      if (linked && !existing) await tx.insert(ActionMeasure, { id: newId(), authorityId: actor.authorityId, actionId, measureId });
      if (!linked && existing) await tx.delete(ActionMeasure, { id: existing.id });
      if (linked !== !!existing) {
        await this.audit.record(
          {
            authorityId: actor.authorityId,
            entityType: 'action',
            entityId: actionId,
            event: linked ? 'measure_linked' : 'measure_unlinked',
            actorId: actor.userId,
            after: { measureId },
          },
          tx,
        );
      }
    });
    return this.forAction(actor.authorityId, actionId);
  }
}
