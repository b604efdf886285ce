import { Action, Plan } from '@app/database/entities';
import { deriveRag, effectiveRag, isOpenStatus, Rag } from '@app/domain';
import { AppError } from '../app-error';

/** An action as the API and pages show it: its RAG ratings (derived, override, effective) and whether it is overdue, today. */
export function actionSummary(action: Action, plan: Plan, today: string) {
  const derived = deriveRag({ status: action.status, dueDate: action.dueDate, today, warningWindowDays: plan.warningWindowDays, atRisk: action.atRisk });
  const { warnFrom: _warnFrom, ...fields } = action;
  const override = action.ragOverride as Rag | null;
  return {
    ...fields,
    overdue: !!action.dueDate && action.dueDate < today && isOpenStatus(action.status),
    rag: { derived, override, overrideReason: action.ragOverrideReason, effective: effectiveRag(derived, override) },
  };
}

/** The refusal of a change made to an older version of the action, with the action as it is now. */
export const staleAction = (current: ReturnType<typeof actionSummary>) =>
  new AppError(
    'conflict',
    'stale_version',
    'Someone else changed this action since you loaded it. Here is its current state: review it and make your change again.',
    { current },
  );
