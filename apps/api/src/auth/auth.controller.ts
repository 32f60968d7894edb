import { Body, Controller, Get, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SkipThrottle, ThrottlerGuard } from '@nestjs/throttler';
import { clearedOfficerSessionCookie, type Principal } from '@dvc/core';
import { CitizenOtpService, OfficerAuthService, TokenService, VneidSignInService } from '@dvc/identity';
import { CurrentPrincipal, Public, SignedIn } from '../common/auth.decorators';
import { withOfficerSessionCookie } from './officer-session-reply';
import { PasswordChangeDto, SecondFactorLoginDto } from './sign-in-steps.dto';
import { CitizenLoginResponseDto, OfficerLoginDto, OfficerLoginResponseDto, OtpRequestDto, OtpRequestedDto, OtpVerifyDto } from './auth.dto';

@ApiTags('auth')
@Controller('auth')
@SkipThrottle({ tracking: true })
export class AuthController {
  constructor(
    private readonly officers: OfficerAuthService,
    private readonly otp: CitizenOtpService,
    private readonly tokens: TokenService,
    private readonly vneid: VneidSignInService,
  ) {}

  @Post('officers/login')
  @Public()
  @UseGuards(ThrottlerGuard)
  @HttpCode(200)
  @ApiOkResponse({ type: OfficerLoginResponseDto })
  async login(@Body() body: OfficerLoginDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.withSessionCookie(await this.officers.login(body.username, body.password), request, reply);
  }

  /** Ends the portal's cookie session (API clients simply drop their token). */
  @Post('officers/logout')
  @Public()
  @HttpCode(204)
  @ApiNoContentResponse()
  logout(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): void {
    void reply.header('set-cookie', clearedOfficerSessionCookie(request.protocol === 'https'));
  }

  private withSessionCookie<T extends object>(result: T, request: FastifyRequest, reply: FastifyReply) {
    return withOfficerSessionCookie(this.tokens, result, request, reply);
  }

  @Post('officers/login/totp')
  @Public()
  @UseGuards(ThrottlerGuard)
  @HttpCode(200)
  @ApiOkResponse({ type: OfficerLoginResponseDto, description: 'The access token; 401 for a wrong or used code (counted towards the lockout)' })
  async loginWithTotp(@Body() body: SecondFactorLoginDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.withSessionCookie(await this.officers.loginWithSecondFactor(body.mfaToken, body.code), request, reply);
  }

  /** The change a reset asked for (`changeToken` of the login answer); then the sign-in goes on as after a password. */
  @Post('officers/password')
  @Public()
  @UseGuards(ThrottlerGuard)
  @HttpCode(200)
  @ApiOkResponse({ type: OfficerLoginResponseDto })
  async changePassword(@Body() body: PasswordChangeDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.withSessionCookie(await this.officers.changePassword(body.changeToken, body.newPassword), request, reply);
  }

  @Post('citizens/otp')
  @Public()
  @UseGuards(ThrottlerGuard)
  @HttpCode(202)
  @ApiAcceptedResponse({ type: OtpRequestedDto, description: 'The code leaves as an SMS through the switchboard' })
  requestOtp(@Body() body: OtpRequestDto) {
    return this.otp.requestCode(body.phone);
  }

  @Post('citizens/verify')
  @Public()
  @UseGuards(ThrottlerGuard)
  @HttpCode(200)
  @ApiOkResponse({ type: CitizenLoginResponseDto })
  verify(@Body() body: OtpVerifyDto) {
    return this.otp.verifyCode(body.phone, body.code);
  }

  @Get('me')
  @SignedIn()
  me(@CurrentPrincipal() principal: Principal) {
    return principal.kind === 'citizen' ? this.vneid.profile(principal) : principal;
  }
}
