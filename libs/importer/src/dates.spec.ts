import { dateLine, findDate, findDateRange, monthYears } from './dates';

describe('dates', () => {
  it.each([
    ['Published: 24 February 2012', '2012-02-24'],
    ['24th November 2014', '2014-11-24'],
    ['24 [\u2122] November 2014', '2014-11-24'],
    ['1 Sept. 2009', '2009-09-01'],
    ['Date: 03/06/2010', '2010-06-03'],
    ['31 February 2012', null],
    ['no date here', null],
  ])('finds the date in %j', (text, expected) => {
    expect(findDate(text)).toBe(expected);
  });

  it.each([
    ['9 - 20 January 2012', '2012-01-09', '2012-01-20'],
    ['5 \u2013 16 March 2012', '2012-03-05', '2012-03-16'],
    ['28 February to 11 March 2013', '2013-02-28', '2013-03-11'],
    ['4 March 2019 to 15 March 2019', '2019-03-04', '2019-03-15'],
    ['30 December \u2013 10 January 2013', '2012-12-30', '2013-01-10'],
    ['12 June 2010', '2010-06-12', '2010-06-12'],
  ])('reads the range %j', (text, start, end) => {
    expect(findDateRange(text)).toEqual({ start, end });
  });

  it('takes a line that is only a date as a letter date, and no other', () => {
    expect(dateLine('  1 November 2006 ')).toBe('2006-11-01');
    expect(dateLine('Published: 1 November 2006')).toBeNull();
  });

  it('writes months in full', () => {
    expect(monthYears('following the Mar 2013 inspection and in June 2014')).toEqual(['March 2013', 'June 2014']);
  });
});
