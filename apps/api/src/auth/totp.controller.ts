import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { OfficerPrincipal } from '@dvc/core';
import { OfficerAuthService, TokenService, TotpEnrolmentService } from '@dvc/identity';
import { CurrentPrincipal, Enrolling, OfficerOrEnrolling } from '../common/auth.decorators';
import { withOfficerSessionCookie } from './officer-session-reply';
import { TotpCodeDto, TotpConfirmedDto, TotpEnrolmentDto } from './sign-in-steps.dto';

@ApiTags('auth')
@Controller('auth/officers/totp')
@OfficerOrEnrolling()
export class TotpController {
  constructor(
    private readonly enrolment: TotpEnrolmentService,
    private readonly signIn: OfficerAuthService,
    private readonly tokens: TokenService,
  ) {}

  /** A new secret (not in force until verified); 409 when a second factor is already in force. */
  @Post('enroll')
  @HttpCode(200)
  @ApiOkResponse({ type: TotpEnrolmentDto })
  enroll(@CurrentPrincipal() officer: OfficerPrincipal) {
    return this.enrolment.enroll(officer.id);
  }

  /**
   * The app's first code puts the second factor in force; the recovery codes are answered once. Enrolling during a
   * sign-in, the answer also signs the officer in (token, and for the portal its session cookie).
   */
  @Post('verify')
  @HttpCode(200)
  @ApiOkResponse({ type: TotpConfirmedDto })
  async verify(
    @CurrentPrincipal() officer: OfficerPrincipal,
    @Body() body: TotpCodeDto,
    @Enrolling() enrolling: boolean,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const confirmed = await this.enrolment.confirm(officer.id, body.code);
    if (!enrolling) return confirmed;
    return withOfficerSessionCookie(this.tokens, { ...confirmed, ...(await this.signIn.issueAccess(officer.id)) }, request, reply);
  }
}
