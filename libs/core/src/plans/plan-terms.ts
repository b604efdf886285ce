import { Plan } from '@app/database/entities';
import { PlanSettings, PlanTerms } from '@app/domain';

export interface NewPlan {
  title: string;
  boardId: string;
  documentIds?: string[];
  startDate?: string | null;
  settings?: Partial<PlanSettings>;
}

export interface PlanChanges {
  version: number;
  title?: string;
  startDate?: string;
  settings?: Partial<PlanSettings>;
}

export const planSettings = (plan: Plan): PlanSettings => ({
  immediateWindowDays: plan.immediateWindowDays,
  defaultHorizonMonths: plan.defaultHorizonMonths,
  warningWindowDays: plan.warningWindowDays,
  moveOffNonWorkingDays: plan.moveOffNonWorkingDays,
});

export const planTerms = (plan: Plan): PlanTerms => ({ startDate: plan.startDate, ...planSettings(plan) });

export const earliest = (dates: (string | null)[]) => dates.filter((d): d is string => !!d).sort()[0] ?? null;

/** A readable title from a finding: its first clause, cut at a word boundary. */
export function shortTitle(text: string, max = 120): string {
  const clean = text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.;:]$/, '');
  const sentence = clean.charAt(0).toUpperCase() + clean.slice(1);
  if (sentence.length <= max) return sentence;
  const cut = sentence.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2))}…`;
}
