import { ImportError } from './import-error';
import { parseReport } from './parse-report';

const report = (...lines: string[]) => parseReport(lines.join('\n'));
const texts = (...lines: string[]) => report(...lines).findings.map((finding) => finding.text);

describe('parseReport', () => {
  it('refuses a document with no text', () => {
    expect(() => parseReport(' \n\f\n')).toThrow(expect.objectContaining({ code: 'empty' }));
  });

  it('refuses a document without findings, saying what it looked for', () => {
    const prose = ['Dear colleague,', 'The areas for improvement identified last year were addressed.', '- strong leadership.'];
    expect(() => report(...prose)).toThrow(ImportError);
    expect(() => report(...prose)).toThrow(expect.objectContaining({ code: 'no_findings', message: expect.stringContaining('Areas for improvement') }));
  });

  it('does not take a table of contents entry for the section', () => {
    expect(() =>
      report(
        'Inspection of safeguarding and looked after children services',
        'Contents',
        'Areas for improvement',
        'About this inspection',
        '1. The inspection took place in May.',
        '2. Inspectors met staff.',
      ),
    ).toThrow(expect.objectContaining({ code: 'no_findings' }));
  });

  it('keeps strengths out of the findings', () => {
    expect(
      texts('Key strengths', '\u2022 good multi-agency training.', 'Areas for improvement', '\u2022 supervision is too infrequent.', 'Next steps'),
    ).toEqual(['supervision is too infrequent.']);
  });

  it('gives each finding its timescale, and a sub-heading partner only until the next timescale', () => {
    const { findings } = report(
      'Inspection of services for looked after children',
      'Areas for improvement',
      'Immediately:',
      'NHS Dunmore and Dunmore Council should:',
      '- appoint a designated nurse.',
      'Within three months:',
      '- review every care plan.',
      'Within six months:',
      '- Dunmore Police should share missing-from-care reports daily.',
    );
    expect(findings.map(({ timescale, ownerOrg }) => [timescale, ownerOrg])).toEqual([
      ['immediately', 'NHS Dunmore and Dunmore Council'],
      ['three_months', null],
      ['six_months', 'Dunmore Police'],
    ]);
  });

  it('gives the safeguarding board its own findings in a single inspection framework report', () => {
    const { findings } = report(
      'Inspection of services for children in need of help and protection, children looked after and care leavers',
      'What does the local authority need to improve?',
      'Recommendations',
      '1. Improve the quality of plans.',
      'What does the LSCB need to improve?',
      'Recommendations',
      '1. Audit the quality of multi-agency work.',
    );
    expect(findings.map(({ section, ownerOrg }) => [section, ownerOrg])).toEqual([
      ['Recommendations', null],
      ['LSCB: Recommendations', 'Local Safeguarding Children Board'],
    ]);
  });

  it('keeps focus areas apart from findings', () => {
    const parsed = report('Areas for development', '\u2022 record decisions.', 'Areas for exploration', '\u2022 Return interviews.');
    expect(parsed.findings.map((finding) => finding.text)).toEqual(['record decisions.']);
    expect(parsed.focusAreas).toEqual(['Return interviews.']);
  });

  it('still finds the findings of a document of no known layout', () => {
    const parsed = report('Notes from the review', '', 'Areas for improvement', '', '\u2022 agree thresholds with schools.');
    expect(parsed.kind).toBe('unknown');
    expect(parsed.findings).toEqual([
      { section: 'Areas for improvement', timescale: 'unspecified', text: 'agree thresholds with schools.', ownerOrg: null, line: 5, lineEnd: 5 },
    ]);
  });

  it('reads a lettered list that runs on inside the paragraph introducing it', () => {
    const { findings } = report(
      'Dunmore Council',
      'Meeting:\tCabinet',
      'Date of meeting:\t3 March 2015',
      '2.1 Ofsted inspected our services in October 2014 and set out these areas for improvement: (a) The quality',
      'of plans. (b) Supervision (c) Use of advocacy.',
    );
    expect(findings.map(({ section, text, line, lineEnd }) => ({ section, text, line, lineEnd }))).toEqual([
      { section: 'Areas for improvement identified by Ofsted (October 2014)', text: 'The quality of plans.', line: 4, lineEnd: 5 },
      { section: 'Areas for improvement identified by Ofsted (October 2014)', text: 'Supervision', line: 5, lineEnd: 5 },
      { section: 'Areas for improvement identified by Ofsted (October 2014)', text: 'Use of advocacy.', line: 5, lineEnd: 5 },
    ]);
  });
});
