/** A commissioner's judgement of progress in one area of a plan, or overall, at a quarterly review. */
export const PROGRESS_JUDGEMENTS = ['good', 'reasonable', 'limited', 'inadequate'] as const;
export type ProgressJudgement = (typeof PROGRESS_JUDGEMENTS)[number];

export const PROGRESS_JUDGEMENT_NAMES: Record<ProgressJudgement, string> = {
  good: 'Good progress',
  reasonable: 'Reasonable progress',
  limited: 'Limited progress',
  inadequate: 'Inadequate progress',
};

/** The area every review judges besides the inspection's areas and the plan's themes. */
export const OVERALL_AREA = 'Overall';
