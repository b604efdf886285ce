import { Body, Controller, Delete, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG, AppConfig } from '@app/config';
import { AccountPasswordService, Authenticated, AuthService, UserService } from '@app/core';
import { SESSION_COOKIE } from '../common/auth.guard';
import { CurrentActor, Public } from '../common/decorators';
import { PersonInAuthorityResponse } from '../people/people.responses';
import { ChangePasswordDto, CreateTokenDto, SignInDto } from './auth.dto';
import { ApiTokenCreatedResponse, ApiTokenResponse } from './auth.responses';

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
  @ApiOperation({ summary: 'Sign in: sets the session cookie' })
  @ApiOkResponse({ type: PersonInAuthorityResponse })
  @Post('sign-in')
  @HttpCode(200)
  async signIn(@Body() body: SignInDto, @Req() req: FastifyRequest, @Res({ passthrough: true }) res: FastifyReply) {
    const session = await this.auth.signIn(body.email, body.password, req.ip ?? 'unknown', body.authorityId);
    res.setCookie(SESSION_COOKIE, session.secret, { httpOnly: true, sameSite: 'lax', secure: this.config.cookieSecure, path: '/' });
    return { user: await this.users.get(session.authorityId, session.userId), authorityId: session.authorityId };
  }

  @ApiOperation({ summary: 'Sign out: ends this session' })
  @ApiNoContentResponse({ description: 'Signed out' })
  @Post('sign-out')
  @HttpCode(204)
  async signOut(@CurrentActor() actor: Authenticated, @Res({ passthrough: true }) res: FastifyReply) {
    await this.auth.signOut(actor);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @ApiOperation({ summary: 'Who you are signed in as, and in which council' })
  @ApiOkResponse({ type: PersonInAuthorityResponse })
  @Get('me')
  async me(@CurrentActor() actor: Authenticated) {
    return { user: await this.users.get(actor.authorityId, actor.userId), authorityId: actor.authorityId };
  }

  /** Changes your own password; your other sessions, API tokens and calendar feeds end, this one stays. */
  @ApiOperation({ summary: 'Change your own password' })
  @ApiNoContentResponse({ description: 'Changed' })
  @Post('password')
  @HttpCode(204)
  changePassword(@CurrentActor() actor: Authenticated, @Body() body: ChangePasswordDto) {
    return this.passwords.changeOwnPassword(actor, body.currentPassword, body.newPassword);
  }

  @ApiOperation({ summary: 'Make a personal API token' })
  @ApiCreatedResponse({ type: ApiTokenCreatedResponse })
  @Post('tokens')
  createToken(@CurrentActor() actor: Authenticated, @Body() body: CreateTokenDto) {
    return this.auth.createApiToken(actor, body.name, body.expiresInDays);
  }

  @ApiOperation({ summary: 'Your API tokens in this council (never their secrets)' })
  @ApiOkResponse({ type: [ApiTokenResponse] })
  @Get('tokens')
  listTokens(@CurrentActor() actor: Authenticated) {
    return this.auth.listApiTokens(actor);
  }

  @ApiOperation({ summary: 'Revoke one of your API tokens' })
  @ApiNoContentResponse({ description: 'Revoked' })
  @Delete('tokens/:id')
  @HttpCode(204)
  revokeToken(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string) {
    return this.auth.revokeApiToken(actor, id);
  }
}
