import { ActionService } from '@app/core';
import { fromTracker } from '@app/domain';
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
    /** The override is the RAG the council's imported tracker gave, not one a person set here. */
    ragFromTracker: !!a.rag.override && fromTracker(a.rag.overrideReason),
    dueDate: a.dueDate,
    overdue: a.overdue,
    owner: names.personName(a.ownerId),
    partner: names.organisationName(a.organisationId),
  };
}
