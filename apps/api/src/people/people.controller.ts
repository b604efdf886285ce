import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Authenticated, InvitationService, OrganisationService, UserService } from '@app/core';
import { CurrentActor, Roles } from '../common/decorators';
import { CreateOrganisationDto, CreateUserDto, UpdateUserDto } from './people.dto';

@ApiTags('people')
@Controller('api/v1')
export class PeopleController {
  constructor(
    private readonly users: UserService,
    private readonly invitations: InvitationService,
    private readonly organisations: OrganisationService,
  ) {}

  @Get('users')
  listUsers(@CurrentActor() actor: Authenticated) {
    return this.users.list(actor.authorityId);
  }

  @Get('users/:id')
  getUser(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string) {
    return this.users.get(actor.authorityId, id);
  }

  @Roles('admin')
  @Post('users')
  @ApiCreatedResponse({
    description: 'A new account, now a member of your authority: the person (id, email, displayName, active, roles, managerId, organisationId)',
  })
  @ApiAcceptedResponse({
    description:
      'The email already has an account: an invitation they accept when signed in. `{ invited: true, invitationId, email, status: "pending", expiresAt }`; nothing about the account is shown and the password is not used',
  })
  async createUser(@CurrentActor() actor: Authenticated, @Body() body: CreateUserDto, @Res({ passthrough: true }) res: Response) {
    const result = await this.users.add(actor, body);
    if ('invited' in result) res.status(202);
    return result;
  }

  @Roles('admin')
  @Patch('users/:id')
  updateUser(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateUserDto) {
    return this.users.update(actor, id, body);
  }

  /** Removes the person from your authority only; their account and other memberships stay. */
  @Roles('admin')
  @Delete('users/:id')
  @HttpCode(204)
  removeUser(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string) {
    return this.users.remove(actor, id);
  }

  @Roles('admin')
  @Get('invitations')
  listInvitations(@CurrentActor() actor: Authenticated) {
    return this.invitations.list(actor);
  }

  @Roles('admin')
  @Delete('invitations/:id')
  @HttpCode(204)
  withdrawInvitation(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string) {
    return this.invitations.withdraw(actor, id);
  }

  @Get('me/invitations')
  myInvitations(@CurrentActor() actor: Authenticated) {
    return this.invitations.mine(actor);
  }

  /** Joins the inviting authority; sign in with its `authorityId` to work there. */
  @Post('me/invitations/:id/accept')
  @HttpCode(200)
  acceptInvitation(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string) {
    return this.invitations.accept(actor, id);
  }

  @Get('organisations')
  listOrganisations(@CurrentActor() actor: Authenticated) {
    return this.organisations.list(actor.authorityId);
  }

  @Roles('admin')
  @Post('organisations')
  createOrganisation(@CurrentActor() actor: Authenticated, @Body() body: CreateOrganisationDto) {
    return this.organisations.create(actor, body.name, body.kind);
  }
}
