import * as importer from './index';

describe('the importer library', () => {
  it('exports its public API', () => {
    for (const name of ['parseReport', 'extractText', 'readReport', 'toImportJson', 'contentHash', 'ImportError']) {
      expect(typeof (importer as Record<string, unknown>)[name]).toBe('function');
    }
    expect(importer.TIMESCALES).toEqual(['immediately', 'three_months', 'six_months', 'unspecified']);
    expect(importer.KIND_COUNCIL_PROGRESS_PAPER).toBe('council_progress_paper');
  });

  it('has an error with a code a caller can switch on', () => {
    const error = new importer.ImportError('too_large', 'Too large.');
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'ImportError', code: 'too_large' });
  });
});
