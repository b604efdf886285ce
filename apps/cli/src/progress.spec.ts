import { progressLine } from './progress';

describe("a long command's progress on standard error", () => {
  const setUp = (isTTY: boolean, forced = false) => {
    const lines: string[] = [];
    let clock = 0;
    const tell = progressLine((done, total) => `Read ${done} of ${total} pages`, {
      forced,
      stream: { isTTY, write: (line: string) => (lines.push(line), true) },
      now: () => clock,
    });
    return { lines, tell, at: (ms: number) => (clock = ms) };
  };

  it('stays quiet for the first second, then shows at most one line a second and the last', () => {
    const { lines, tell, at } = setUp(true);
    at(300);
    tell(1, 5);
    at(1100);
    tell(2, 5);
    at(1500);
    tell(3, 5);
    at(2200);
    tell(4, 5);
    at(2300);
    tell(5, 5);
    expect(lines).toEqual(['Read 2 of 5 pages…\n', 'Read 4 of 5 pages…\n', 'Read 5 of 5 pages\n']);
  });

  it('says nothing when standard error is not a terminal, unless --progress asks', () => {
    const piped = setUp(false);
    piped.at(5000);
    piped.tell(1, 1);
    expect(piped.lines).toEqual([]);
    const forced = setUp(false, true);
    forced.at(5000);
    forced.tell(1, 1);
    expect(forced.lines).toEqual(['Read 1 of 1 pages\n']);
  });

  it('says nothing of a command done within its first second', () => {
    const { lines, tell, at } = setUp(true);
    at(900);
    tell(3, 3);
    expect(lines).toEqual([]);
  });
});
