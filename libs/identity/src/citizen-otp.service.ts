import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthConfig } from '@dvc/config';
import {
  decideIssue,
  decideVerify,
  DomainError,
  DomainErrorCode,
  EMPTY_OTP_STATE,
  generateOtpCode,
  hashOtp,
  PhoneNumber,
  type OtpPolicy,
  type OtpState,
} from '@dvc/core';
import { PRIORITY_URGENT, smsNotice, writeOutbox } from '@dvc/outbox';
import { CitizenEntity } from './citizen.entity';
import { OtpStateEntity } from './otp-state.entity';
import { TokenService } from './token.service';

const ISSUE_REFUSALS = {
  too_soon: 'A code was sent moments ago; wait before asking for another.',
  too_many: 'Too many codes were sent to this phone; try again later.',
} as const;

@Injectable()
export class CitizenOtpService {
  private readonly policy: OtpPolicy;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tokens: TokenService,
    private readonly config: AuthConfig,
  ) {
    this.policy = {
      ttlSeconds: config.otpTtlSeconds,
      maxFailedAttempts: config.otpMaxFailedAttempts,
      resendIntervalSeconds: config.otpResendIntervalSeconds,
      maxSendsPerWindow: config.otpMaxSendsPerHour,
      sendWindowSeconds: 3600,
    };
  }

  /** Issues a code and writes its SMS to the outbox in the same transaction: no code without its message. */
  async requestCode(rawPhone: string, now = new Date()): Promise<{ phone: string; expiresAt: Date }> {
    this.assertEnabled();
    const phone = PhoneNumber.require(rawPhone);
    const code = generateOtpCode();
    return this.db.transaction(async (em) => {
      const state = await this.lockState(em, phone.value);
      const decision = decideIssue(state, hashOtp(phone.value, code, this.config.otpSecret), now, this.policy);
      if (!decision.ok) {
        throw new DomainError(DomainErrorCode.RateLimited, ISSUE_REFUSALS[decision.reason], [], decision.retryAfterSeconds);
      }
      await em.getRepository(OtpStateEntity).save({ phone: phone.value, ...decision.state });
      await writeOutbox(
        em,
        smsNotice(
          'otp',
          { to: phone.value, template: 'otp', variables: { code, ttlMinutes: Math.round(this.policy.ttlSeconds / 60) } },
          { priority: PRIORITY_URGENT },
        ),
      );
      return { phone: phone.value, expiresAt: decision.state.expiresAt! };
    });
  }

  async verifyCode(rawPhone: string, code: string, now = new Date()): Promise<{ accessToken: string; citizen: { id: string; phone: string } }> {
    this.assertEnabled();
    const phone = PhoneNumber.require(rawPhone);
    const result = await this.db.transaction(async (em) => {
      const state = await this.lockState(em, phone.value);
      const decision = decideVerify(state, hashOtp(phone.value, code, this.config.otpSecret), now, this.policy);
      // The failure count must persist even though the request fails, so the state is saved before deciding.
      await em.getRepository(OtpStateEntity).save({ phone: phone.value, ...decision.state });
      if (decision.outcome !== 'verified') return { decision };
      await em
        .createQueryBuilder()
        .insert()
        .into(CitizenEntity)
        .values({ phone: phone.value, lastSignedInAt: now })
        .orUpdate(['last_signed_in_at'], ['phone'])
        .execute();
      const citizen = await em.getRepository(CitizenEntity).findOneByOrFail({ phone: phone.value });
      return { decision, citizen };
    });
    if (!result.citizen) {
      if (result.decision.outcome === 'exhausted') {
        throw new DomainError(DomainErrorCode.Unauthenticated, 'The code is wrong; it was the last try for this code, so ask for a new one.');
      }
      throw new DomainError(DomainErrorCode.Unauthenticated, 'The code is wrong or has expired.');
    }
    const citizen = { id: result.citizen.id, phone: result.citizen.phone };
    return { accessToken: await this.tokens.signCitizen({ kind: 'citizen', ...citizen, assurance: 0, idNumber: result.citizen.idNumber }), citizen };
  }

  private assertEnabled(): void {
    if (!this.config.citizenOtpEnabled) {
      throw new DomainError(DomainErrorCode.SignInMethodDisabled, 'Sign-in by phone code is not offered here; sign in with VNeID.');
    }
  }

  /** Row lock per phone: two requests for one phone are serialised, different phones never wait on each other. */
  private async lockState(em: EntityManager, phone: string): Promise<OtpState> {
    await em.createQueryBuilder().insert().into(OtpStateEntity).values({ phone }).orIgnore().execute();
    const row = await em.getRepository(OtpStateEntity).findOne({ where: { phone }, lock: { mode: 'pessimistic_write' } });
    if (!row) return EMPTY_OTP_STATE;
    return {
      codeHash: row.codeHash,
      issuedAt: row.issuedAt,
      expiresAt: row.expiresAt,
      failedAttempts: row.failedAttempts,
      sendsInWindow: row.sendsInWindow,
      windowStartedAt: row.windowStartedAt,
    };
  }
}
