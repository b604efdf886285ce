import { extractText } from '../src/pdf-text';
import { buildPdf } from './pdf-builder';

const LIMIT = 5 * 1024 * 1024;

// Each PDF is read in a worker thread of its own, which takes seconds on a busy machine.
jest.setTimeout(30_000);

describe('buildPdf', () => {
  it('draws a report in the published look, as the upload path reads it', async () => {
    const words = Array.from({ length: 60 }, (_, index) => `word${index}`).join(' ');
    const text = await extractText(
      await buildPdf({
        header: 'Running header of Anyshire',
        footer: 'Running footer of Anyshire',
        blocks: [
          { title: 'Anyshire County Council' },
          {
            table: [
              ['Judgement', 'Grade'],
              ['Overall effectiveness', 'Requires improvement to be good'],
            ],
          },
          { heading: 'What needs to improve?', footnote: 'A note at the foot.' },
          { bullet: `First ${words}.`, glyph: 'square' },
          { bullet: 'Second.', glyph: 'symbol' },
          { bullet: 'Third.', glyph: 'wingdings' },
          { bullet: 'Fourth.', glyph: 'dot' },
          { para: 'A numbered paragraph.', number: 7 },
          { pageBreak: true },
          { para: 'On page two.' },
        ],
      }),
      LIMIT,
    );
    const pages = text.split('\f');
    expect(pages).toHaveLength(2);
    expect(pages[0]).toContain('What needs to improve?1');
    expect(pages[0]).toMatch(/^\u25FC\s*First word0/m);
    expect(pages[0]).toMatch(/^\uF0B7\s*Second\.$/m);
    expect(pages[0]).toMatch(/^\uF0A7\s*Third\.$/m);
    expect(pages[0]).toMatch(/^\u2022\s*Fourth\.$/m);
    expect(pages[0]).toMatch(/^7\.\s*A numbered paragraph\.$/m);
    expect(pages[0]).toMatch(/^1 A note at the foot\.$/m);
    // The long bullet wraps over lines: its last word is not on its first line.
    expect(pages[0]).not.toMatch(/First.*word59/);
    expect(pages[0]).not.toContain('Running header');
    expect(pages[0]).toMatch(/Running footer of Anyshire\s+1\s*$/);
    expect(pages[1]).toMatch(/^\s*Running header of Anyshire\n/);
    expect(pages[1]).toMatch(/Running footer of Anyshire\s+2\s*$/);
  });

  it('flows text onto a new page, breaking inside a bullet', async () => {
    const bullets = Array.from({ length: 40 }, (_, index) => ({
      bullet: `Item ${index} wraps over two lines because its text is long enough to need them both.`,
    }));
    const text = await extractText(await buildPdf({ footer: 'Footer', blocks: bullets }), LIMIT);
    expect(text.split('\f').length).toBeGreaterThan(1);
    for (let index = 0; index < 40; index += 1) expect(text).toContain(`Item ${index} `);
  });
});
