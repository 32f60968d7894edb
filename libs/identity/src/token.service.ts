import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthConfig } from '@dvc/config';
import { DomainError, DomainErrorCode, isOfficerRole, isUuid, type CitizenPrincipal, type OfficerPrincipal, type Principal } from '@dvc/core';

interface TokenClaims {
  sub: string;
  kind: 'officer' | 'citizen';
  username?: string;
  roles?: string[];
  agencyCode?: string;
  unitCode?: string;
  scopeCode?: string;
  phone?: string;
}

@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: AuthConfig,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  signOfficer(p: OfficerPrincipal): Promise<string> {
    const claims: TokenClaims = { sub: p.id, kind: 'officer', username: p.username, roles: p.roles, agencyCode: p.agencyCode, unitCode: p.unitCode, scopeCode: p.scopeCode };
    return this.jwt.signAsync(claims, { expiresIn: this.config.officerTokenTtlSeconds });
  }

  signCitizen(p: CitizenPrincipal): Promise<string> {
    const claims: TokenClaims = { sub: p.id, kind: 'citizen', phone: p.phone };
    return this.jwt.signAsync(claims, { expiresIn: this.config.citizenTokenTtlSeconds });
  }

  /**
   * Any bad token (malformed, tampered, expired, wrong issuer or shape) is the same 401. An officer's token also stops
   * working as soon as the account is deactivated or its agency or roles change (one primary-key lookup).
   */
  async verify(token: string): Promise<Principal> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token, { algorithms: ['HS256'] });
    } catch {
      throw invalid();
    }
    if (claims.kind === 'officer' && claims.username && claims.agencyCode && claims.unitCode && claims.scopeCode && Array.isArray(claims.roles) && claims.roles.every(isOfficerRole)) {
      if (!isUuid(claims.sub)) throw invalid();
      const current: unknown[] = await this.db.query(
        `SELECT 1 FROM officers WHERE id = $1 AND active AND agency_code = $2 AND roles @> $3::text[] AND roles <@ $3::text[]`,
        [claims.sub, claims.agencyCode, claims.roles],
      );
      if (current.length === 0) throw invalid();
      return { kind: 'officer', id: claims.sub, username: claims.username, roles: claims.roles, agencyCode: claims.agencyCode, unitCode: claims.unitCode, scopeCode: claims.scopeCode };
    }
    if (claims.kind === 'citizen' && claims.phone) return { kind: 'citizen', id: claims.sub, phone: claims.phone };
    throw invalid();
  }
}

const invalid = () => new DomainError(DomainErrorCode.Unauthenticated, 'The access token is invalid or has expired.');
