import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthConfig } from '@dvc/config';
import { afterSignInAttempt, base32Decode, checkTotp, DomainError, DomainErrorCode, lockedFor, nextSignInStep, type OfficerPrincipal } from '@dvc/core';
import { hashRecoveryCode, passwordFingerprint } from './officer-credentials';
import { OfficerEntity } from './officer.entity';
import { hashPassword, verifyPassword } from './password';
import { assertAcceptablePassword } from './password-rules';
import { TokenService } from './token.service';
import { TotpSecretBox } from './totp-secret-box';

export interface OfficerView {
  id: string;
  username: string;
  fullName: string;
  title: string | null;
  roles: string[];
  agencyCode: string;
  agencyName: string;
  unitCode: string;
  scopeCode: string;
}

/** The answer of each sign-in step: an access token, or the token of the step still to do. */
export type OfficerSignIn =
  | { accessToken: string; officer: OfficerView }
  | { passwordChangeRequired: true; changeToken: string }
  | { mfaRequired: true; mfaToken: string }
  | { mfaEnrolmentRequired: true; enrolmentToken: string };

// A real argon2id hash of a random password, verified when the username is unknown so both cases take as long.
const DUMMY_HASH = '$argon2id$v=19$m=65536,t=3,p=4$2OmkkJXoG1zszDVhh5u55w$igZwx1oVxHLOGgqtga6DnhLBG/Agtvne3/selyHq6J0';
const WRONG = 'Wrong username or password.';
const RECOVERY_CODE = /^[a-z2-7]{5}-?[a-z2-7]{5}$/i;

@Injectable()
export class OfficerAuthService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tokens: TokenService,
    private readonly config: AuthConfig,
    private readonly secrets: TotpSecretBox,
  ) {}

  async login(username: string, password: string, now = new Date()): Promise<OfficerSignIn> {
    const officer = await this.find({ username: username.trim().toLowerCase() });
    if (!officer) {
      await verifyPassword(DUMMY_HASH, password);
      throw new DomainError(DomainErrorCode.Unauthenticated, WRONG);
    }
    this.refuseIfLocked(officer, now);
    const ok = await verifyPassword(officer.passwordHash, password);
    const usable = ok && officer.active && !!officer.agency;
    await this.db.transaction((em) => this.recordAttempt(em, officer.id, usable, now));
    if (!usable) throw new DomainError(DomainErrorCode.Unauthenticated, WRONG);
    return this.next(officer, 'password');
  }

  /** `code`: the authenticator's 6 digits, or one of the recovery codes (each good once). */
  async loginWithSecondFactor(mfaToken: string, code: string, now = new Date()): Promise<OfficerSignIn> {
    const step = await this.tokens.verifyStep(mfaToken, 'mfa');
    const outcome = await this.db.transaction(async (em) => {
      const officer = await this.lockedRow(em, step.officerId);
      if (
        !officer ||
        !officer.active ||
        !officer.totpSecret ||
        !officer.totpEnabledAt ||
        passwordFingerprint(officer.passwordHash) !== step.passwordFingerprint
      ) {
        return { error: new DomainError(DomainErrorCode.Unauthenticated, 'The sign-in step has expired; sign in again.') };
      }
      const locked = lockedFor(officer, now);
      if (locked) return { error: lockedError(locked) };
      const accepted = this.acceptSecondFactor(officer, code, now);
      await this.saveAttempt(em, officer, accepted !== null, now, accepted ?? {});
      return accepted ? { officer } : { error: new DomainError(DomainErrorCode.Unauthenticated, 'The code is wrong or was already used.') };
    });
    if ('error' in outcome) throw outcome.error;
    return this.issueAccess(outcome.officer.id);
  }

  /** Ends the change a reset asked for; then the sign-in goes on (second factor, or the access token). */
  async changePassword(changeToken: string, newPassword: string, now = new Date()): Promise<OfficerSignIn> {
    const step = await this.tokens.verifyStep(changeToken, 'password_change');
    const officer = await this.find({ id: step.officerId });
    if (!officer || !officer.active || !officer.passwordChangeRequired || passwordFingerprint(officer.passwordHash) !== step.passwordFingerprint) {
      throw new DomainError(DomainErrorCode.Unauthenticated, 'The sign-in step has expired; sign in again.');
    }
    assertAcceptablePassword(newPassword, { username: officer.username, fullName: officer.fullName }, this.config.passwordMinLength, 'newPassword');
    if (await verifyPassword(officer.passwordHash, newPassword)) {
      throw DomainError.validation([{ field: 'newPassword', message: 'must differ from the password being replaced' }]);
    }
    const passwordHash = await hashPassword(newPassword);
    // Only the password the token was issued for may be replaced: a second use of the token changes nothing.
    const result = await this.db
      .createQueryBuilder()
      .update(OfficerEntity)
      .set({ passwordHash, passwordChangeRequired: false, passwordChangedAt: now })
      .where('id = :id AND password_hash = :old', { id: officer.id, old: officer.passwordHash })
      .execute();
    if (result.affected !== 1) throw new DomainError(DomainErrorCode.Unauthenticated, 'The sign-in step has expired; sign in again.');
    return this.next({ ...officer, passwordHash, passwordChangeRequired: false } as OfficerEntity, 'password_change');
  }

  async issueAccess(officerId: string): Promise<{ accessToken: string; officer: OfficerView }> {
    const officer = await this.find({ id: officerId });
    if (!officer || !officer.active || !officer.agency) throw new DomainError(DomainErrorCode.Unauthenticated, WRONG);
    const principal: OfficerPrincipal = {
      kind: 'officer',
      id: officer.id,
      username: officer.username,
      roles: officer.roles,
      agencyCode: officer.agencyCode,
      unitCode: officer.agency.unitCode,
      scopeCode: officer.agency.scopeCode,
    };
    return {
      accessToken: await this.tokens.signOfficer(principal),
      officer: {
        id: officer.id,
        username: officer.username,
        fullName: officer.fullName,
        title: officer.title,
        roles: officer.roles,
        agencyCode: officer.agencyCode,
        agencyName: officer.agency.name,
        unitCode: officer.agency.unitCode,
        scopeCode: officer.agency.scopeCode,
      },
    };
  }

  private async next(officer: OfficerEntity, done: 'password' | 'password_change'): Promise<OfficerSignIn> {
    const step = nextSignInStep(
      { passwordChangeRequired: officer.passwordChangeRequired, hasSecondFactor: !!officer.totpEnabledAt, roles: officer.roles },
      done,
      { roles: this.config.mfaRoles, enforce: this.config.mfaEnforce },
    );
    const fingerprint = passwordFingerprint(officer.passwordHash);
    switch (step) {
      case 'change_password':
        return { passwordChangeRequired: true, changeToken: await this.tokens.signStep('password_change', officer.id, fingerprint) };
      case 'second_factor':
        return { mfaRequired: true, mfaToken: await this.tokens.signStep('mfa', officer.id, fingerprint) };
      case 'enrol_second_factor':
        return { mfaEnrolmentRequired: true, enrolmentToken: await this.tokens.signStep('mfa_enrolment', officer.id, fingerprint) };
      case 'signed_in':
        return this.issueAccess(officer.id);
    }
  }

  /** The columns to write when the code is right (time step, or the recovery code spent), null when it is wrong. */
  private acceptSecondFactor(officer: OfficerEntity, code: string, now: Date): Partial<OfficerEntity> | null {
    if (RECOVERY_CODE.test(code)) {
      const hash = hashRecoveryCode(code);
      return officer.recoveryCodeHashes.includes(hash) ? { recoveryCodeHashes: officer.recoveryCodeHashes.filter((h) => h !== hash) } : null;
    }
    const secret = officer.totpSecret && this.secrets.open(officer.id, officer.totpSecret);
    if (!secret) return null;
    const check = checkTotp(base32Decode(secret), code, now, officer.totpLastStep);
    return check.ok ? { totpLastStep: check.step } : null;
  }

  private refuseIfLocked(officer: OfficerEntity, now: Date): void {
    const locked = lockedFor(officer, now);
    if (locked) throw lockedError(locked);
  }

  private async recordAttempt(em: EntityManager, officerId: string, succeeded: boolean, now: Date): Promise<void> {
    const officer = await this.lockedRow(em, officerId);
    if (officer) await this.saveAttempt(em, officer, succeeded, now, {});
  }

  /** Under the row lock, so that concurrent attempts from many addresses all count. */
  private async saveAttempt(em: EntityManager, officer: OfficerEntity, succeeded: boolean, now: Date, extra: Partial<OfficerEntity>): Promise<void> {
    const state = afterSignInAttempt(officer, succeeded, now, {
      maxFailures: this.config.officerLockoutMaxFailures,
      lockSeconds: this.config.officerLockoutSeconds,
    });
    const unchanged = state.failedLogins === officer.failedLogins && (state.lockedUntil?.getTime() ?? null) === (officer.lockedUntil?.getTime() ?? null);
    if (unchanged && Object.keys(extra).length === 0) return;
    await em.getRepository(OfficerEntity).update({ id: officer.id }, { ...state, ...extra });
  }

  private lockedRow(em: EntityManager, id: string): Promise<OfficerEntity | null> {
    return em.getRepository(OfficerEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  private find(where: { username: string } | { id: string }): Promise<OfficerEntity | null> {
    return this.db.getRepository(OfficerEntity).findOne({ where, relations: { agency: true } });
  }
}

function lockedError(seconds: number): DomainError {
  const minutes = Math.ceil(seconds / 60);
  return new DomainError(
    DomainErrorCode.Locked,
    `Too many failed sign-ins: this account is locked for ${minutes} more minute${minutes > 1 ? 's' : ''}.`,
    [],
    seconds,
  );
}
