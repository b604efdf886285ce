import { fullActionText } from './action-text';

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
