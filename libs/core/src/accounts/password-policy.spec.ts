import { MAX_PASSWORD_LENGTH, passwordProblem } from './password-policy';

describe('passwordProblem', () => {
  it.each([
    ['twelve spaces', ' '.repeat(12), /only spaces/],
    ['one character repeated', 'aaaaaaaaaaaa', /one character repeated/],
    ['a common word repeated', 'passwordpassword', /too common/],
    ['a common password with digits and a symbol added', 'Password2024!', /too common/],
    ['a common password with separators', 'pass-word-123456', /too common/],
    ['a keyboard walk', 'qwertyuiop12', /too common/],
    ['a number sequence', '123456789012', /too common/],
    ['a short pattern repeated', 'ab12ab12ab12', /too common/],
    ['the product name', 'improvementtracker', /too common/],
    ['eleven characters', 'abcdefghij!', /at least 12/],
    ['90,000 characters', 'x'.repeat(45_000) + 'y'.repeat(45_000), /128 characters or fewer/],
  ])('refuses %s', (_what, password, message) => {
    expect(passwordProblem(password, { email: 'someone@council.test' })).toMatch(message);
  });

  it("refuses a password equal to or containing the email address's name part", () => {
    expect(passwordProblem('jo.bloggs.council', { email: 'Jo.Bloggs@council.test' })).toMatch(/email address/);
    expect(passwordProblem('morganhughes', { email: 'morganhughes@council.test' })).toMatch(/email address/);
  });

  it('accepts long passphrases and random strings, with no composition rules', () => {
    expect(passwordProblem('correct horse battery staple', { email: 'someone@council.test' })).toBeNull();
    expect(passwordProblem('a long test password', { email: 'someone@council.test' })).toBeNull();
    expect(passwordProblem('4kT9#pq2Lm!x', {})).toBeNull();
    expect(passwordProblem('x'.repeat(MAX_PASSWORD_LENGTH - 1) + 'y', {})).toBeNull();
  });

  it('counts characters, not bytes: 12 accented letters are long enough', () => {
    expect(passwordProblem('éàüöñçßøåæœł', {})).toBeNull();
  });
});
