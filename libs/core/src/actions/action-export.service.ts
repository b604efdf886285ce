import { Injectable } from '@nestjs/common';
import { ProgressNote } from '@app/database/entities';
import { Actor } from '../request-context';
import { ActionRepositories } from './action.repository';

/** What an export of a plan's actions adds to the action list: each action's latest progress note. Anyone in the council reads a plan. */
@Injectable()
export class ActionExportService {
  constructor(private readonly repositories: ActionRepositories) {}

  async latestNotes(actor: Actor, planId: string): Promise<Map<string, ProgressNote>> {
    const notes = await this.repositories.for(actor.authorityId).latestNotesOfPlan(planId);
    return new Map(notes.map((n) => [n.actionId, n]));
  }
}
