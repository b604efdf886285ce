import { Controller, Get, Param, ParseUUIDPipe, Req, Res, UseFilters } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Authenticated, InvitationService } from '@app/core';
import { CurrentActor } from '../common/decorators';
import { FormPost, PageRequest } from './csrf';
import { PageErrorFilter } from './page-error.filter';
import { ROLE_LABELS } from './page-labels';
import { queryValue } from './page-query';
import { PageRenderer } from './page-renderer';

/** The signed-in person's invitations to join other councils, and accepting one. */
@Controller('invitations')
@UseFilters(PageErrorFilter)
export class InvitationsController {
  constructor(
    private readonly invitations: InvitationService,
    private readonly pages: PageRenderer,
  ) {}

  @Get()
  async list(@CurrentActor() actor: Authenticated, @Req() req: PageRequest, @Res() res: FastifyReply) {
    const mine = await this.invitations.mine(actor);
    await this.pages.render(req, res, 'invitations.njk', {
      pageTitle: 'Invitations',
      joined: queryValue(req, 'joined'),
      invitations: mine.map((i) => ({ ...i, roleText: i.roles.map((r) => ROLE_LABELS[r]).join(', '), expiresOn: i.expiresAt.slice(0, 10) })),
    });
  }

  @FormPost(':id/accept')
  async accept(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string, @Res() res: FastifyReply) {
    const { authorityId } = await this.invitations.accept(actor, id);
    res.redirect(`/invitations?joined=${authorityId}`, 303);
  }
}
