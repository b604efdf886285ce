export interface JudgementScale {
  id: string;
  /** Short name, as shown in the import JSON. */
  label: string;
  description: string;
  best: number;
}

export const SCALE_APA_4_BEST = 'apa_4_best';
export const SCALE_JAR_4_BEST = 'jar_4_best';
export const SCALE_OFSTED_1_OUTSTANDING = 'ofsted_1_outstanding';
export const SCALE_SIF_1_OUTSTANDING = 'sif_1_outstanding';
export const SCALE_ILACS_1_OUTSTANDING = 'ilacs_1_outstanding';

export const JUDGEMENT_SCALES: Record<string, JudgementScale> = {
  [SCALE_APA_4_BEST]: {
    id: SCALE_APA_4_BEST,
    label: 'APA 1-4, 4 best',
    description:
      'Annual performance assessment: 4 delivers well above minimum requirements, 3 consistently above, ' +
      '2 only minimum requirements, 1 does not deliver minimum requirements.',
    best: 4,
  },
  [SCALE_JAR_4_BEST]: {
    id: SCALE_JAR_4_BEST,
    label: 'JAR 1-4, 4 best',
    description: 'Joint area review: 4 outstanding, 3 good, 2 adequate, 1 inadequate.',
    best: 4,
  },
  [SCALE_OFSTED_1_OUTSTANDING]: {
    id: SCALE_OFSTED_1_OUTSTANDING,
    label: 'Ofsted 1-4, 1 outstanding',
    description: 'Inspection framework 2009-2013: Grade 1 outstanding, 2 good, 3 adequate, 4 inadequate.',
    best: 1,
  },
  [SCALE_SIF_1_OUTSTANDING]: {
    id: SCALE_SIF_1_OUTSTANDING,
    label: 'SIF 1-4, 1 outstanding',
    description: 'Single inspection framework 2013-2018: 1 outstanding, 2 good, 3 requires improvement, 4 inadequate.',
    best: 1,
  },
  [SCALE_ILACS_1_OUTSTANDING]: {
    id: SCALE_ILACS_1_OUTSTANDING,
    label: 'ILACS 1-4, 1 outstanding',
    description: "Inspection of local authority children's services 2018 on: 1 outstanding, 2 good, 3 requires improvement to be good, 4 inadequate.",
    best: 1,
  },
};

/** Ofsted's words for its grades since 2009, 1 being best. */
export function gradeFromWords(words: string): { grade: number; label: string } | null {
  const key = words.trim().toLowerCase().replace(/\s+/g, ' ');
  if (key === 'outstanding') return { grade: 1, label: 'Outstanding' };
  if (key === 'good') return { grade: 2, label: 'Good' };
  if (key === 'adequate') return { grade: 3, label: 'Adequate' };
  if (/^(?:requires?|require) improvement to be good$/.test(key)) return { grade: 3, label: 'Requires improvement to be good' };
  if (/^(?:requires?|require) improvement$/.test(key)) return { grade: 3, label: 'Requires improvement' };
  if (key === 'inadequate') return { grade: 4, label: 'Inadequate' };
  return null;
}
