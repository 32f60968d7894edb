import { Body, Controller, Get, HttpCode, Post, Query, Redirect, Req, Res, UseGuards } from '@nestjs/common';
import { ApiFoundResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { SkipThrottle, ThrottlerGuard } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { clearedVneidLoginCookie, cookieValue, VNEID_LOGIN_COOKIE, vneidLoginCookie, type CitizenPrincipal } from '@dvc/core';
import { AuthConfig } from '@dvc/config';
import { VneidSignInService } from '@dvc/identity';
import { CitizenOnly, CurrentPrincipal, Public } from '../../common/auth.decorators';
import { SignInMethodsDto, SignOutDto, VneidSessionDto, VneidTicketDto } from './vneid.dto';

@ApiTags('auth')
@Controller('auth/citizens')
@SkipThrottle({ tracking: true })
export class VneidController {
  constructor(
    private readonly vneid: VneidSignInService,
    private readonly auth: AuthConfig,
  ) {}

  /** What the portal's sign-in page offers in this deployment. */
  @Get('methods')
  @Public()
  @ApiOkResponse({ type: SignInMethodsDto })
  methods(): SignInMethodsDto {
    return { vneid: true, otp: this.auth.citizenOtpEnabled };
  }

  @Get('vneid/start')
  @Public()
  @UseGuards(ThrottlerGuard)
  @Redirect()
  @ApiQuery({ name: 'returnTo', required: false, description: 'A path of the portal to come back to (anything else: /)' })
  @ApiFoundResponse({ description: "To VNeID's sign-in page (authorization code with PKCE, state and nonce)" })
  async start(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply, @Query('returnTo') returnTo?: string) {
    const started = await this.vneid.start(returnTo);
    void reply.header('set-cookie', vneidLoginCookie(started.browserCookie, started.ttlSeconds, request.protocol === 'https'));
    return { url: started.url, statusCode: 302 };
  }

  @Get('vneid/callback')
  @Public()
  @UseGuards(ThrottlerGuard)
  @Redirect()
  @ApiFoundResponse({ description: 'To `returnTo#vneid=<ticket>`; a failed check of the answer is a 401 problem and no session' })
  async callback(@Query() query: Record<string, unknown>, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const raw = request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '';
    const browser = cookieValue(request.headers.cookie, VNEID_LOGIN_COOKIE);
    void reply.header('set-cookie', clearedVneidLoginCookie(request.protocol === 'https'));
    return { url: await this.vneid.callback(query, raw, browser), statusCode: 302 };
  }

  @Post('vneid/session')
  @Public()
  @UseGuards(ThrottlerGuard)
  @HttpCode(200)
  @ApiOkResponse({ type: VneidSessionDto, description: 'The access token of the sign-in; 401 for a used or expired ticket' })
  session(@Body() body: VneidTicketDto) {
    return this.vneid.redeem(body.ticket);
  }

  @Post('logout')
  @CitizenOnly()
  @HttpCode(200)
  @ApiOkResponse({ type: SignOutDto, description: 'Our session ends at once; the browser then goes to endSessionUrl to end the VNeID one' })
  signOut(@CurrentPrincipal() citizen: CitizenPrincipal) {
    return this.vneid.signOut(citizen);
  }
}
