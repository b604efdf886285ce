import { contentHash } from './content-hash';
import { toImportJson } from './import-json';
import { ParsedReport } from './parsed-report';

const report: ParsedReport = {
  kind: 'annual_performance_assessment_letter',
  authority: 'Dunmore Council',
  inspectorates: ['Ofsted'],
  published: '2007-12-01',
  inspectionDates: { start: null, end: null },
  judgements: [{ area: 'Capacity to improve', grade: 3, label: null, scale: 'apa_4_best' }],
  findings: [{ section: 'Staying safe', timescale: 'unspecified', text: 'timely reviews.', ownerOrg: null, line: 40, lineEnd: 41 }],
  focusAreas: ['Adoption.'],
};

describe('toImportJson', () => {
  it('gives the CLI document in its exact shape, the scale by its short name', () => {
    expect(JSON.parse(JSON.stringify(toImportJson(report)))).toEqual({
      kind: 'annual_performance_assessment_letter',
      authority: 'Dunmore Council',
      inspectorates: ['Ofsted'],
      published: '2007-12-01',
      inspectionDates: { start: null, end: null },
      judgements: [{ area: 'Capacity to improve', grade: 3, label: null, scale: 'APA 1-4, 4 best' }],
      findings: [{ section: 'Staying safe', timescale: 'unspecified', text: 'timely reviews.', ownerOrg: null, line: 40 }],
      focusAreas: ['Adoption.'],
    });
  });
});

describe('contentHash', () => {
  it('is the SHA-256 of the text', () => {
    expect(contentHash('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('is the same for the same document with other line endings, a byte-order mark or trailing spaces', () => {
    expect(contentHash('\uFEFFAreas for improvement  \r\n- one\r\n')).toBe(contentHash('Areas for improvement\n- one'));
  });

  it('differs when the words differ', () => {
    expect(contentHash('- one')).not.toBe(contentHash('- two'));
  });
});
