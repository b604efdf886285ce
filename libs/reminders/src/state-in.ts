import { EntityManager, FindOperator, In, Raw } from 'typeorm';
import { ReminderState } from './entities/reminder.entity';

/**
 * `state IN (...)` for statements that pick reminder rows by id. Without table statistics SQLite
 * answers "these ids, in these states" from a (state, ...) index rather than the primary key, so
 * each batch visited every row in those states. A unary + (SQLite for "not from an index") keeps
 * it on the ids; PostgreSQL plans from statistics, and has no + for text.
 */
export function stateIn(manager: EntityManager, states: readonly ReminderState[]): FindOperator<ReminderState> {
  if (manager.connection.options.type === 'postgres') return In(states);
  return Raw((column) => `+${column} IN (:...reminderStates)`, { reminderStates: states });
}
