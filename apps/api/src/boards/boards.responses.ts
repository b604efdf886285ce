import { ApiProperty } from '@nestjs/swagger';
import { Id, Instant, NullableId } from '../common/response-fields';

// The 2xx body of the boards routes, as BoardService returns it.

export class BoardResponse {
  @Id() id: string;
  @Id() authorityId: string;
  @ApiProperty({ example: 'Service Improvement Board' }) name: string;
  @NullableId() chairId: string | null;
  @Instant() createdAt: string;
  @ApiProperty({ type: [String], format: 'uuid', description: 'The members, the chair among them' }) memberIds: string[];
}
