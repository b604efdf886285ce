import { EntityManager, FindOperator, Raw } from 'typeorm';
import { isPostgres } from '@app/database/sql';
import { ReminderState } from './entities/reminder.entity';

/**
 * `state IN (...)` for statements that pick reminder rows by id. Without table statistics SQLite
 * answers "these ids, in these states" from a (state, ...) index rather than the primary key, so
 * each batch visited every row in those states. A unary + (SQLite for "not from an index") keeps
 * it on the ids; PostgreSQL plans from statistics, and has no + for text.
 */
export function stateIn(manager: EntityManager, states: readonly ReminderState[]): FindOperator<ReminderState> {
  return Raw((column) => stateInSql(manager, column), { reminderStates: states });
}

/** The same condition as SQL text, for fixed statements; binds `:...reminderStates`. */
export function stateInSql(manager: EntityManager, column = '"state"'): string {
  return `${isPostgres(manager) ? '' : '+'}${column} IN (:...reminderStates)`;
}
