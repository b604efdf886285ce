import { parseReport } from './parse-report';

describe('a visit letter of the current framework', () => {
  const letter = [
    '3 May 2024',
    'Dear Ms Hale',
    'Monitoring visit to Anyshire children’s services',
    'This letter summarises the findings of the monitoring visit to Anyshire children’s services on 9 and 10 April 2024.',
    'Areas for improvement',
    'The timeliness of reviews for children in care, some of which are held late.',
    'Yours sincerely',
    'A. Inspector',
  ].join('\n');

  it('reads its prose areas for improvement up to the sign-off, its dates and its authority; Ofsted wrote it', () => {
    const report = parseReport(letter);
    expect(report).toMatchObject({
      kind: 'monitoring_visit_letter',
      authority: 'Anyshire',
      inspectorates: ['Ofsted'],
      published: '2024-05-03',
      inspectionDates: { start: '2024-04-09', end: '2024-04-10' },
      judgements: [],
    });
    expect(report.findings.map(({ section, timescale, text }) => ({ section, timescale, text }))).toEqual([
      { section: 'Areas for improvement', timescale: 'unspecified', text: 'The timeliness of reviews for children in care, some of which are held late.' },
    ]);
  });
});
