import { readBlocks } from './document-blocks';
import { markPageFurniture, splitLines } from './page-cleaner';

function blocks(text: string) {
  const lines = splitLines(text);
  markPageFurniture(lines);
  return readBlocks(lines).map(({ type, text: content, line, lineEnd, marker }) => ({ type, text: content, line, lineEnd, marker }));
}

describe('document blocks', () => {
  it('joins a bullet split by a page break, skipping the footer, page number and header between', () => {
    const text = [
      'Within three months:',
      '\u2022 ensure that managers record the reasons for',
      'Westmarsh report 2012',
      'Page 4 of 9',
      '\fInspection of Westmarsh',
      'every decision to close a case',
      '\u2022 improve the attendance of GPs.',
      'Westmarsh report 2012',
      'Page 5 of 9',
      '\fInspection of Westmarsh',
      'End.',
      'Westmarsh report 2012',
      'Page 6 of 9',
    ].join('\n');
    expect(blocks(text).slice(0, 3)).toEqual([
      { type: 'heading', text: 'Within three months:', line: 1, lineEnd: 1, marker: null },
      { type: 'item', text: 'ensure that managers record the reasons for every decision to close a case', line: 2, lineEnd: 6, marker: 'bullet' },
      { type: 'item', text: 'improve the attendance of GPs.', line: 7, lineEnd: 7, marker: 'bullet' },
    ]);
  });

  it('joins wrapped lines with a hanging indent, and keeps the next bullet apart', () => {
    const text = '  \u2022   ensure that every child has a plan\n      That Says Who Does What\n  \u2022   review plans.';
    expect(blocks(text).map((block) => block.text)).toEqual(['ensure that every child has a plan That Says Who Does What', 'review plans.']);
  });

  describe('an unpunctuated item whose last line runs to full width', () => {
    const prose = 'Leaders have a clear understanding of the strengths and weaknesses of their services for families.';
    const item = "\u2022 make sure supervision is regular and reflective across every team in the children's services";

    it('does not swallow a heading with a paragraph under it', () => {
      const text = [prose, prose, 'Areas for improvement', item, 'Summary of judgements', prose].join('\n');
      expect(
        blocks(text)
          .slice(3, 5)
          .map((b) => [b.type, b.text]),
      ).toEqual([
        ['item', "make sure supervision is regular and reflective across every team in the children's services"],
        ['heading', 'Summary of judgements'],
      ]);
    });

    it('still takes a capitalised last line, followed by the next item, as part of the item', () => {
      const text = [prose, prose, item, 'Local Authority Designated Officer service', '\u2022 review plans.'].join('\n');
      expect(
        blocks(text)
          .slice(2)
          .map((b) => b.text),
      ).toEqual([
        "make sure supervision is regular and reflective across every team in the children's services Local Authority Designated Officer service",
        'review plans.',
      ]);
    });
  });

  it('does not join a finished item to the paragraph after a blank line', () => {
    const text = '- ensure that reviews are timely.\n\nThe council has made progress.';
    expect(blocks(text).map((block) => block.type)).toEqual(['item', 'para']);
  });

  it('joins a paragraph carried on after a blank line when it resumes in lower case', () => {
    expect(blocks('31. Complaints are monitored well\n\nby managers to ensure this is done.')).toEqual([
      { type: 'item', text: 'Complaints are monitored well by managers to ensure this is done.', line: 1, lineEnd: 3, marker: 'number' },
    ]);
  });

  it('reads symbol-font, control-character and Word bullets as bullets', () => {
    const text = ['\uF0B7 one', '\uF0A7\ttwo', '\u0095\tthree', '\u0001 four', 'o five', '\u2022six', '\u2013 seven'].join('\n');
    expect(blocks(text).map(({ text: content, marker }) => `${marker}:${content}`)).toEqual(
      ['one', 'two', 'three', 'four', 'five', 'six', 'seven'].map((word) => `bullet:${word}`),
    );
  });

  it('removes HTML tags and folds whitespace', () => {
    expect(blocks('\u2022 the <i>quality</i>   of  plans &amp; reviews')[0].text).toBe('the quality of plans & reviews');
  });

  it('keeps short lines apart when the text is wrapped much wider', () => {
    const long = 'A paragraph of running text that fills the line before it wraps on to the next';
    const text = [`${long} line,`, 'and more of it.', 'Report published: 12 May 2015', 'Children in Eastbridge require improvement', `${long} one.`].join('\n');
    expect(blocks(text).map((block) => block.type)).toEqual(['para', 'heading', 'heading', 'para']);
  });
});
