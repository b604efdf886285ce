import { Column, ColumnOptions, ForeignKey, ObjectType, PrimaryColumn } from 'typeorm';
import type { OnDeleteType } from 'typeorm/metadata/types/OnDeleteType';

// Portable across SQLite and PostgreSQL: ids are UUID strings made in code, calendar dates are
// 'YYYY-MM-DD' and instants are ISO-8601 UTC strings, which sort correctly as text on both.
export const IdColumn = () => PrimaryColumn({ type: 'varchar', length: 36 });
export const RefColumn = (options: ColumnOptions = {}) => Column({ type: 'varchar', length: 36, ...options });
export const DateColumn = (options: ColumnOptions = {}) => Column({ type: 'varchar', length: 10, ...options });
export const InstantColumn = (options: ColumnOptions = {}) => Column({ type: 'varchar', length: 30, ...options });
export const TextColumn = (length: number, options: ColumnOptions = {}) => Column({ type: 'varchar', length, ...options });

/**
 * A reference column's foreign key. onDelete: CASCADE where the row is part of its parent, SET NULL
 * for an optional link, RESTRICT otherwise (authorities and people are never deleted).
 */
export const References = <T>(target: () => ObjectType<T>, onDelete: OnDeleteType = 'RESTRICT') => ForeignKey(target, { onDelete });
