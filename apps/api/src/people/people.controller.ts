import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated, OrganisationService, UserService } from '../../../../libs/core/src';
import { CurrentActor, Roles } from '../common/decorators';
import { CreateOrganisationDto, CreateUserDto, UpdateUserDto } from './people.dto';

@ApiTags('people')
@Controller('api/v1')
export class PeopleController {
  constructor(
    private readonly users: UserService,
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
  createUser(@CurrentActor() actor: Authenticated, @Body() body: CreateUserDto) {
    return this.users.create(actor.authorityId, body, actor.userId);
  }

  @Roles('admin')
  @Patch('users/:id')
  updateUser(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateUserDto) {
    return this.users.update(actor, id, body);
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
