import { randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthConfig, VneidConfig } from '@dvc/config';
import {
  browserBindingHash,
  browserBindingMatches,
  DomainError,
  DomainErrorCode,
  identityFromClaims,
  type AssuranceLevel,
  type CitizenPrincipal,
} from '@dvc/core';
import { CitizenEntity } from '../citizen.entity';
import { TokenService } from '../token.service';
import { citizenForIdentity } from './vneid-citizens';
import { refused, VneidClient } from './vneid-client';
import { VneidLoginStore } from './vneid-login-store';

export interface VneidCitizen {
  id: string;
  idNumber: string | null;
  taxCode: string | null;
  fullName: string | null;
  birthDate: string | null;
  phone: string;
  assurance: AssuranceLevel;
}

export interface VneidSession {
  accessToken: string;
  citizen: VneidCitizen;
}

const random = () => randomBytes(32).toString('base64url');

/** Only a path of this site: `returnTo` must never send the browser (and its ticket) elsewhere. */
export function safeReturnTo(value: unknown): string {
  if (typeof value !== 'string' || !/^\/(?![/\\])[^\s#]*$/.test(value) || value.length > 512) return '/';
  return value;
}

/**
 * The citizens' VNeID sign-in: start (state, nonce and PKCE verifier kept server-side, single use), callback (every
 * check of the answer, then the one citizen row of the identity and our token bound to a session), the ticket the
 * portal trades for that token, and the sign-out at both ends.
 */
@Injectable()
export class VneidSignInService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly client: VneidClient,
    private readonly store: VneidLoginStore,
    private readonly tokens: TokenService,
    private readonly vneid: VneidConfig,
    private readonly auth: AuthConfig,
  ) {}

  /** The provider's URL, and the value of the cookie that binds this sign-in to the browser. */
  async start(returnTo: unknown): Promise<{ url: string; browserCookie: string; ttlSeconds: number }> {
    const state = random();
    const browserCookie = random();
    const login = { nonce: random(), codeVerifier: random(), returnTo: safeReturnTo(returnTo), browser: browserBindingHash(browserCookie) };
    const url = await this.client.authorizationUrl({ state, ...login });
    await this.store.putLogin(state, login, this.vneid.loginTtlSeconds);
    return { url: url.href, browserCookie, ttlSeconds: this.vneid.loginTtlSeconds };
  }

  /** Where the browser goes next: the portal's page with a one-minute ticket in the fragment (never sent to a server). */
  async callback(query: Record<string, unknown>, rawQuery: string, browserCookie: string | null, now = new Date()): Promise<string> {
    const state = typeof query.state === 'string' ? query.state : '';
    if (!state || (typeof query.code !== 'string' && typeof query.error !== 'string')) {
      throw new DomainError(DomainErrorCode.Malformed, 'A VNeID callback carries state and either code or error; nothing was signed in.');
    }
    const login = await this.store.takeLogin(state);
    if (!login) throw refused('the state is unknown, expired or already used');
    if (!browserBindingMatches(login.browser, browserCookie)) throw refused('the sign-in was started in another browser');
    const { claims, idToken } = await this.client.exchange(rawQuery, { state, nonce: login.nonce, codeVerifier: login.codeVerifier });
    const parsed = identityFromClaims(claims);
    if (!parsed.ok) throw refused(parsed.reason);
    const identity = parsed.identity;
    const row = await this.withRetryOnRace(() => this.db.transaction((em) => citizenForIdentity(em, identity, now)));
    const sessionId = randomUUID();
    const principal: CitizenPrincipal = { kind: 'citizen', id: row.id, phone: row.phone, assurance: identity.assurance, idNumber: row.idNumber, sessionId };
    await this.store.putSession(sessionId, idToken, this.auth.citizenTokenTtlSeconds);
    const session: VneidSession = {
      accessToken: await this.tokens.signCitizen(principal),
      citizen: {
        id: row.id,
        idNumber: row.idNumber,
        taxCode: row.taxCode,
        fullName: row.fullName,
        birthDate: row.birthDate,
        phone: row.phone,
        assurance: identity.assurance,
      },
    };
    const ticket = random();
    await this.store.putTicket(ticket, session);
    return `${login.returnTo}#vneid=${ticket}`;
  }

  async redeem(ticket: string): Promise<VneidSession> {
    const session = await this.store.takeTicket<VneidSession>(ticket);
    if (!session) throw refused('the sign-in ticket is unknown, expired or already used');
    return session;
  }

  /** Ends our session (every token of it stops working) and answers where VNeID ends its own. */
  async signOut(citizen: CitizenPrincipal): Promise<{ endSessionUrl: string | null }> {
    if (!citizen.sessionId) return { endSessionUrl: null };
    const idToken = await this.store.takeSession(citizen.sessionId);
    return { endSessionUrl: idToken ? await this.client.endSessionUrl(idToken) : null };
  }

  /** The signed-in citizen as /auth/me shows them: the identity VNeID gave and this session's assurance. */
  async profile(citizen: CitizenPrincipal): Promise<VneidCitizen & { kind: 'citizen' }> {
    const row = await this.db.getRepository(CitizenEntity).findOneBy({ id: citizen.id });
    return {
      kind: 'citizen',
      id: citizen.id,
      idNumber: row?.idNumber ?? null,
      taxCode: row?.taxCode ?? null,
      fullName: row?.fullName ?? null,
      birthDate: row?.birthDate ?? null,
      phone: citizen.phone,
      assurance: citizen.assurance,
    };
  }

  /** Two first sign-ins of one identity at once: the second insert hits the unique index, and a retry finds the row. */
  private async withRetryOnRace<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof DomainError) && (error as { code?: string }).code === '23505') return work();
      throw error;
    }
  }
}
