import { ApiProperty } from '@nestjs/swagger';
import { ORGANISATION_KINDS, ROLES } from '@app/domain';
import { Id, Instant, NullableId } from '../common/response-fields';

// The 2xx bodies of the people routes, as UserService, InvitationService and OrganisationService return them.

export class PersonResponse {
  @Id() id: string;
  @ApiProperty({ example: 'sam.jones@example.gov.uk' }) email: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ description: 'Can they sign in here: their account and their membership of this council are both active' }) active: boolean;
  @ApiProperty({ enum: ROLES, isArray: true }) roles: string[];
  @NullableId('Their line manager') managerId: string | null;
  @NullableId() organisationId: string | null;
}

export class InvitationReceiptResponse {
  @ApiProperty({ enum: [true] }) invited: boolean;
  @Id() invitationId: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: ['pending'] }) status: string;
  @Instant() expiresAt: string;
}

export class InvitationResponse {
  @Id() id: string;
  @ApiProperty({ description: 'The address the admin typed' }) email: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles: string[];
  @ApiProperty({ enum: ['pending', 'accepted', 'withdrawn', 'expired'] }) status: string;
  @Instant() createdAt: string;
  @Instant() expiresAt: string;
}

class InvitingAuthorityResponse {
  @Id() id: string;
  @ApiProperty() name: string;
}

export class MyInvitationResponse {
  @Id() id: string;
  @ApiProperty({ type: InvitingAuthorityResponse }) authority: InvitingAuthorityResponse;
  @ApiProperty({ enum: ROLES, isArray: true }) roles: string[];
  @Instant() createdAt: string;
  @Instant() expiresAt: string;
}

/** You, in a council: after signing in, or in the council whose invitation you accepted. */
export class PersonInAuthorityResponse {
  @ApiProperty({ type: PersonResponse }) user: PersonResponse;
  @Id('The council: sign in with it to work there') authorityId: string;
}

export class OrganisationResponse {
  @Id() id: string;
  @Id() authorityId: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ORGANISATION_KINDS }) kind: string;
  @Instant() createdAt: string;
}
