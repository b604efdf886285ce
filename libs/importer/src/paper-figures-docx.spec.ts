import { buildDocx } from '../test-documents/docx/docx-builder';
import { findPaperFigures } from './paper-figures';
import { paperDate } from './paper-date';
import { extractText } from './pdf-text';

describe('figures in a council paper written in Word', () => {
  it('reads the prose and the table of a .docx as those of a text paper, dated by its heading', async () => {
    const docx = await buildDocx([
      { h: 'Corporate Parenting Board, 3 February 2016' },
      { h: 'Performance report: children in care' },
      { p: 'The percentage of children in care with three or more placements in the year was 9.4% at the end of December 2015. Our target is below 10%.' },
      { p: 'Care leavers in suitable accommodation currently stands at 88%.' },
      {
        table: [
          ['Measure', 'Target', 'Q1 2015/16', 'Q2 2015/16', 'Q3 2015/16'],
          ['Children in care with an up-to-date health assessment (%)', '>90%', '84%', '87%', '91%'],
        ],
      },
    ]);
    const text = await extractText(docx, 1_000_000);
    const found = findPaperFigures(text, paperDate(text));
    expect(found.map(({ name, unit, value, period, target, polarity }) => [name, unit, value, period, target, polarity])).toEqual([
      ['Children in care with three or more placements in the year', '%', 9.4, '2015/16 Q3', 10, 'lower'],
      ['Care leavers in suitable accommodation', '%', 88, '2015/16 Q4', null, null],
      ['Children in care with an up-to-date health assessment', '%', 84, '2015/16 Q1', 90, 'higher'],
      ['Children in care with an up-to-date health assessment', '%', 87, '2015/16 Q2', 90, 'higher'],
      ['Children in care with an up-to-date health assessment', '%', 91, '2015/16 Q3', 90, 'higher'],
    ]);
  });
});
