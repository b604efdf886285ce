import { numberedListFindings } from './findings-numbered-lists';
import { readDocument } from './report-document';

const read = (...lines: string[]) =>
  numberedListFindings(readDocument(lines.join('\n')), 'Dunmore').map(({ section, timescale, text, ownerOrg }) => ({ section, timescale, text, ownerOrg }));

const cover = [
  'Dunmore',
  'Inspection of services for children in need of help and protection, children looked after and care leavers',
  'and',
  'Review of the effectiveness of the local safeguarding children board',
  'Inspection dates: 6 March 2017 to 30 March 2017',
];

describe('single inspection framework lists', () => {
  it('ends a list where the next section numbers on, and files the board part under the board', () => {
    expect(
      read(
        ...cover,
        'The Local Safeguarding Children Board (LSCB)',
        'Requires improvement',
        'Contents',
        'Recommendations\t5',
        'The Local Safeguarding Children Board (LSCB)\t19',
        'Recommendations\t19',
        'Executive summary',
        'Children are seen quickly.',
        'Recommendations',
        '1. Ensure that plans say what must change.',
        'The local authority’s strengths',
        '2. Leaders know the service well.',
        'The Local Safeguarding Children Board (LSCB)',
        'The Dunmore Safeguarding Children Board (DSCB) is well led.',
        'Recommendations',
        '3. Evaluate the impact of training.',
        'Inspection judgement about the LSCB',
        '4. The board has a clear structure.',
      ),
    ).toEqual([
      { section: 'Recommendations', timescale: 'unspecified', text: 'Ensure that plans say what must change.', ownerOrg: null },
      { section: 'LSCB: Recommendations', timescale: 'unspecified', text: 'Evaluate the impact of training.', ownerOrg: 'Dunmore Safeguarding Children Board' },
    ]);
  });

  it('reads the board’s list straight under its question, and a theme sub-heading inside a list', () => {
    expect(
      read(
        ...cover,
        'What does the local authority need to improve?',
        'Priority and immediate action',
        '1. Ensure that every child at risk is seen today.',
        'Help and protection',
        '2. Improve the quality of assessments.',
        'Summary for children and young people',
        '• Social workers listen to you.',
        'What does the LSCB need to improve?1',
        '3. Evaluate the impact of training.',
      ),
    ).toEqual([
      { section: 'Priority and immediate action', timescale: 'immediately', text: 'Ensure that every child at risk is seen today.', ownerOrg: null },
      { section: 'Priority and immediate action: Help and protection', timescale: 'immediately', text: 'Improve the quality of assessments.', ownerOrg: null },
      {
        section: 'LSCB: What does the LSCB need to improve',
        timescale: 'unspecified',
        text: 'Evaluate the impact of training.',
        ownerOrg: 'Local Safeguarding Children Board',
      },
    ]);
  });

  it('knows the board’s part by its heading wrapped over two lines', () => {
    expect(
      read(
        ...cover,
        'Recommendations',
        '1. Ensure that plans say what must change.',
        'Review of the effectiveness of the local safeguarding',
        'children board',
        'Recommendations',
        '2. Evaluate the impact of training.',
      ).map(({ section, ownerOrg }) => ({ section, ownerOrg })),
    ).toEqual([
      { section: 'Recommendations', ownerOrg: null },
      { section: 'LSCB: Recommendations', ownerOrg: 'Local Safeguarding Children Board' },
    ]);
  });

  it('reads nothing from a document of no part of this framework', () => {
    expect(read('Recommendations', '1. Ensure that plans are reviewed.')).toEqual([]);
  });
});
