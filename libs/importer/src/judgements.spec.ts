import { KIND_APA_LETTER, KIND_LOCAL_AUTHORITY_CHILDRENS_SERVICES, KIND_SAFEGUARDING_AND_LOOKED_AFTER } from './document-kind';
import { gradeFromWords, JUDGEMENT_SCALES } from './judgement-scales';
import { findJudgements } from './judgements';
import { readDocument } from './report-document';

const judgements = (kind: string, ...lines: string[]) => findJudgements(readDocument(lines.join('\n')), kind);

describe('judgements', () => {
  it('reads an APA grade table whose rows wrap, on the APA scale', () => {
    expect(
      judgements(
        KIND_APA_LETTER,
        'Areas for judgement\tGrade awarded',
        'The contribution of the <i>council\u2019s services</i> in maintaining',
        'and improving outcomes.\t4',
        'Capacity to improve\t3',
        '',
        'Grade\tService descriptors',
        '4\tA service that delivers well above minimum requirements',
      ),
    ).toEqual([
      { area: 'The contribution of the council\u2019s services in maintaining and improving outcomes', grade: 4, label: null, scale: 'apa_4_best' },
      { area: 'Capacity to improve', grade: 3, label: null, scale: 'apa_4_best' },
    ]);
  });

  it('reads grade headings, naming a repeated area with its part', () => {
    const found = judgements(
      KIND_SAFEGUARDING_AND_LOOKED_AFTER,
      'Safeguarding services',
      'Overall effectiveness',
      'Grade 4 (inadequate)',
      '1. Text.',
      'Areas for improvement',
      'Services for looked after children',
      'Overall effectiveness',
      'Grade 1 (outstanding)',
      '2. Text.',
      'Areas for improvement',
      'Staying safe Grade 2 (good)',
    );
    expect(found.map(({ area, grade, label }) => `${area}: ${grade} ${label}`)).toEqual([
      'Overall effectiveness (Safeguarding services): 4 Inadequate',
      'Overall effectiveness (Services for looked after children): 1 Outstanding',
      'Staying safe: 2 Good',
    ]);
  });

  it('reads worded grades from a table, with HTML in the cells', () => {
    const found = judgements(
      KIND_LOCAL_AUTHORITY_CHILDRENS_SERVICES,
      'Judgement\tGrade',
      'Overall effectiveness\t<strong>Requires improvement to be good</strong>',
    );
    expect(found).toEqual([{ area: 'Overall effectiveness', grade: 3, label: 'Requires improvement to be good', scale: 'ilacs_1_outstanding' }]);
  });

  it('knows each framework\u2019s words for its grades', () => {
    expect(gradeFromWords('Requires improvement')).toEqual({ grade: 3, label: 'Requires improvement' });
    expect(gradeFromWords('outstanding')).toEqual({ grade: 1, label: 'Outstanding' });
    expect(gradeFromWords('excellent')).toBeNull();
  });

  it('describes every scale and says which end is best', () => {
    for (const scale of Object.values(JUDGEMENT_SCALES)) {
      expect(scale.description.length).toBeGreaterThan(20);
      expect([1, 4]).toContain(scale.best);
    }
    expect(JUDGEMENT_SCALES.apa_4_best.best).toBe(4);
  });
});
