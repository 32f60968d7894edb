import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { SkipThrottle, ThrottlerGuard } from '@nestjs/throttler';
import type { Principal } from '@dvc/core';
import { CitizenOtpService, OfficerAuthService } from '@dvc/identity';
import { CurrentPrincipal, Public, SignedIn } from '../common/auth.decorators';
import { PasswordChangeDto, SecondFactorLoginDto } from './sign-in-steps.dto';
import { CitizenLoginResponseDto, OfficerLoginDto, OfficerLoginResponseDto, OtpRequestDto, OtpRequestedDto, OtpVerifyDto } from './auth.dto';

@ApiTags('auth')
@Controller('auth')
@SkipThrottle({ tracking: true })
export class AuthController {
  constructor(
    private readonly officers: OfficerAuthService,
    private readonly otp: CitizenOtpService,
  ) {}

  @Post('officers/login')
  @Public()
  @UseGuards(ThrottlerGuard)
  @HttpCode(200)
  @ApiOkResponse({ type: OfficerLoginResponseDto })
  login(@Body() body: OfficerLoginDto) {
    return this.officers.login(body.username, body.password);
  }

  @Post('officers/login/totp')
  @Public()
  @UseGuards(ThrottlerGuard)
  @HttpCode(200)
  @ApiOkResponse({ type: OfficerLoginResponseDto, description: 'The access token; 401 for a wrong or used code (counted towards the lockout)' })
  loginWithTotp(@Body() body: SecondFactorLoginDto) {
    return this.officers.loginWithSecondFactor(body.mfaToken, body.code);
  }

  /** The change a reset asked for (`changeToken` of the login answer); then the sign-in goes on as after a password. */
  @Post('officers/password')
  @Public()
  @UseGuards(ThrottlerGuard)
  @HttpCode(200)
  @ApiOkResponse({ type: OfficerLoginResponseDto })
  changePassword(@Body() body: PasswordChangeDto) {
    return this.officers.changePassword(body.changeToken, body.newPassword);
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
    return principal;
  }
}
