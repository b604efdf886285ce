import type { TrackerRow } from '@app/importer/tracker';
import { trackerRefs } from './tracker-refs';

const rowsOf = (refs: (string | null)[]) => refs.map((ref, i) => ({ line: i + 2, ref }) as TrackerRow);
const rows = (...refs: (string | null)[]) => rowsOf(refs);

describe('trackerRefs', () => {
  it('numbers the rows that cannot keep their own ref on from the highest A number the plan or the tracker holds', () => {
    const { refs, problems } = trackerRefs(rows('A7', null, '2.1', '2.1'), true, new Set(), 3);
    expect(refs).toEqual(['A7', 'A8', '2.1', 'A9']);
    expect(problems.map((p) => p.line)).toEqual([3, 5]);
  });

  it('does not count on from an A number too long to be one of ours, and copes with a very long tracker', () => {
    expect(trackerRefs(rows('A99999999999', null), true).refs).toEqual(['A99999999999', 'A1']);
    const many = rowsOf([...Array.from({ length: 200_000 }, (_, i) => `T${i}`), null]);
    expect(trackerRefs(many, true).refs.at(-1)).toBe('A1');
  });
});
