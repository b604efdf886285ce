import { formatSize, withArticle } from './wording';

describe('withArticle: a or an by sound', () => {
  it.each([
    ['EXE', 'an EXE'],
    ['MSI', 'an MSI'],
    ['XLSX', 'an XLSX'],
    ['HTML', 'an HTML'],
    ['PDF', 'a PDF'],
    ['ZIP', 'a ZIP'],
    ['PNG', 'a PNG'],
    ['JPG', 'a JPG'],
    ['RAR', 'a RAR'],
    ['action', 'an action'],
    ['hour', 'an hour'],
    ['user', 'a user'],
    ['one-off', 'a one-off'],
    ['8-week plan', 'an 8-week plan'],
    ['board', 'a board'],
  ])('%s', (word, expected) => expect(withArticle(word)).toBe(expected));
});

describe('formatSize', () => {
  it.each([
    [100 * 1024, '100 KB'],
    [1500, '2 KB'],
    [20 * 1024 * 1024, '20 MB'],
    [1.5 * 1024 * 1024, '1.5 MB'],
  ])('%d bytes', (bytes, expected) => expect(formatSize(bytes)).toBe(expected));
});
