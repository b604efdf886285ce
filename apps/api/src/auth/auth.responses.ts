import { ApiProperty } from '@nestjs/swagger';
import { Id, Instant } from '../common/response-fields';

// The 2xx bodies of the auth routes, as AuthService returns them (sign-in and me: PersonInAuthorityResponse).

export class ApiTokenCreatedResponse {
  @Id() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'The secret to send as "Authorization: Bearer <token>": shown this once, never again' }) token: string;
  @Instant() createdAt: string;
  @Instant() expiresAt: string;
}

export class ApiTokenResponse {
  @Id() id: string;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
  @Instant() createdAt: string;
  @Instant(false, 'When it was last used') lastUsedAt: string;
  @Instant(true) expiresAt: string | null;
}
