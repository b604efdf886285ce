import { isPageNumber, markPageFurniture, splitLines } from './page-cleaner';

function furniture(text: string): string[] {
  const lines = splitLines(text);
  markPageFurniture(lines);
  return lines.filter((line) => line.furniture).map((line) => line.trimmed);
}

describe('page cleaner', () => {
  it('numbers lines from 1 and keeps a form feed as a page break, not as text', () => {
    const lines = splitLines('one\r\n\ftwo\nthree');
    expect(lines.map(({ no, text, pageBreak }) => ({ no, text, pageBreak }))).toEqual([
      { no: 1, text: 'one', pageBreak: false },
      { no: 2, text: 'two', pageBreak: true },
      { no: 3, text: 'three', pageBreak: false },
    ]);
  });

  it.each(['7', 'Page 7', 'page 7 of 40', '- 7 -', '-- 7 of 40 --', '7/40'])('sees %j as a page number', (text) => {
    expect(isPageNumber(text)).toBe(true);
  });

  it.each(['7. Ensure that', '2012 inspection', 'Grade 3'])('does not see %j as a page number', (text) => {
    expect(isPageNumber(text)).toBe(false);
  });

  it('marks a running header and footer that recur at the page edges, digits aside', () => {
    const page = (n: number, body: string) => `Westmarsh inspection report\n${body}\nPublished 2012\tPage ${n}`;
    const cover = 'Inspection of Westmarsh\nPublished 2012\tPage 1';
    const text = [cover, page(2, 'Second page text.'), page(3, 'Third page text.')].join('\n\f');
    expect(furniture(text)).toEqual([
      'Published 2012\tPage 1',
      'Westmarsh inspection report',
      'Published 2012\tPage 2',
      'Westmarsh inspection report',
      'Published 2012\tPage 3',
    ]);
  });

  it('keeps a heading or a grade that happens to open two pages', () => {
    const text = 'Areas for improvement\nOne.\n\fAreas for improvement\nTwo.\n\fGrade 2 (good)\nThree.\n\fGrade 2 (good)\nFour.';
    expect(furniture(text)).toEqual([]);
  });

  it('marks a footer that carries the page number when the form feeds were lost', () => {
    const page = (n: number) => `Paragraph ${'one two three'.split(' ')[n - 1]} of the report.\nWestmarsh report 23 May 2017\t${n}`;
    expect(furniture([1, 2, 3].map(page).join('\n'))).toEqual([
      'Westmarsh report 23 May 2017\t1',
      'Westmarsh report 23 May 2017\t2',
      'Westmarsh report 23 May 2017\t3',
    ]);
  });

  it('keeps lines that end in the same number, or in numbers that do not go up', () => {
    expect(furniture('Children in care\t30\nText.\nChildren in care\t30\nText.\nChildren in care\t30')).toEqual([]);
    expect(furniture('Visits within\t9\nText.\nVisits within\t3\nText.\nVisits within\t5')).toEqual([]);
  });

  it('leaves a document without page breaks alone', () => {
    expect(furniture('Grade 3 (adequate)\nText.\nGrade 3 (adequate)\nText.')).toEqual([]);
  });
});
