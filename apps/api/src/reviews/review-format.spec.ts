import { directionName } from './review-format';

describe('direction of travel in words', () => {
  it('says there is no value to compare when the quarter has no value, and no earlier value only when the quarter has one', () => {
    expect(directionName(null, null)).toBe('No value to compare');
    expect(directionName(null, 128)).toBe('No earlier value');
    expect(directionName('improving', 128)).toBe('Improving');
    expect(directionName('unchanged', 128)).toBe('No change');
  });
});
