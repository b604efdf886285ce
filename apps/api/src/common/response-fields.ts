import { ApiProperty } from '@nestjs/swagger';

// The field kinds that recur in response bodies. Every field a response always carries is required,
// a column that may be empty is nullable (present, null), so a script can rely on the keys.

/** A record's id, or a reference to one. */
export const Id = (description?: string) => ApiProperty({ type: String, format: 'uuid', description });

/** A reference that may be empty. */
export const NullableId = (description?: string) => ApiProperty({ type: String, format: 'uuid', nullable: true, description });

/** An instant, ISO 8601 in UTC. */
export const Instant = (nullable = false, description?: string) =>
  ApiProperty({ type: String, format: 'date-time', nullable, example: '2026-11-23T09:00:00.000Z', description });

/** A calendar date, YYYY-MM-DD. */
export const Day = (nullable = false, description?: string) => ApiProperty({ type: String, format: 'date', nullable, example: '2026-03-31', description });

/** Text that may be empty (null). */
export const NullableText = (description?: string) => ApiProperty({ type: String, nullable: true, description });

/** A number that may be empty (null). */
export const NullableNumber = (description?: string) => ApiProperty({ type: Number, nullable: true, description });

/** Counts by name, e.g. by status: `{ "in_progress": 3 }`. */
export const Counts = (description?: string) => ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, description });

/** A file the route answers with instead of JSON. */
export const FILE_SCHEMA = { schema: { type: 'string', format: 'binary' } } as const;
