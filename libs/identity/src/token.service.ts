import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import Redis from 'ioredis';
import { AuthConfig, RedisConfig } from '@dvc/config';
import { InjectRedis } from '@dvc/redis';
import { passwordFingerprint } from './officer-credentials';
import {
  csrfTokenFor,
  csrfTokenMatches,
  DomainError,
  DomainErrorCode,
  isAssuranceLevel,
  isOfficerRole,
  isUuid,
  PhoneNumber,
  type CitizenPrincipal,
  type OfficerPrincipal,
  type OfficerRole,
  type Principal,
} from '@dvc/core';

/** Tokens of one step of an officer's sign-in; never accepted as access tokens. */
export type SignInStep = 'mfa' | 'password_change' | 'mfa_enrolment';

const STEP_TTL_SECONDS: Record<SignInStep, number> = { mfa: 300, password_change: 900, mfa_enrolment: 900 };

interface TokenClaims {
  sub: string;
  kind: 'officer' | 'citizen' | SignInStep;
  /** Step tokens: fingerprint of the password hash, so a step token dies with the password it was issued for. */
  pwd?: string;
  iat?: number;
  exp?: number;
  username?: string;
  roles?: string[];
  agencyCode?: string;
  unitCode?: string;
  scopeCode?: string;
  phone?: string;
  /** Citizens: assurance level (0 phone, 1–2 VNeID), ID number, VNeID sign-in id. */
  acr?: number;
  idn?: string;
  sid?: string;
}

/** Redis key of a live VNeID sign-in (its id_token, for the sign-out at the provider). */
export const citizenSessionKey = (prefix: string, sessionId: string) => `${prefix}:vneid:session:${sessionId}`;

interface OfficerAccountRow {
  username: string;
  roles: OfficerRole[];
  agency_code: string;
  unit_code: string;
  scope_code: string;
}

const sameRoles = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((r) => b.includes(r)) && b.every((r) => a.includes(r));

@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: AuthConfig,
    @InjectDataSource() private readonly db: DataSource,
    @InjectRedis() private readonly redis: Redis,
    private readonly redisConfig: RedisConfig,
  ) {}

  signOfficer(p: OfficerPrincipal): Promise<string> {
    const claims: TokenClaims = {
      sub: p.id,
      kind: 'officer',
      username: p.username,
      roles: p.roles,
      agencyCode: p.agencyCode,
      unitCode: p.unitCode,
      scopeCode: p.scopeCode,
    };
    return this.jwt.signAsync(claims, { expiresIn: this.config.officerTokenTtlSeconds });
  }

  /** The CSRF token the portal sends with writes made with the session cookie (officer-session-cookie.ts). */
  csrfTokenFor(accessToken: string): string {
    return csrfTokenFor(accessToken, this.config.jwtSecret);
  }

  csrfTokenMatches(accessToken: string, presented: unknown): boolean {
    return csrfTokenMatches(accessToken, this.config.jwtSecret, presented);
  }

  get officerTokenTtlSeconds(): number {
    return this.config.officerTokenTtlSeconds;
  }

  signCitizen(p: CitizenPrincipal): Promise<string> {
    const claims: TokenClaims = {
      sub: p.id,
      kind: 'citizen',
      phone: p.phone,
      acr: p.assurance,
      ...(p.idNumber ? { idn: p.idNumber } : {}),
      ...(p.sessionId ? { sid: p.sessionId } : {}),
    };
    return this.jwt.signAsync(claims, { expiresIn: this.config.citizenTokenTtlSeconds });
  }

  signStep(step: SignInStep, officerId: string, passwordFingerprint: string): Promise<string> {
    const claims: TokenClaims = { sub: officerId, kind: step, pwd: passwordFingerprint };
    return this.jwt.signAsync(claims, { expiresIn: STEP_TTL_SECONDS[step] });
  }

  /** The officer and password fingerprint of a valid step token of this kind; the same 401 as ever otherwise. */
  async verifyStep(
    token: string,
    step: SignInStep,
    message = 'The sign-in step has expired; sign in again.',
  ): Promise<{ officerId: string; passwordFingerprint: string }> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token, { algorithms: ['HS256'] });
    } catch {
      throw new DomainError(DomainErrorCode.Unauthenticated, message);
    }
    if (
      claims.kind !== step ||
      typeof claims.exp !== 'number' ||
      typeof claims.iat !== 'number' ||
      !isUuid(claims.sub) ||
      claims.exp - claims.iat > STEP_TTL_SECONDS[step] ||
      typeof claims.pwd !== 'string'
    ) {
      throw new DomainError(DomainErrorCode.Unauthenticated, message);
    }
    return { officerId: claims.sub, passwordFingerprint: claims.pwd };
  }

  /** The officer signing in with an enrolment token (MFA_ENFORCE), while the password it was issued for holds. */
  async enrollingOfficer(token: string): Promise<OfficerPrincipal> {
    const step = await this.verifyStep(token, 'mfa_enrolment');
    const rows: (OfficerAccountRow & { password_hash: string })[] = await this.db.query(
      `SELECT o.username, o.roles, o.agency_code, a.unit_code, a.scope_code, o.password_hash
       FROM officers o JOIN agencies a ON a.code = o.agency_code WHERE o.id = $1 AND o.active`,
      [step.officerId],
    );
    const account = rows[0];
    if (!account || passwordFingerprint(account.password_hash) !== step.passwordFingerprint) throw invalid();
    return {
      kind: 'officer',
      id: step.officerId,
      username: account.username,
      roles: account.roles,
      agencyCode: account.agency_code,
      unitCode: account.unit_code,
      scopeCode: account.scope_code,
    };
  }

  /** Whether a bearer token claims to be a step token of this kind (checked properly by verifyStep). */
  claimsStep(token: string, step: SignInStep): boolean {
    const claims = this.jwt.decode<TokenClaims | null>(token);
    return !!claims && typeof claims === 'object' && claims.kind === step;
  }

  private async sessionLive(sessionId: string): Promise<boolean> {
    try {
      return (await this.redis.exists(citizenSessionKey(this.redisConfig.prefix, sessionId))) === 1;
    } catch {
      throw new DomainError(DomainErrorCode.Unavailable, 'The sign-in cannot be checked right now; try again shortly.');
    }
  }

  /**
   * Any bad token (malformed, tampered, expired, without an expiry, living longer than we ever issue, wrong issuer,
   * subject or shape) is the same 401. An officer's roles, agency, unit and scope are the account's, read on every
   * request by primary key (never the token's claims); the token stops working as soon as the account is
   * deactivated or its agency or roles change, so that the portal signs in again and shows the new ones.
   */
  async verify(token: string): Promise<Principal> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token, { algorithms: ['HS256'] });
    } catch {
      throw invalid();
    }
    // jsonwebtoken only checks `exp` when it is present: a token without one would never expire.
    if (typeof claims.exp !== 'number' || typeof claims.iat !== 'number' || !isUuid(claims.sub)) throw invalid();
    const maxTtl = claims.kind === 'officer' ? this.config.officerTokenTtlSeconds : this.config.citizenTokenTtlSeconds;
    if (claims.exp - claims.iat > maxTtl) throw invalid();

    if (claims.kind === 'officer' && claims.agencyCode && Array.isArray(claims.roles) && claims.roles.every(isOfficerRole)) {
      const rows: OfficerAccountRow[] = await this.db.query(
        `SELECT o.username, o.roles, o.agency_code, a.unit_code, a.scope_code
         FROM officers o JOIN agencies a ON a.code = o.agency_code WHERE o.id = $1 AND o.active`,
        [claims.sub],
      );
      const account = rows[0];
      if (!account || account.agency_code !== claims.agencyCode || !sameRoles(account.roles, claims.roles)) throw invalid();
      return {
        kind: 'officer',
        id: claims.sub,
        username: account.username,
        roles: account.roles,
        agencyCode: account.agency_code,
        unitCode: account.unit_code,
        scopeCode: account.scope_code,
      };
    }
    if (claims.kind === 'citizen' && typeof claims.phone === 'string' && PhoneNumber.parse(claims.phone)?.value === claims.phone) {
      const assurance = claims.acr ?? 0;
      if (!isAssuranceLevel(assurance) || assurance > 0 !== (typeof claims.sid === 'string')) throw invalid();
      // A VNeID sign-in lives as long as its session: the sign-out (here or at VNeID) ends every token of it.
      if (claims.sid && !(await this.sessionLive(claims.sid))) throw invalid();
      return {
        kind: 'citizen',
        id: claims.sub,
        phone: claims.phone,
        assurance,
        idNumber: claims.idn ?? null,
        ...(claims.sid ? { sessionId: claims.sid } : {}),
      };
    }
    throw invalid();
  }
}

const invalid = () => new DomainError(DomainErrorCode.Unauthenticated, 'The access token is invalid or has expired.');
