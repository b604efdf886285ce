import * as domain from './index';

describe('public API', () => {
  it.each([
    'DomainError',
    'TIMESCALES',
    'DEFAULT_PLAN_SETTINGS',
    'isBankHoliday',
    'bankHolidays',
    'isWorkingDay',
    'previousWorkingDay',
    'computeDueDate',
    'addCalendarMonths',
    'addDays',
    'todayInLondon',
    'deriveRag',
    'effectiveRag',
    'ACTION_STATUSES',
    'assertTransition',
    'allowedTransitions',
    'OPEN_STATUSES',
    'isClosedStatus',
    'quarterOf',
    'parseQuarter',
    'previousQuarter',
  ])('exports %s', (name) => {
    expect((domain as Record<string, unknown>)[name]).toBeDefined();
  });

  it('DomainError is an Error with a code', () => {
    const error = new domain.DomainError('invalid_date', 'Write the date as YYYY-MM-DD.');
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(domain.DomainError);
    expect(error).toMatchObject({ name: 'DomainError', code: 'invalid_date', message: 'Write the date as YYYY-MM-DD.' });
  });
});
