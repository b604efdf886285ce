import { gradeTableJudgements } from './judgement-table';
import { readDocument } from './report-document';

const read = (lines: string[]) =>
  gradeTableJudgements(readDocument(lines.join('\n')), 'ilacs_1_outstanding').map(({ area, grade, label }) => ({ area, grade, label }));

describe('the judgement table of the current framework', () => {
  it('reads areas wrapped over lines, grades after them, on their line, or wrapped onto the next', () => {
    expect(
      read([
        'Judgement Grade',
        'The impact of leaders on social work practice with children',
        'and families',
        'Requires improvement to be good',
        'The experiences and progress of children in care Good',
        'The experiences and progress of care leavers Requires improvement to be',
        'good',
        'Overall effectiveness Inadequate',
        'Since the last inspection, services have declined. Good work is rare.',
      ]),
    ).toEqual([
      { area: 'The impact of leaders on social work practice with children and families', grade: 3, label: 'Requires improvement to be good' },
      { area: 'The experiences and progress of children in care', grade: 2, label: 'Good' },
      { area: 'The experiences and progress of care leavers', grade: 3, label: 'Requires improvement to be good' },
      { area: 'Overall effectiveness', grade: 4, label: 'Inadequate' },
    ]);
  });

  it('reads tab-separated cells, and a good inside an area name is not a grade', () => {
    expect(read(['Judgement\tGrade', 'Help for good parenting\tOutstanding'])).toEqual([{ area: 'Help for good parenting', grade: 1, label: 'Outstanding' }]);
  });

  it('reads a table whose header cells came out on lines of their own', () => {
    expect(read(['Judgement', 'Grade', 'Overall effectiveness Outstanding'])).toEqual([{ area: 'Overall effectiveness', grade: 1, label: 'Outstanding' }]);
  });

  it('reads text extracted with its layout kept, the two cells of a row side by side', () => {
    expect(
      read([
        'Judgement                                                            Grade',
        'The impact of leaders on social work practice with                   Requires improvement to be',
        'children and families                                                good',
        'The experiences and progress of children who need help and           Inadequate',
        'protection',
        'Overall effectiveness                                                Requires improvement to be',
        '                                                                     good',
        'Children in Anyshire are not yet consistently well served.',
      ]),
    ).toEqual([
      { area: 'The impact of leaders on social work practice with children and families', grade: 3, label: 'Requires improvement to be good' },
      { area: 'The experiences and progress of children who need help and protection', grade: 4, label: 'Inadequate' },
      { area: 'Overall effectiveness', grade: 3, label: 'Requires improvement to be good' },
    ]);
  });

  it('finds nothing without the table header', () => {
    expect(read(['Overall effectiveness Good'])).toEqual([]);
  });
});
