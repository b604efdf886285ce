import { Body, Controller, Get, Inject, Req, Res, UseFilters } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { APP_CONFIG, AppConfig } from '@app/config';
import { AppError, Authenticated, AuthService } from '@app/core';
import { CurrentActor } from '../common/decorators';
import { FormPost, PageRequest } from './csrf';
import { FormErrors } from './form-errors';
import { PageErrorFilter } from './page-error.filter';
import { field } from './page-query';
import { PageRenderer } from './page-renderer';
import { setSessionCookie } from './sign-in.controller';

/** A person who belongs to several councils chooses which one to work in: a new session there, the old one ended. */
@Controller('councils')
@UseFilters(PageErrorFilter)
export class CouncilsController {
  constructor(
    private readonly auth: AuthService,
    private readonly pages: PageRenderer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  async show(@CurrentActor() actor: Authenticated, @Req() req: PageRequest, @Res() res: FastifyReply) {
    await this.page(actor, req, res, new FormErrors(), 200);
  }

  @FormPost('')
  async choose(@CurrentActor() actor: Authenticated, @Req() req: PageRequest, @Res() res: FastifyReply, @Body() body: Record<string, unknown>) {
    const chosen = field(body, 'authorityId');
    if (chosen === actor.authorityId) return res.redirect('/', 303);
    try {
      const { secret } = await this.auth.switchCouncil(actor, chosen);
      setSessionCookie(res, secret, this.config.cookieSecure);
      res.redirect('/', 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'unknown_council') throw error;
      await this.page(actor, req, res, FormErrors.of('authorityId', error.message), 400);
    }
  }

  private async page(actor: Authenticated, req: PageRequest, res: FastifyReply, errors: FormErrors, status: number) {
    const councils = await this.auth.councilsOf(actor.userId);
    await this.pages.render(
      req,
      res,
      'councils.njk',
      {
        pageTitle: 'Your councils',
        ...errors.view(),
        items: councils.map((c) => ({ value: c.id, text: c.name, checked: c.id === actor.authorityId })),
      },
      status,
    );
  }
}
