import { Body, Controller, Delete, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { APP_CONFIG, AppConfig } from '@app/config';
import { AccountPasswordService, Authenticated, AuthService, UserService } from '@app/core';
import { SESSION_COOKIE } from '../common/auth.guard';
import { CurrentActor, Public } from '../common/decorators';
import { ChangePasswordDto, CreateTokenDto, SignInDto } from './auth.dto';

@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UserService,
    private readonly passwords: AccountPasswordService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('sign-in')
  @HttpCode(200)
  async signIn(@Body() body: SignInDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const session = await this.auth.signIn(body.email, body.password, req.ip ?? 'unknown', body.authorityId);
    res.cookie(SESSION_COOKIE, session.secret, { httpOnly: true, sameSite: 'lax', secure: this.config.cookieSecure, path: '/' });
    return { user: await this.users.get(session.authorityId, session.userId), authorityId: session.authorityId };
  }

  @Post('sign-out')
  @HttpCode(204)
  async signOut(@CurrentActor() actor: Authenticated, @Res({ passthrough: true }) res: Response) {
    await this.auth.signOut(actor);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @Get('me')
  async me(@CurrentActor() actor: Authenticated) {
    return { user: await this.users.get(actor.authorityId, actor.userId), authorityId: actor.authorityId };
  }

  /** Changes your own password; your other sessions, API tokens and calendar feeds end, this one stays. */
  @Post('password')
  @HttpCode(204)
  changePassword(@CurrentActor() actor: Authenticated, @Body() body: ChangePasswordDto) {
    return this.passwords.changeOwnPassword(actor, body.currentPassword, body.newPassword);
  }

  @Post('tokens')
  createToken(@CurrentActor() actor: Authenticated, @Body() body: CreateTokenDto) {
    return this.auth.createApiToken(actor, body.name, body.expiresInDays);
  }

  @Get('tokens')
  listTokens(@CurrentActor() actor: Authenticated) {
    return this.auth.listApiTokens(actor);
  }

  @Delete('tokens/:id')
  @HttpCode(204)
  revokeToken(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string) {
    return this.auth.revokeApiToken(actor, id);
  }
}
