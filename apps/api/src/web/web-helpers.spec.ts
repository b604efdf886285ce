import { barChart } from './bar-chart';
import { PageRequest } from './csrf';
import { filterQuery, readFilter } from './dashboard-filter';
import { actionExportName } from './dashboard-wording';
import { formatDate, formatDateTime } from './page-format';
import { safeNext } from './page-query';

const request = (query: Record<string, unknown>) => ({ query }) as unknown as PageRequest;

describe('web page helpers', () => {
  it('only returns to paths on this site after sign-in', () => {
    expect(safeNext('/actions/1?x=2')).toBe('/actions/1?x=2');
    for (const bad of ['//evil.example', '/\\evil.example', 'https://evil.example', undefined]) expect(safeNext(bad)).toBeNull();
  });

  it('reads the dashboard filter, ignoring values that are not allowed, and writes it back', () => {
    const filter = readFilter(request({ status: ['in_progress', 'nonsense'], rag: 'red,amber', owner: 'not-an-id', overdue: 'true', sort: 'rag', order: 'desc', page: '2' }));
    expect(filter).toEqual({ status: ['in_progress'], rag: ['red', 'amber'], ownerId: undefined, organisationId: undefined, overdue: true, sort: 'rag', order: 'desc', page: 2 });
    expect(filterQuery(filter, { page: 1 })).toBe('status=in_progress&rag=red&rag=amber&overdue=true&sort=rag&order=desc');
    expect(readFilter(request({ sort: 'drop table', page: '-3' }))).toMatchObject({ sort: 'due', order: 'asc', page: 1 });
  });

  it('scales the bars to the largest count and describes the chart in words', () => {
    const chart = barChart('c', 'By RAG', [{ label: 'Red', count: 2, colour: '#f00' }, { label: 'Green', count: 4, colour: '#0f0' }]);
    expect(chart.description).toBe('Red: 2, Green: 4');
    expect(chart.bars.map((b) => b.barWidth)).toEqual([180, 360]);
  });

  it('writes dates the GOV.UK way, in London time', () => {
    expect(formatDate('2026-03-31')).toBe('31 March 2026');
    expect(formatDateTime('2026-07-01T08:05:00Z')).toBe('1 July 2026 at 9:05am');
    expect(actionExportName('Safeguarding & LAC plan!', '2026-11-23')).toBe('safeguarding-lac-plan-actions-2026-11-23.xlsx');
  });
});
