import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Authenticated, InvitationService, OrganisationService, UserService } from '@app/core';
import { CurrentActor, Roles } from '../common/decorators';
import { CreateOrganisationDto, CreateUserDto, UpdateUserDto } from './people.dto';
import {
  InvitationReceiptResponse,
  InvitationResponse,
  MyInvitationResponse,
  OrganisationResponse,
  PersonInAuthorityResponse,
  PersonResponse,
} from './people.responses';

@ApiTags('people')
@Controller('api/v1')
export class PeopleController {
  constructor(
    private readonly users: UserService,
    private readonly invitations: InvitationService,
    private readonly organisations: OrganisationService,
  ) {}

  @ApiOperation({ summary: 'The people of your council' })
  @ApiOkResponse({ type: [PersonResponse] })
  @Get('users')
  listUsers(@CurrentActor() actor: Authenticated) {
    return this.users.list(actor.authorityId);
  }

  @ApiOperation({ summary: 'One person of your council' })
  @ApiOkResponse({ type: PersonResponse })
  @Get('users/:id')
  getUser(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string) {
    return this.users.get(actor.authorityId, id);
  }

  @Roles('admin')
  @ApiOperation({ summary: 'Add a person to your council (or invite an existing account)' })
  @Post('users')
  @ApiCreatedResponse({
    type: PersonResponse,
    description: 'A new account, now a member of your authority: the person (id, email, displayName, active, roles, managerId, organisationId)',
  })
  @ApiAcceptedResponse({
    type: InvitationReceiptResponse,
    description:
      'The email already has an account: an invitation they accept when signed in. `{ invited: true, invitationId, email, status: "pending", expiresAt }`; nothing about the account is shown and the password is not used',
  })
  async createUser(@CurrentActor() actor: Authenticated, @Body() body: CreateUserDto, @Res({ passthrough: true }) res: FastifyReply) {
    const result = await this.users.add(actor, body);
    if ('invited' in result) res.status(202);
    return result;
  }

  @Roles('admin')
  @ApiOperation({ summary: 'Change a person’s name, roles, manager, organisation, password or whether they can sign in' })
  @ApiOkResponse({ type: PersonResponse })
  @Patch('users/:id')
  updateUser(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateUserDto) {
    return this.users.update(actor, id, body);
  }

  /** Removes the person from your authority only; their account and other memberships stay. */
  @Roles('admin')
  @ApiOperation({ summary: 'Remove a person from your council' })
  @ApiNoContentResponse({ description: 'Removed' })
  @Delete('users/:id')
  @HttpCode(204)
  removeUser(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string) {
    return this.users.remove(actor, id);
  }

  @Roles('admin')
  @ApiOperation({ summary: 'Invitations your council has sent' })
  @ApiOkResponse({ type: [InvitationResponse] })
  @Get('invitations')
  listInvitations(@CurrentActor() actor: Authenticated) {
    return this.invitations.list(actor);
  }

  @Roles('admin')
  @ApiOperation({ summary: 'Withdraw an invitation' })
  @ApiNoContentResponse({ description: 'Withdrawn' })
  @Delete('invitations/:id')
  @HttpCode(204)
  withdrawInvitation(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string) {
    return this.invitations.withdraw(actor, id);
  }

  @ApiOperation({ summary: 'Your pending invitations to other councils' })
  @ApiOkResponse({ type: [MyInvitationResponse] })
  @Get('me/invitations')
  myInvitations(@CurrentActor() actor: Authenticated) {
    return this.invitations.mine(actor);
  }

  /** Joins the inviting authority; sign in with its `authorityId` to work there. */
  @ApiOperation({ summary: 'Accept an invitation' })
  @ApiOkResponse({ type: PersonInAuthorityResponse })
  @Post('me/invitations/:id/accept')
  @HttpCode(200)
  acceptInvitation(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string) {
    return this.invitations.accept(actor, id);
  }

  @ApiOperation({ summary: 'The council and its partner organisations' })
  @ApiOkResponse({ type: [OrganisationResponse] })
  @Get('organisations')
  listOrganisations(@CurrentActor() actor: Authenticated) {
    return this.organisations.list(actor.authorityId);
  }

  @Roles('admin')
  @ApiOperation({ summary: 'Add a partner organisation' })
  @ApiCreatedResponse({ type: OrganisationResponse })
  @Post('organisations')
  createOrganisation(@CurrentActor() actor: Authenticated, @Body() body: CreateOrganisationDto) {
    return this.organisations.create(actor, body.name, body.kind);
  }
}
