import { fullActionText, lineSpan } from './page-format';
import { spreadsheetText } from './spreadsheet-cell';

describe('spreadsheetText: OWASP formula injection', () => {
  it.each(['=1+1', '+44', '-1 day', '@SUM(A1)', '\tx', '\rx'])('prefixes %j', (text) => expect(spreadsheetText(text)).toBe(`'${text}`));
  it.each(['Plan', ' =not first', '', "'already"])('leaves %j', (text) => expect(spreadsheetText(text)).toBe(text));
});

describe('fullActionText', () => {
  it("gives a finding's whole text for a title cut from it", () => {
    const description = 'ensure that  all referrals are\n acknowledged within one working day and that the outcome is recorded';
    expect(fullActionText({ title: 'Ensure that all referrals are acknowledged…', description })).toBe(
      'Ensure that all referrals are acknowledged within one working day and that the outcome is recorded',
    );
  });
  it('keeps a title that was not cut, or whose description says something else', () => {
    expect(fullActionText({ title: 'Audit supervision', description: 'audit supervision in every team' })).toBe('Audit supervision');
    expect(fullActionText({ title: 'Wait…', description: 'something else entirely' })).toBe('Wait…');
  });
});

describe('lineSpan', () => {
  it.each([
    [316, 316, 'line 316'],
    [316, null, 'line 316'],
    [316, 320, 'lines 316–320'],
    [null, null, ''],
  ])('%p to %p', (start, end, expected) => expect(lineSpan(start, end)).toBe(expected));
});
