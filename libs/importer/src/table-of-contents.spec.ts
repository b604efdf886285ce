import { splitLines } from './page-cleaner';
import { readContents } from './table-of-contents';

describe('readContents', () => {
  it('reads the entries of a contents page, page numbers and dot leaders removed, a wrapped entry joined', () => {
    const lines = splitLines(
      [
        'Contents',
        'Executive summary\t3',
        'Recommendations ........ 5',
        'The experiences and progress of children looked after and',
        'achieving permanence 17',
        'Recommendations 35',
        'Executive summary',
        'Children are seen quickly.',
      ].join('\n'),
    );
    const contents = readContents(lines);
    expect([...(contents?.entries ?? [])]).toEqual([
      'executive summary',
      'recommendations',
      'the experiences and progress of children looked after and achieving permanence',
    ]);
    expect(contents).toMatchObject({ first: 0, last: 5 });
  });

  it('finds none in a document without a contents page', () => {
    expect(readContents(splitLines('Recommendations\n1. Ensure that plans are reviewed.'))).toBeNull();
  });
});
