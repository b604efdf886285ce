import { readMarker } from './list-markers';

describe('list markers', () => {
  it.each([
    ['- ensure', 'bullet', '-', 'ensure'],
    ['\u2022 ensure', 'bullet', '\u2022', 'ensure'],
    ['\uF0B7\tensure', 'bullet', '\uF0B7', 'ensure'],
    ['\u25FC The timeliness', 'bullet', '\u25FC', 'The timeliness'],
    ['o ensure', 'bullet', 'o', 'ensure'],
    ['12. Ensure', 'number', '12', 'Ensure'],
    ['3) Ensure', 'number', '3', 'Ensure'],
    ['(b) The gathering', 'letter', 'b', 'The gathering'],
    ['a) The quality', 'letter', 'a', 'The quality'],
  ])('reads %j', (line, kind, value, rest) => {
    expect(readMarker(line)).toEqual({ kind, value, rest });
  });

  it.each(['-based services', 'of the plan', '2.1 Adoption performance', '1 THE ISSUE', 'Outcomes are good.'])('sees no marker in %j', (line) => {
    expect(readMarker(line)).toBeNull();
  });
});
