import { splitLettered } from './findings-lettered-list';

describe('lettered lists', () => {
  it('splits on letters that run in order, with or without an opening bracket', () => {
    expect(splitLettered('a) One thing. (b) Another (c) A third.')).toEqual(['One thing.', 'Another', 'A third.']);
  });

  it('ignores a letter out of order, such as a reference inside an item', () => {
    expect(splitLettered('(a) As in (c) below, plans. (b) Reviews.')).toEqual(['As in (c) below, plans.', 'Reviews.']);
  });

  it('finds no list when the text does not start with (a)', () => {
    expect(splitLettered('Some text (a) later.')).toEqual([]);
  });
});
