import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsArray, IsString, IsUUID, Length } from 'class-validator';
import { Authenticated, BoardService } from '@app/core';
import { rolesFor } from '@app/domain';
import { IdField, Omittable } from '../common/dto-fields';
import { CurrentActor, Roles } from '../common/decorators';
import { BoardResponse } from './boards.responses';

export class CreateBoardDto {
  @ApiProperty({ example: 'Service Improvement Board' }) @IsString() @Length(1, 200) name: string;
  @IdField(true) chairId?: string | null;
  @ApiPropertyOptional({ type: [String] }) @Omittable() @IsArray() @IsUUID('all', { each: true }) memberIds?: string[];
}

export class AddMemberDto {
  @IdField() userId: string;
}

@ApiTags('boards')
@Controller('api/v1/boards')
export class BoardsController {
  constructor(private readonly boards: BoardService) {}

  @ApiOperation({ summary: 'The boards of your council' })
  @ApiOkResponse({ type: [BoardResponse] })
  @Get()
  list(@CurrentActor() actor: Authenticated) {
    return this.boards.list(actor.authorityId);
  }

  @ApiOperation({ summary: 'One board with its members' })
  @ApiOkResponse({ type: BoardResponse })
  @Get(':id')
  get(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string) {
    return this.boards.get(actor.authorityId, id);
  }

  @Roles(...rolesFor('board.create'))
  @ApiOperation({ summary: 'Make a board' })
  @ApiCreatedResponse({ type: BoardResponse })
  @Post()
  create(@CurrentActor() actor: Authenticated, @Body() body: CreateBoardDto) {
    return this.boards.create(actor, body.name, body.chairId ?? null, body.memberIds ?? []);
  }

  @Roles(...rolesFor('board.members'))
  @ApiOperation({ summary: 'Add a member to a board' })
  @ApiCreatedResponse({ type: BoardResponse })
  @Post(':id/members')
  addMember(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string, @Body() body: AddMemberDto) {
    return this.boards.addMember(actor, id, body.userId);
  }
}
