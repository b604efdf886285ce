import { buildDocx } from '../test-documents/docx/docx-builder';
import { docxText } from './docx-text';
import { ImportError } from './import-error';
import { extractText } from './pdf-text';
import { parseReport } from './parse-report';

const MAX = 10 * 1024 * 1024;

// A short report in the 2009-2012 safeguarding layout, as a council would keep it in Word: written for this test.
const report = () =>
  buildDocx([
    { h: 'Inspection of safeguarding and looked after children services' },
    { p: 'Larchfield Borough Council' },
    { p: 'Inspection dates: 3 – 14 September 2012' },
    { p: 'Report published: 19 October 2012' },
    { h: 'Areas for improvement' },
    {
      p: 'In order to improve the quality of provision and services for safeguarding children the local authority and its partners should take the following action.',
    },
    { p: 'Immediately:' },
    { bullet: 'ensure that every strategy discussion is recorded on the child’s file' },
    { p: 'Within three months:' },
    { bullet: 'improve the timeliness of initial child protection conferences' },
    { bullet: 'strengthen management oversight of cases held by newly qualified social workers.' },
    { p: 'Within six months:' },
    { bullet: 'review the sufficiency of local foster placements.' },
  ]);

describe('docxText', () => {
  it('lays a Word document out as lines: paragraphs, bullets, numbered items and table rows', async () => {
    const text = await docxText(
      await buildDocx([
        { h: 'Progress report' },
        { p: 'Key areas:' },
        { bullet: 'First area' },
        { numbered: 'One' },
        { numbered: 'Two' },
        {
          table: [
            ['Measure', 'Value'],
            ['Re-referrals', '21.5%'],
          ],
        },
      ]),
    );
    expect(text).toBe('Progress report\nKey areas:\n• First area\n1. One\n2. Two\nMeasure\tValue\nRe-referrals\t21.5%\n');
  });

  it('is how a .docx report is read: its findings and timescales as from the text', async () => {
    const parsed = parseReport(await extractText(await report(), MAX));
    expect(parsed.findings.map((f) => [f.timescale, f.text])).toEqual([
      ['immediately', 'ensure that every strategy discussion is recorded on the child’s file'],
      ['three_months', 'improve the timeliness of initial child protection conferences'],
      ['three_months', 'strengthen management oversight of cases held by newly qualified social workers.'],
      ['six_months', 'review the sufficiency of local foster placements.'],
    ]);
    expect(parsed.published).toBe('2012-10-19');
  });

  it('says so when a Word document is empty or broken', async () => {
    await expect(docxText(await buildDocx([]))).rejects.toThrow(/no text in it/);
    await expect(docxText(Buffer.from('PK\u0003\u0004 not really', 'latin1'))).rejects.toBeInstanceOf(ImportError);
  });
});
