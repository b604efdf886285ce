import { DomainError } from './domain-error';

describe('DomainError', () => {
  it('is an Error with a code', () => {
    const error = new DomainError('invalid_date', 'Write the date as YYYY-MM-DD.');
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ name: 'DomainError', code: 'invalid_date', message: 'Write the date as YYYY-MM-DD.' });
  });
});
