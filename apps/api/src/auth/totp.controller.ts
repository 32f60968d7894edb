import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { OfficerPrincipal } from '@dvc/core';
import { OfficerAuthService, TotpEnrolmentService } from '@dvc/identity';
import { CurrentPrincipal, Enrolling, OfficerOrEnrolling } from '../common/auth.decorators';
import { TotpCodeDto, TotpConfirmedDto, TotpEnrolmentDto } from './sign-in-steps.dto';

@ApiTags('auth')
@Controller('auth/officers/totp')
@OfficerOrEnrolling()
export class TotpController {
  constructor(
    private readonly enrolment: TotpEnrolmentService,
    private readonly signIn: OfficerAuthService,
  ) {}

  /** A new secret (not in force until verified); 409 when a second factor is already in force. */
  @Post('enroll')
  @HttpCode(200)
  @ApiOkResponse({ type: TotpEnrolmentDto })
  enroll(@CurrentPrincipal() officer: OfficerPrincipal) {
    return this.enrolment.enroll(officer.id);
  }

  /** The app's first code puts the second factor in force; the recovery codes are answered once. */
  @Post('verify')
  @HttpCode(200)
  @ApiOkResponse({ type: TotpConfirmedDto })
  async verify(@CurrentPrincipal() officer: OfficerPrincipal, @Body() body: TotpCodeDto, @Enrolling() enrolling: boolean) {
    const confirmed = await this.enrolment.confirm(officer.id, body.code);
    return enrolling ? { ...confirmed, ...(await this.signIn.issueAccess(officer.id)) } : confirmed;
  }
}
