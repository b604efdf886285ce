import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { barChart } from './bar-chart';
import { PageRequest } from './csrf';
import { filterQuery, readFilter } from './dashboard-filter';
import { actionExportName } from './dashboard-wording';
import { dateFromParts, dateParts } from './date-field';
import { formatDate, formatDateTime } from './page-format';
import { safeNext } from './page-query';
import { PageRenderer } from './page-renderer';
import { VIEWS_DIR } from './web-assets';
import { AppConfig } from '@app/config';

const request = (query: Record<string, unknown>) => ({ query }) as unknown as PageRequest;

describe('web page helpers', () => {
  it('only returns to paths on this site after sign-in', () => {
    expect(safeNext('/actions/1?x=2')).toBe('/actions/1?x=2');
    for (const bad of ['//evil.example', '/\\evil.example', 'https://evil.example', undefined]) expect(safeNext(bad)).toBeNull();
  });

  it('reads the dashboard filter, ignoring values that are not allowed, and writes it back', () => {
    const filter = readFilter(
      request({ status: ['in_progress', 'nonsense'], rag: 'red,amber', owner: 'not-an-id', overdue: 'true', sort: 'rag', order: 'desc', page: '2' }),
    );
    expect(filter).toEqual({
      status: ['in_progress'],
      rag: ['red', 'amber'],
      ownerId: undefined,
      organisationId: undefined,
      overdue: true,
      sort: 'rag',
      order: 'desc',
      page: 2,
    });
    expect(filterQuery(filter, { page: 1 })).toBe('status=in_progress&rag=red&rag=amber&overdue=true&sort=rag&order=desc');
    expect(readFilter(request({ sort: 'drop table', page: '-3' }))).toMatchObject({ sort: 'due', order: 'asc', page: 1 });
  });

  it('scales the bars to the largest count and describes the chart in words', () => {
    const chart = barChart('c', 'By RAG', [
      { label: 'Red', count: 2, colour: '#f00' },
      { label: 'Green', count: 4, colour: '#0f0' },
    ]);
    expect(chart.description).toBe('Red: 2, Green: 4');
    expect(chart.bars.map((b) => b.barWidth)).toEqual([180, 360]);
  });

  it('writes dates the GOV.UK way, in London time', () => {
    expect(formatDate('2026-03-31')).toBe('31 March 2026');
    expect(formatDate('2027-01-05T10:00:00Z')).toBe('5 January 2027');
    expect(formatDate('2026-02-30')).toBe('2026-02-30');
    expect(formatDate(null)).toBe('');
    expect(formatDateTime('2026-07-01T08:05:00Z')).toBe('1 July 2026 at 9:05am');
    expect(formatDateTime('2026-01-01T00:00:00Z')).toBe('1 January 2026 at 12:00am');
    expect(formatDateTime('2026-07-01T11:30:00.123Z')).toBe('1 July 2026 at 12:30pm');
    expect(formatDateTime('2026-10-25T00:30:00Z')).toBe('25 October 2026 at 1:30am');
    expect(formatDateTime('2026-10-25T01:30:00Z')).toBe('25 October 2026 at 1:30am');
    expect(formatDateTime('not a time')).toBe('not a time');
    expect(actionExportName('Safeguarding & LAC plan!', '2026-11-23')).toBe('safeguarding-lac-plan-actions-2026-11-23.xlsx');
  });

  it('trims template output with its own filter, keeping safe markup safe', () => {
    const env = new PageRenderer({ env: 'test' } as AppConfig, {} as never)['env'];
    const spaced = `  ${'<p>x</p>\n      '.repeat(20_000)}<b>end</b>   `;
    expect(env.renderString('{{ html | safe | trim }}', { html: spaced })).toBe(spaced.trim());
    expect(env.renderString('{{ text | trim }}', { text: ' <i> ' })).toBe('&lt;i&gt;');
  });

  it('keeps pages to Latin-1, so that V8 holds them one byte a character: the layout, and data beyond it written as references', () => {
    const env = new PageRenderer({ env: 'test' } as AppConfig, {} as never)['env'];
    const page = env.render('layout.njk', {
      pageTitle: 'Board meetings',
      user: { displayName: 'Zoë Ōkafor 🌟' },
      council: { id: 'c1', name: 'Aldermoor Children’s Services' },
      navigation: [{ text: 'My actions', href: '/' }],
      backLink: { href: '/meetings', text: 'Board meetings' },
      errorList: [{ text: 'Enter the date', href: '#date' }],
      success: 'Saved.',
    });
    expect([...page].filter((c) => c.charCodeAt(0) > 0xff)).toEqual([]);
    expect(page).toContain('<title>Error: Board meetings &ndash; Improvement Tracker</title>');
    expect(page).toContain('Zoë &#332;kafor &#127775;');
    expect(page).toContain('Aldermoor Children&#8217;s Services');
    expect(env.renderString('{{ a }} {{ b | escape }}', { a: '<b>“fish” & chips</b>', b: "it's 5–6 \\" })).toBe(
      '&lt;b&gt;&#8220;fish&#8221; &amp; chips&lt;/b&gt; it&#39;s 5&#8211;6 &#92;',
    );
  });

  it("writes the templates' own text in Latin-1 (characters beyond it as references), so it keeps pages one byte a character too", () => {
    const templates = readdirSync(VIEWS_DIR, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.njk'));
    expect(templates.length).toBeGreaterThan(20);
    const beyond = templates.flatMap((file) => {
      // What Nunjucks outputs of a tag or an expression is escaped when rendered; the text around them is sent as written.
      const text = readFileSync(join(VIEWS_DIR, file), 'utf8').replace(/\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}|\{#[\s\S]*?#\}/g, '');
      return [...text].filter((c) => c.charCodeAt(0) > 0xff).map((c) => `${file}: ${c}`);
    });
    expect(beyond).toEqual([]);
  });

  it('reads a GOV.UK date input, saying what is missing or wrong', () => {
    const body = (day: string, month: string, year: string) => ({ 'd-day': day, 'd-month': month, 'd-year': year });
    expect(dateFromParts(body('5', '3', '2027'), 'd', 'The date')).toEqual({ value: '2027-03-05' });
    expect(dateFromParts(body('', '', ''), 'd', 'The date')).toEqual({ value: null });
    expect(dateFromParts(body('5', '', ''), 'd', 'The date').error).toBe('The date must include a month and a year');
    expect(dateFromParts(body('31', '2', '2027'), 'd', 'The date').error).toBe('The date must be a real date, for example 27 3 2027');
    expect(dateFromParts(body('1', '1', '27'), 'd', 'The date').error).toContain('must be a real date');
    expect(dateParts('2027-03-05')).toEqual({ day: '5', month: '3', year: '2027' });
  });
});
