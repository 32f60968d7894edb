import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import QRCode from 'qrcode';
import { DataSource } from 'typeorm';
import { base32Decode, checkTotp, DomainError, DomainErrorCode, DEFAULT_TOTP_POLICY } from '@dvc/core';
import { hashRecoveryCode, newRecoveryCodes, newTotpSecret } from './officer-credentials';
import { OfficerEntity } from './officer.entity';
import { TotpSecretBox } from './totp-secret-box';

const ISSUER = 'DVC Hà Nội';

export interface TotpEnrolment {
  /** Base32, for typing into an app that cannot scan. */
  secret: string;
  otpauthUri: string;
  /** The URI as a QR code, a PNG data URL. */
  qrCode: string;
}

/**
 * Enrolment in two steps: `enroll` stores a new secret (not yet in force) and shows it once; `confirm` checks a first
 * code from the app, puts the secret in force and answers the recovery codes, once (only their hashes are kept).
 */
@Injectable()
export class TotpEnrolmentService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly secrets: TotpSecretBox,
  ) {}

  async enroll(officerId: string): Promise<TotpEnrolment> {
    const officer = await this.db.getRepository(OfficerEntity).findOneBy({ id: officerId, active: true });
    if (!officer) throw DomainError.notFound('Officer');
    if (officer.totpEnabledAt)
      throw new DomainError(DomainErrorCode.Conflict, 'A second factor is already in force; an administrator resets it when the phone is lost.');
    const secret = newTotpSecret();
    await this.db.getRepository(OfficerEntity).update({ id: officer.id }, { totpSecret: this.secrets.seal(officer.id, secret), totpLastStep: null });
    const label = encodeURIComponent(`${ISSUER}:${officer.username}`);
    const { algorithm, digits, periodSeconds } = DEFAULT_TOTP_POLICY;
    const otpauthUri = `otpauth://totp/${label}?secret=${secret}&issuer=${encodeURIComponent(ISSUER)}&algorithm=${algorithm.toUpperCase()}&digits=${digits}&period=${periodSeconds}`;
    return { secret, otpauthUri, qrCode: await QRCode.toDataURL(otpauthUri, { errorCorrectionLevel: 'M', margin: 2 }) };
  }

  async confirm(officerId: string, code: string, now = new Date()): Promise<{ recoveryCodes: string[] }> {
    const recoveryCodes = newRecoveryCodes();
    const outcome = await this.db.transaction(async (em) => {
      const officer = await em.getRepository(OfficerEntity).findOne({ where: { id: officerId, active: true }, lock: { mode: 'pessimistic_write' } });
      if (!officer) return DomainError.notFound('Officer');
      if (officer.totpEnabledAt) return new DomainError(DomainErrorCode.Conflict, 'A second factor is already in force.');
      const secret = officer.totpSecret && this.secrets.open(officer.id, officer.totpSecret);
      if (!secret) return new DomainError(DomainErrorCode.Conflict, 'Ask for a secret first (POST /api/v1/auth/officers/totp/enroll).');
      const check = checkTotp(base32Decode(secret), code, now, null);
      if (!check.ok) return DomainError.validation([{ field: 'code', message: 'is not the current code of the authenticator app' }]);
      await em.getRepository(OfficerEntity).update(
        { id: officer.id },
        {
          totpEnabledAt: now,
          totpLastStep: check.step,
          recoveryCodeHashes: recoveryCodes.map(hashRecoveryCode),
        },
      );
      return null;
    });
    if (outcome) throw outcome;
    return { recoveryCodes };
  }
}
