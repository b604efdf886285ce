import { apaTableFindings } from './findings-apa-table';
import { readDocument } from './report-document';

const read = (...lines: string[]) => apaTableFindings(readDocument(lines.join('\n'))).map(({ section, text }) => ({ section, text }));

describe('the APA table as extracted text', () => {
  it('keeps an empty left-hand cell in its column, so the row is still read', () => {
    expect(
      read(
        'Strengths\tAreas for improvement',
        '<p><i>Being healthy:</i></p> <ul> \u2022 school nurses\t<p><i>Being healthy:</i></p> <ul> \u2022 waiting times',
        '\t<p><i>Staying safe:</i></p> <ul> \u2022 reviews on time',
        '<p><i>Service management</i></p> <ul> \u2022 clear priorities\t',
        'Yours sincerely',
      ),
    ).toEqual([
      { section: 'Being healthy', text: 'waiting times' },
      { section: 'Staying safe', text: 'reviews on time' },
    ]);
  });

  it('takes the outcome from a column of its own', () => {
    expect(
      read(
        'Outcome\tStrengths\tAreas for improvement',
        'Being healthy\t\u2022 school nurses\t\u2022 waiting times \u2022 dental checks',
        'Staying safe\t\u2022 training\t',
      ),
    ).toEqual([
      { section: 'Being healthy', text: 'waiting times' },
      { section: 'Being healthy', text: 'dental checks' },
    ]);
  });
});
