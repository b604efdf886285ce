import { statementKey, statementMarkdown, statementTable } from './statement-table';

describe('statement timings', () => {
  it('counts a statement with lists of other lengths as one', () => {
    expect(statementKey('SELECT * FROM "t" WHERE "a" IN (?, ?, ?) AND "b" IN (?,?) AND "c" = ?')).toBe(
      'SELECT * FROM "t" WHERE "a" IN (?…) AND "b" IN (?…) AND "c" = ?',
    );
    expect(statementKey('SELECT * FROM "t" WHERE "a" IN ($1, $2) AND "b" = (?) AND "c" IN (?)')).toBe(
      'SELECT * FROM "t" WHERE "a" IN (?…) AND "b" = (?) AND "c" IN (?…)',
    );
  });

  it('gives each page its statements by their share of its SQL, with their runs a page', () => {
    const samples = [
      { page: 'review', sql: 'SELECT 1 WHERE "x" IN (?, ?)', micros: 30, rows: 2 },
      { page: 'review', sql: 'SELECT 1 WHERE "x" IN (?, ?, ?)', micros: 50, rows: 4 },
      { page: 'review', sql: 'SELECT 2', micros: 20, rows: 1 },
      { page: 'meeting', sql: 'SELECT 3', micros: 5, rows: 0 },
    ];
    const table = statementTable(
      samples,
      new Map([
        ['review', 2],
        ['meeting', 1],
      ]),
    );
    expect(table.get('review')).toEqual([
      { statement: 'SELECT 1 WHERE "x" IN (?…)', perPage: 1, averageMicros: 40, averageRows: 3, share: 0.8 },
      { statement: 'SELECT 2', perPage: 0.5, averageMicros: 20, averageRows: 1, share: 0.2 },
    ]);
    expect(table.get('meeting')).toEqual([{ statement: 'SELECT 3', perPage: 1, averageMicros: 5, averageRows: 0, share: 1 }]);
    expect(statementMarkdown(table)).toContain('**review**: 0.05 ms of SQL a page');
  });
});
