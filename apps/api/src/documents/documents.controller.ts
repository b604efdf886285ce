import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated, DocumentService, EDITOR_ROLES } from '../../../../libs/core/src';
import { CurrentActor, Roles } from '../common/decorators';
import { CreateDocumentDto, FindingDto } from './documents.dto';

@ApiTags('documents')
@Controller('api/v1/documents')
export class DocumentsController {
  constructor(private readonly documents: DocumentService) {}

  @Get()
  list(@CurrentActor() actor: Authenticated) {
    return this.documents.list(actor.authorityId);
  }

  @Get(':id')
  get(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string) {
    return this.documents.get(actor.authorityId, id);
  }

  @Roles(...EDITOR_ROLES)
  @Post()
  async create(@CurrentActor() actor: Authenticated, @Body() body: CreateDocumentDto) {
    return (await this.documents.create(actor, body)).document;
  }

  @Roles(...EDITOR_ROLES)
  @Post(':id/findings')
  addFinding(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string, @Body() body: FindingDto) {
    return this.documents.addFinding(actor, id, body);
  }
}
