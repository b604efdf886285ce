import { ActionStatus } from './action-status';
import { DomainError } from './domain-error';
import { deriveRag, effectiveRag, fromTracker, Rag, RagInput, trackerRagReason } from './rag';

const today = '2026-05-01';
const base: RagInput = { status: 'in_progress', dueDate: '2026-09-01', today, warningWindowDays: 14, atRisk: false };

describe('deriveRag', () => {
  describe.each<ActionStatus>(['not_started', 'in_progress'])('an open %s action', (status) => {
    it.each<[string, string | null, boolean, Rag]>([
      ['overdue by a day', '2026-04-30', false, 'red'],
      ['overdue by a year', '2025-05-01', false, 'red'],
      ['overdue and at risk', '2026-04-30', true, 'red'],
      ['due today', '2026-05-01', false, 'amber'],
      ['due tomorrow', '2026-05-02', false, 'amber'],
      ['due in exactly the warning window', '2026-05-15', false, 'amber'],
      ['due a day after the warning window', '2026-05-16', false, 'green'],
      ['due later and at risk', '2026-09-01', true, 'amber'],
      ['without a due date', null, false, 'green'],
      ['without a due date but at risk', null, true, 'amber'],
    ])('%s is %s', (_name, dueDate, atRisk, expected) => {
      expect(deriveRag({ ...base, status, dueDate, atRisk })).toBe(expected);
    });
  });

  it.each<[string, string, string, Rag]>([
    ['spring clock change, 14 days', '2026-03-15', '2026-03-29', 'amber'],
    ['spring clock change, 15 days', '2026-03-15', '2026-03-30', 'green'],
    ['autumn clock change, 14 days', '2026-10-11', '2026-10-25', 'amber'],
    ['autumn clock change, 15 days', '2026-10-11', '2026-10-26', 'green'],
    ['leap day, 14 days', '2028-02-15', '2028-02-29', 'amber'],
    ['over a leap day, 15 days', '2028-02-15', '2028-03-01', 'green'],
  ])('counts whole calendar days across a %s', (_name, day, dueDate, expected) => {
    expect(deriveRag({ ...base, today: day, dueDate })).toBe(expected);
  });

  it('with a zero warning window, only the due day itself is amber', () => {
    expect(deriveRag({ ...base, warningWindowDays: 0, dueDate: '2026-05-01' })).toBe('amber');
    expect(deriveRag({ ...base, warningWindowDays: 0, dueDate: '2026-05-02' })).toBe('green');
    expect(deriveRag({ ...base, warningWindowDays: 0, dueDate: '2026-04-30' })).toBe('red');
  });

  describe.each<[ActionStatus, Rag | null]>([
    ['verified', 'blue'],
    ['blocked', 'red'],
    ['completed', 'green'],
    ['cancelled', null],
    ['carried_over', null],
  ])('a %s action', (status, expected) => {
    it.each<[string, string | null, boolean]>([
      ['overdue', '2026-04-30', false],
      ['due today', '2026-05-01', false],
      ['due within the window', '2026-05-10', false],
      ['due later', '2026-09-01', false],
      ['due later and at risk', '2026-09-01', true],
      ['overdue and at risk', '2026-04-30', true],
      ['without a due date', null, false],
    ])(`is ${String(expected)} when %s`, (_name, dueDate, atRisk) => {
      expect(deriveRag({ ...base, status, dueDate, atRisk })).toBe(expected);
    });
  });

  describe('invalid input', () => {
    it('rejects a bad date today', () => {
      expect(() => deriveRag({ ...base, today: '2026-5-1' })).toThrow(expect.objectContaining({ code: 'invalid_date' }));
    });

    it('rejects a bad due date, naming it', () => {
      expect(() => deriveRag({ ...base, dueDate: '2026-02-30' })).toThrow(/due date/);
    });

    it.each([-1, 1.5])('rejects a warning window of %p', (warningWindowDays) => {
      expect(() => deriveRag({ ...base, warningWindowDays })).toThrow(DomainError);
    });

    it('rejects an unknown status', () => {
      expect(() => deriveRag({ ...base, status: 'done' as ActionStatus })).toThrow(expect.objectContaining({ code: 'invalid_status' }));
    });
  });
});

describe('effectiveRag', () => {
  it.each<[Rag | null, Rag | null, Rag | null]>([
    ['green', null, 'green'],
    ['green', 'red', 'red'],
    ['red', 'amber', 'amber'],
    ['amber', 'green', 'green'],
    ['blue', 'amber', 'amber'],
    [null, null, null],
    [null, 'green', 'green'],
  ])('derived %p with override %p shows %p', (derived, override, expected) => {
    expect(effectiveRag(derived, override)).toBe(expected);
  });
});

describe('a RAG kept from an imported tracker', () => {
  it('is told from a person’s override by its reason', () => {
    expect(fromTracker(trackerRagReason('green', 'the tracker plan (v2).xlsx', 6))).toBe(true);
    expect(fromTracker(trackerRagReason('red', 'the imported tracker', 12))).toBe(true);
    expect(fromTracker('The chair asked for red: the audit is late')).toBe(false);
    expect(fromTracker('Rated green in the tracker, says the owner')).toBe(false);
    expect(fromTracker(null)).toBe(false);
  });
});
