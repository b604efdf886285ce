import fc from 'fast-check';
import { ACTION_STATUSES, ActionStatus, allowedTransitions, assertTransition, OPEN_STATUSES, TERMINAL_STATUSES } from './action-status';
import { isWorkingDay } from './bank-holidays';
import { addCalendarMonths, addDays, daysBetween, isCalendarDate } from './calendar-date';
import { computeDueDate } from './due-date';
import { DomainError } from './domain-error';
import { PlanSettings } from './plan-settings';
import { deriveRag, effectiveRag, RAGS } from './rag';
import { TIMESCALES } from './timescale';

/** Calendar dates from 1990 to 2080, written YYYY-MM-DD. */
const date = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2080-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const settings: fc.Arbitrary<PlanSettings> = fc.record({
  immediateWindowDays: fc.integer({ min: 0, max: 365 }),
  defaultHorizonMonths: fc.integer({ min: 1, max: 60 }),
  warningWindowDays: fc.integer({ min: 0, max: 365 }),
  moveOffNonWorkingDays: fc.boolean(),
});
const timescale = fc.constantFrom(...TIMESCALES);
const status = fc.constantFrom(...ACTION_STATUSES);

describe('domain rules, for any input (fast-check)', () => {
  it('a due date is a real date, never before the plan starts, and on a working day when the plan asks', () => {
    fc.assert(
      fc.property(date, timescale, settings, (start, scale, s) => {
        const due = computeDueDate(start, scale, s);
        expect(isCalendarDate(due)).toBe(true);
        expect(due >= start).toBe(true);
        if (s.moveOffNonWorkingDays) expect(isWorkingDay(due)).toBe(true);
      }),
    );
  });

  it('adding months clamps to the month end and lands in the right month', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: -120, max: 120 }), (start, months) => {
        const result = addCalendarMonths(start, months);
        const [y, m, d] = start.split('-').map(Number);
        const target = y * 12 + (m - 1) + months;
        const [ry, rm, rd] = result.split('-').map(Number);
        expect(ry * 12 + (rm - 1)).toBe(target);
        const monthLength = new Date(Date.UTC(ry, rm, 0)).getUTCDate();
        expect(rd).toBe(Math.min(d, monthLength));
      }),
    );
  });

  it('adding days and counting them agree', () => {
    fc.assert(fc.property(date, fc.integer({ min: -5000, max: 5000 }), (start, days) => expect(daysBetween(start, addDays(start, days))).toBe(days)));
  });

  it('every action has exactly one rating (none once it is no longer the plan’s work), and an override wins', () => {
    fc.assert(
      fc.property(
        status,
        fc.option(date, { nil: null }),
        date,
        fc.integer({ min: 0, max: 365 }),
        fc.boolean(),
        fc.option(fc.constantFrom(...RAGS), { nil: null }),
        (st, due, today, warning, atRisk, override) => {
          const rag = deriveRag({ status: st, dueDate: due, today, warningWindowDays: warning, atRisk });
          if (st === 'cancelled' || st === 'carried_over') expect(rag).toBeNull();
          else expect(RAGS).toContain(rag);
          if (OPEN_STATUSES.includes(st) && st !== 'blocked' && due !== null && due < today) expect(rag).toBe('red');
          expect(effectiveRag(rag, override)).toBe(override ?? rag);
        },
      ),
    );
  });

  it('no sequence of ordinary changes leaves a closed status, or reaches verified without evidence and a board decision', () => {
    const step = fc.record({ to: status, evidence: fc.integer({ min: 0, max: 2 }), board: fc.boolean(), reason: fc.constantFrom('', 'because') });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 25 }), (steps) => {
        let current: ActionStatus = 'not_started';
        for (const s of steps) {
          const before = current;
          try {
            assertTransition(current, s.to, { evidenceCount: s.evidence, byBoardDecision: s.board, reason: s.reason });
            current = s.to;
          } catch (error) {
            expect(error).toBeInstanceOf(DomainError);
            continue;
          }
          expect(TERMINAL_STATUSES).not.toContain(before);
          expect(allowedTransitions(before)).toContain(current);
          if (current === 'completed') expect(s.evidence).toBeGreaterThan(0);
          if (current === 'verified') expect(s.board).toBe(true);
          if (current === 'blocked' || current === 'cancelled') expect(s.reason).not.toBe('');
          expect(current).not.toBe('carried_over');
        }
      }),
    );
  });
});
