import { readDocument } from './report-document';

describe('a bullet glyph on a line of its own', () => {
  it('marks the line of text after it, which keeps its own number', () => {
    const { blocks } = readDocument(['What needs to improve?', '\u25FC', 'The timeliness of conferences.', '\uF0B7', 'The quality of plans.'].join('\n'));
    expect(blocks.filter((block) => block.type === 'item').map(({ text, line }) => ({ text, line }))).toEqual([
      { text: 'The timeliness of conferences.', line: 3 },
      { text: 'The quality of plans.', line: 5 },
    ]);
  });

  it('leaves a dash or a letter alone', () => {
    const { blocks } = readDocument(['Figures', '-', 'Rates rose.', 'o', 'Rates fell.'].join('\n'));
    expect(blocks.filter((block) => block.type === 'item')).toEqual([]);
  });
});
