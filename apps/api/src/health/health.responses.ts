import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

// The health check's body: the status alone, and the details only with HEALTH_DETAILS.

class ProbeResponse {
  @ApiProperty({ enum: ['up', 'down'] }) status: string;
  @ApiProperty({ type: 'integer', required: false, description: 'How long it took to answer (when up)' }) ms?: number;
  @ApiProperty({ required: false, description: 'Why it did not answer (when down)' }) error?: string;
}

class DatabaseProbeResponse extends ProbeResponse {
  @ApiProperty({ enum: ['better-sqlite3', 'postgres'] }) type: string;
}

export class HealthResponse {
  @ApiProperty({ enum: ['ok', 'degraded', 'down'], description: 'degraded: Redis does not answer (changes are kept, reminders wait); down: no database (503)' })
  status: string;
  @ApiProperty({ type: DatabaseProbeResponse, required: false, description: 'With HEALTH_DETAILS' }) database?: DatabaseProbeResponse;
  @ApiProperty({ type: ProbeResponse, required: false, description: 'With HEALTH_DETAILS' }) redis?: ProbeResponse;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'integer' },
    nullable: true,
    description: 'With HEALTH_DETAILS: reminders by state across every council (null without the database)',
  })
  reminders?: Record<string, number> | null;
}
