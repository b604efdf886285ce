import { buildPdf } from '../test-documents/pdf-builder';
import { ImportError } from './import-error';
import { parseReport } from './parse-report';
import { readReport } from './read-report';

function refusal(read: () => unknown): ImportError {
  try {
    read();
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('the document was read');
}

// Each PDF is read in a worker thread of its own, which takes seconds on a busy machine.
jest.setTimeout(30_000);

describe('a document in which no findings are found', () => {
  it('says which sections were looked for in its layout and which headings it has', () => {
    const error = refusal(() =>
      parseReport(
        [
          'Inspection of Anyshire local authority children’s services',
          'Inspection dates: 1 to 12 March 2021',
          'Summary of findings',
          'Children are mostly safe.',
          'Next inspection',
          'Inspectors will return next year.',
        ].join('\n'),
      ),
    );
    expect(error.code).toBe('no_findings');
    expect(error.details).toEqual({
      kind: 'inspection_report_local_authority_childrens_services',
      recognisedAs: "Inspection of local authority children's services (ILACS, 2018 on)",
      lookedFor: ['What needs to improve?', 'What needs to improve in this local authority’s children’s services?'],
      found: ['Inspection of Anyshire local authority children’s services', 'Summary of findings', 'Next inspection'],
    });
    expect(error.message).toContain('looked for sections headed "What needs to improve?"');
    expect(error.message).toContain('its headings are "Inspection of Anyshire local authority children’s services", "Summary of findings", "Next inspection"');
  });

  it('of no known layout: says so, and lists the sections of every layout', async () => {
    const pdf = await buildPdf({ blocks: [{ title: 'Minutes of the parks committee' }, { heading: 'Matters arising' }, { para: 'None were raised.' }] });
    const error = await readReport(pdf, 5 * 1024 * 1024).then(
      () => null,
      (refused: ImportError) => refused,
    );
    expect(error?.details).toMatchObject({ kind: 'unknown', recognisedAs: null, found: ['Minutes of the parks committee', 'Matters arising'] });
    expect(error?.details?.lookedFor).toEqual(expect.arrayContaining(['What needs to improve?', 'Areas for development', 'Areas for priority action']));
    expect(error?.message).toMatch(
      /^No findings were found\. Its layout was not recognised\. The importer looked for sections headed .*"Areas for development"/,
    );
  });
});
