import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@app/config';
import { Action, Plan } from '@app/database/entities';
import { DeliveryLookups } from './delivery-lookups';
import { Reminder } from './entities/reminder.entity';
import { Delivery, Person, resolveDelivery } from './recipient';
import { digestMessage, MessageAction, reminderMessage, ReminderMessage } from './reminder-message';
import { isDigestKind, isMeasureKind, londonDate } from './reminder-rules';
import { measureValueMessage } from './measure-value-message';
import { reminderQuarter } from './measure-reminder-schedule.service';
import { audienceOf, wantsReminders } from './reminder-schedule.service';

export type Prepared =
  | { send: true; to: Person; email: boolean; inApp: boolean; message: ReminderMessage; outcome: string }
  | { send: false; state: 'skipped' | 'cancelled'; outcome: string };

/** Works out, at the moment of delivery, whether a reminder still applies, who gets it and what it says. */
@Injectable()
export class ReminderContent {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** `lookups` carries what a batch preloaded; without it each row reads what it needs. */
  async prepare(tx: EntityManager, row: Reminder, at: Date, lookups = new DeliveryLookups(tx)): Promise<Prepared> {
    if (isMeasureKind(row.kind)) return this.prepareMeasure(row, at, lookups);
    return isDigestKind(row.kind) ? this.prepareDigest(tx, row, at, lookups) : this.prepareAction(tx, row, at, lookups);
  }

  /** A measure's value: nothing once it is entered or the measure has no owner; the escalation goes to the owner's line manager as it is now. */
  private async prepareMeasure(row: Reminder, at: Date, look: DeliveryLookups): Promise<Prepared> {
    const measure = row.measureId ? await look.measure(row.measureId, row.authorityId) : null;
    if (!measure) return { send: false, state: 'cancelled', outcome: 'measure deleted' };
    const { quarter, dueDate } = reminderQuarter(row);
    if (await look.valueEntered(measure.id, quarter.label)) return { send: false, state: 'cancelled', outcome: 'value entered' };
    if (!measure.ownerId) return { send: false, state: 'cancelled', outcome: 'no owner' };
    if (await look.superseded(row, at)) return { send: false, state: 'skipped', outcome: 'superseded by a later reminder' };
    const intended = row.kind === 'value_escalation' ? await look.lineManagerOf(row.authorityId, measure.ownerId) : measure.ownerId;
    const today = londonDate(at);
    const delivery = await resolveDelivery(intended, row.kind, today, (id) => look.person(row.authorityId, id));
    if ('skip' in delivery) return { send: false, state: 'skipped', outcome: delivery.skip.replace('_', ' ') };
    const owner = await look.user(measure.ownerId);
    const message = measureValueMessage({
      kind: row.kind,
      measure,
      quarter: quarter.label,
      dueDate,
      ownerName: owner?.displayName ?? null,
      recipientName: delivery.to.displayName,
      onBehalfOf: delivery.redirectedFrom && delivery.reason ? { name: delivery.redirectedFrom.displayName, reason: delivery.reason } : null,
      publicUrl: this.config.publicUrl,
      today,
    });
    return { send: true, to: delivery.to, email: delivery.email, inApp: delivery.inApp, message, outcome: describe(delivery) };
  }

  private async prepareAction(tx: EntityManager, row: Reminder, at: Date, look: DeliveryLookups): Promise<Prepared> {
    const action = await look.action(row.actionId!, row.authorityId);
    const plan = action && (await look.plan(action.planId));
    if (!action || !plan) return { send: false, state: 'cancelled', outcome: 'action deleted' };
    if (!wantsReminders(action, plan)) return { send: false, state: 'cancelled', outcome: `action ${action.status}, plan ${plan.status}` };
    if (action.dueDate !== row.forDate) return { send: false, state: 'cancelled', outcome: 'rescheduled' };
    if (await look.superseded(row, at)) return { send: false, state: 'skipped', outcome: 'superseded by a later reminder' };
    const audience = await audienceOf(action, plan, look);
    const kind = row.kind;
    const intended = kind === 'escalation_chair' ? audience.chair : kind === 'escalation_manager' ? audience.manager : audience.owner;
    const today = londonDate(at);
    const delivery = await resolveDelivery(intended, kind, today, (id) => look.person(row.authorityId, id));
    if ('skip' in delivery) return { send: false, state: 'skipped', outcome: delivery.skip.replace('_', ' ') };
    const owner = action.ownerId ? await look.user(action.ownerId) : null;
    const message = reminderMessage({
      kind,
      action: this.messageAction(action, plan, owner?.displayName ?? null),
      recipientName: delivery.to.displayName,
      onBehalfOf: delivery.redirectedFrom && delivery.reason ? { name: delivery.redirectedFrom.displayName, reason: delivery.reason } : null,
      publicUrl: this.config.publicUrl,
      today,
    });
    return { send: true, to: delivery.to, email: delivery.email, inApp: delivery.inApp, message, outcome: describe(delivery) };
  }

  private async prepareDigest(tx: EntityManager, row: Reminder, at: Date, look: DeliveryLookups): Promise<Prepared> {
    const kind = row.kind as 'digest_owner' | 'digest_manager';
    const today = londonDate(at);
    const delivery = await resolveDelivery(row.recipientId, kind, today, (id) => look.person(row.authorityId, id));
    if ('skip' in delivery) return { send: false, state: 'skipped', outcome: delivery.skip.replace('_', ' ') };
    const actions = await this.digestActions(tx, row.authorityId, row.recipientId, kind, look);
    if (actions.length === 0) return { send: false, state: 'skipped', outcome: 'empty digest' };
    const message = digestMessage({ kind, recipientName: delivery.to.displayName, actions, publicUrl: this.config.publicUrl, today });
    return { send: true, to: delivery.to, email: delivery.email, inApp: delivery.inApp, message, outcome: describe(delivery) };
  }

  /** The open actions of active plans (with the digest on) that a user owns, or manages for others (see loadDigestActions). */
  async digestActions(
    tx: EntityManager,
    authorityId: string,
    userId: string,
    kind: 'digest_owner' | 'digest_manager',
    lookups = new DeliveryLookups(tx),
  ): Promise<MessageAction[]> {
    const items = await lookups.digestItems({ authorityId, userId, kind });
    return items.map((i) => this.messageAction(i.action, i.plan, i.ownerName));
  }

  person(tx: EntityManager, authorityId: string, userId: string): Promise<Person | null> {
    return new DeliveryLookups(tx).person(authorityId, userId);
  }

  private messageAction(action: Action, plan: Plan, ownerName: string | null): MessageAction {
    return { id: action.id, ref: action.ref, title: action.title, dueDate: action.dueDate!, planTitle: plan.title, ownerName };
  }
}

function describe(delivery: Extract<Delivery, { to: Person }>): string {
  const channels = [delivery.email && 'email', delivery.inApp && 'in-app'].filter(Boolean).join('+');
  return delivery.redirectedFrom ? `${channels} (${delivery.reason === 'left' ? 'owner left' : 'on leave'}: to ${delivery.to.id})` : channels;
}
