import { ActionService } from '@app/core';
import { Names } from './people-directory';

export type ActionSummary = ReturnType<ActionService['summary']>;

/** What a table row shows of an action. */
export function actionRow(a: ActionSummary, names: Names) {
  return {
    id: a.id,
    ref: a.ref,
    title: a.title,
    status: a.status,
    statusReason: a.statusReason,
    rag: a.rag.effective,
    ragOverridden: !!a.rag.override,
    dueDate: a.dueDate,
    overdue: a.overdue,
    owner: names.personName(a.ownerId),
    partner: names.organisationName(a.organisationId),
  };
}
