import { readDocument } from './report-document';

const page = (body: string[], foot: string[]) => [...body, ...foot, 'Running footer 1'].join('\n');

describe('footnotes', () => {
  it('are page furniture when their marker is glued to a word earlier on the page', () => {
    const text = page(
      ['What needs to improve?1', '\u25FC The sufficiency of homes for older children'],
      ['1 Cross-references are to the national', 'framework.'],
    );
    const { blocks } = readDocument(text);
    expect(blocks.map((block) => block.text)).not.toContain(expect.stringContaining('Cross-references'));
    expect(blocks.find((block) => block.type === 'item')?.text).toBe('The sufficiency of homes for older children');
  });

  it('are kept when no marker points at them: a line that starts with a number is text', () => {
    const text = page(['What needs to improve?', '\u25FC The sufficiency of homes for older children.'], ['12 children were seen alone.']);
    const { blocks } = readDocument(text);
    expect(blocks.map((block) => block.text)).toContain('12 children were seen alone.');
  });
});
