import { ImportError } from './import-error';

describe('ImportError', () => {
  it('has a code a caller can switch on', () => {
    const error = new ImportError('too_large', 'Too large.');
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'ImportError', code: 'too_large' });
  });
});
