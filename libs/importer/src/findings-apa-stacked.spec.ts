import { apaStackedTableFindings } from './findings-apa-stacked';
import { markPageFurniture, splitLines } from './page-cleaner';

function read(...lines: string[]) {
  const source = splitLines(lines.join('\n'));
  markPageFurniture(source);
  return apaStackedTableFindings(source).map(({ section, text, line }) => ({ section, text, line }));
}

describe('the APA table as PDF text gives it', () => {
  it('takes the second cell under each outcome, bullets on lines of their own, across a page break', () => {
    expect(
      read(
        'Key strengths Key areas for improvement',
        'Being healthy:',
        '\uF0B7 good access to school nurses',
        'Being healthy:',
        '\uF0B7 waiting times for the mental health',
        'service',
        '\uF0B7 dental checks for looked after children.',
        'Staying safe',
        '\uF0B7 quick response to referrals.',
        'Staying safe',
        '\uF0B7 the timeliness of',
        '1',
        '\freviews.',
        'Yours sincerely',
      ),
    ).toEqual([
      { section: 'Being healthy', text: 'waiting times for the mental health service', line: 5 },
      { section: 'Being healthy', text: 'dental checks for looked after children.', line: 7 },
      { section: 'Staying safe', text: 'the timeliness of reviews.', line: 11 },
    ]);
  });

  it('reads an outcome named once as a row with only strengths, and stops at the next paragraph', () => {
    expect(
      read(
        'Strengths Areas for improvement',
        'Making a positive contribution: \u2022 the youth forum.',
        'Service management: \u2022 clear priorities.',
        'Service management: \u2022 use of data by',
        'managers \u2022 results at',
        'Key Stage 4: below similar areas.',
        'We confirm that the grade will be published. \u2022 not a finding',
      ),
    ).toEqual([
      { section: 'Service management', text: 'use of data by managers', line: 4 },
      { section: 'Service management', text: 'results at Key Stage 4: below similar areas.', line: 5 },
    ]);
  });
});
