import { fieldOfHeader } from './tracker-columns';
import { readDueDate } from './tracker-dates';
import { readRag, readStatus, readTimescale } from './tracker-words';

describe('tracker wording', () => {
  it.each([
    ['Ref.', 'ref'],
    ['Rec no', 'ref'],
    ['Action No.', 'ref'],
    ['Recommendation / area for improvement', 'recommendation'],
    ['Areas for Improvement', 'recommendation'],
    ['Action to be taken', 'action'],
    ['What we will do', 'action'],
    ['Lead Officer', 'owner'],
    ['Action owner', 'owner'],
    ['Responsible officer', 'owner'],
    ['Target date', 'dueDate'],
    ['Due Date', 'dueDate'],
    ['Deadline', 'dueDate'],
    ['Timescale', 'timescale'],
    ['RAG', 'rag'],
    ['B-RAG rating', 'rag'],
    ['RAG status', 'rag'],
    ['Progress update', 'update'],
    ['Commentary', 'update'],
    ['Status', 'status'],
    ['Progress status', 'status'],
    ['Apples', null],
  ])('the header %s is the %s', (header, field) => expect(fieldOfHeader(header)).toBe(field));

  it.each([
    ['Complete', 'completed', false],
    ['Completed', 'completed', false],
    ['On track', 'in_progress', false],
    ['In progress', 'in_progress', false],
    ['Delayed', 'in_progress', true],
    ['Not started', 'not_started', false],
    ['Not yet complete', 'in_progress', false],
    ['On hold', 'blocked', false],
    ['No longer required', 'cancelled', false],
  ])('the status %s is %s', (text, status, atRisk) => expect(readStatus(text)).toEqual({ status, atRisk }));

  it.each([
    ['R', 'red'],
    ['a', 'amber'],
    ['G', 'green'],
    ['B', 'blue'],
    ['Amber', 'amber'],
    ['Red/Amber', 'red'],
    ['Green (on track)', 'green'],
    ['maybe', null],
  ])('the RAG %s is %s', (text, rag) => expect(readRag(text)).toBe(rag));

  it.each([
    ['31/03/2015', '2015-03-31'],
    ['31.3.15', '2015-03-31'],
    ['31-03-2015', '2015-03-31'],
    ['2015-03-31', '2015-03-31'],
    ['31 March 2015', '2015-03-31'],
    ['31st Mar 2015', '2015-03-31'],
    ['by 30 June 2015', '2015-06-30'],
    ['March 2015', '2015-03-31'],
    ['Feb-16', '2016-02-29'],
    [42094, '2015-03-31'],
    ['Ongoing', null],
  ])('the due date %s is %s', (written, date) => expect(readDueDate(written).date).toBe(date));

  it('a date that does not exist, or one written month first, is a problem', () => {
    expect(readDueDate('31/02/2015')).toEqual({ date: null, problem: expect.stringContaining('February 2015 has 28 days') });
    expect(readDueDate('03/31/2015').problem).toContain('write dates day first');
    expect(readDueDate('soon').problem).toContain('"soon" is not a date');
    // Such a row is not left undated: it is due as an undated action is, and the message says so.
    expect(readDueDate('31/02/2015').problem).toContain("the plan's default horizon (12 months from its start");
    expect(readDueDate('soon').problem).not.toContain('no due date');
  });

  it('reads timescales as ours', () => {
    expect([readTimescale('Immediate'), readTimescale('Within 3 months'), readTimescale('six months'), readTimescale('Q3')]).toEqual([
      'immediately',
      'three_months',
      'six_months',
      null,
    ]);
  });
});
