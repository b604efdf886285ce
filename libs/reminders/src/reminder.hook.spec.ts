import { Action } from '@app/database/entities';
import { changesReminders } from './reminder.hook';

const action = (fields: Partial<Action>) => ({ dueDate: '2027-01-31', ownerId: 'o', managerId: 'm', status: 'not_started', title: 't', ...fields }) as Action;

describe('which action changes reschedule reminders', () => {
  it.each([
    ['a new due date', { dueDate: '2027-02-28' }, true],
    ['a new owner', { ownerId: 'p' }, true],
    ['a new manager', { managerId: 'n' }, true],
    ['completion', { status: 'completed' }, true],
    ['cancellation', { status: 'cancelled' }, true],
    ['starting work', { status: 'in_progress' }, false],
    ['blocking', { status: 'blocked' }, false],
    ['a new title', { title: 'renamed' }, false],
  ])('%s: %s', (_what, change, expected) => {
    expect(changesReminders(action({}), action(change as Partial<Action>))).toBe(expected);
  });
});
