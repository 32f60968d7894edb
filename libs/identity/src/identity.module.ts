import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthConfig } from '@dvc/config';
import { OutboxModule } from '@dvc/outbox';
import { CitizenEntity } from './citizen.entity';
import { CitizenOtpService } from './citizen-otp.service';
import { OfficerAccountsService } from './officer-accounts.service';
import { OfficerAuthService } from './officer-auth.service';
import { TotpEnrolmentService } from './totp-enrolment.service';
import { TotpSecretBox } from './totp-secret-box';
import { OfficerDirectoryService } from './officer-directory.service';
import { OfficerEntity } from './officer.entity';
import { OtpStateEntity } from './otp-state.entity';
import { TokenService } from './token.service';
import { VneidClient, VneidLoginStore, VneidSignInService } from './vneid';

@Module({
  imports: [
    TypeOrmModule.forFeature([OfficerEntity, CitizenEntity, OtpStateEntity]),
    OutboxModule,
    JwtModule.registerAsync({
      inject: [AuthConfig],
      useFactory: (auth: AuthConfig) => ({
        // A key object made once: given a string, jsonwebtoken first tries to parse it as a public key (and fails)
        // on every sign and verify — 4% of the API's CPU under the submission benchmark.
        secret: createSecretKey(Buffer.from(auth.jwtSecret, 'utf8')),
        signOptions: { algorithm: 'HS256', issuer: auth.jwtIssuer },
        verifyOptions: { algorithms: ['HS256'], issuer: auth.jwtIssuer },
      }),
    }),
  ],
  providers: [
    VneidClient,
    VneidLoginStore,
    VneidSignInService,
    TokenService,
    OfficerAuthService,
    CitizenOtpService,
    OfficerDirectoryService,
    OfficerAccountsService,
    TotpEnrolmentService,
    { provide: TotpSecretBox, inject: [AuthConfig], useFactory: (auth: AuthConfig) => new TotpSecretBox(auth.totpSecretKey) },
  ],
  exports: [VneidSignInService, TokenService, OfficerAuthService, CitizenOtpService, OfficerDirectoryService, OfficerAccountsService, TotpEnrolmentService],
})
export class IdentityModule {}
