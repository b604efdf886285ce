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

  it('leaves a document without page breaks alone', () => {
    expect(furniture('Grade 3 (adequate)\nText.\nGrade 3 (adequate)\nText.')).toEqual([]);
  });
});
