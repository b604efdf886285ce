import { parseReport } from './parse-report';

const wide = 'x'.repeat(20);
const report = (lines: string[]) =>
  parseReport(['Inspection of Anyshire local authority children’s services', 'Inspection dates: 1 to 12 March 2021', ...lines].join('\n'));

describe('the findings of a report of the current framework', () => {
  it('end at the first judgement section, even after an item with no full stop whose last line is full', () => {
    const { findings } = report([
      `A summary paragraph that runs the whole width of the page, as running text does, ${wide} ${wide}`,
      'which ends here.',
      'What needs to improve?',
      `\u25FC The quality of assessments for disabled children, so that their plans say what will change ${wide}`,
      `and by when for each of them and for their families, and so that plans are reviewed ${wide} ${wide}`,
      'The experiences and progress of children who need help and protection: good',
      '1. Early help is well established.',
    ]);
    expect(findings.map((finding) => finding.text)).toEqual([
      `The quality of assessments for disabled children, so that their plans say what will change ${wide} and by when for each of them and for their families, and so that plans are reviewed ${wide} ${wide}`,
    ]);
    expect(findings[0].timescale).toBe('unspecified');
  });
});

describe('the list of what needs to improve, its bullets lost in extraction', () => {
  it('is read one line or paragraph per finding, up to the first judgement section', () => {
    const { findings } = report([
      'What needs to improve?',
      'The timeliness of initial child protection conferences',
      'The quality of plans for care leavers, so that they say what help each young person will get and',
      'who will give it.',
      'The experiences and progress of children who need help and protection: good',
      '1. Early help is well established.',
    ]);
    expect(findings.map(({ section, text }) => ({ section, text }))).toEqual([
      { section: 'What needs to improve?', text: 'The timeliness of initial child protection conferences' },
      {
        section: 'What needs to improve?',
        text: 'The quality of plans for care leavers, so that they say what help each young person will get and who will give it.',
      },
    ]);
  });
});
