import { Injectable } from '@nestjs/common';
import type * as Oidc from 'openid-client';
import { VneidConfig } from '@dvc/config';
import { DomainError, DomainErrorCode } from '@dvc/core';

export type OpenIdClient = typeof Oidc;

// openid-client is ESM-only. This import compiles to require(), which Node ≥ 20.19 gives ESM modules; it runs at
// the first VNeID sign-in only, so processes that never sign anyone in with VNeID never load it.
const loadClient = (): Promise<OpenIdClient> => import('openid-client');

export const refused = (reason: string) =>
  new DomainError(DomainErrorCode.VneidSignInRefused, `The VNeID sign-in was refused: ${reason}. Nothing was signed in; start again.`);

/** The relying party's side of VNeID through openid-client: discovery (cached), the request URL, the code exchange. */
@Injectable()
export class VneidClient {
  private configuration: Promise<{ client: OpenIdClient; config: Oidc.Configuration }> | null = null;

  constructor(private readonly vneid: VneidConfig) {}

  async authorizationUrl(p: { state: string; nonce: string; codeVerifier: string }): Promise<URL> {
    const { client, config } = await this.configured();
    return client.buildAuthorizationUrl(config, {
      redirect_uri: this.vneid.redirectUri,
      scope: 'openid profile phone vneid',
      state: p.state,
      nonce: p.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(p.codeVerifier),
      code_challenge_method: 'S256',
    });
  }

  /** The verified id_token claims for this callback; every failed check (state, iss, code, PKCE, signature, aud, times, nonce) is a refusal. */
  async exchange(
    callbackQuery: string,
    checks: { state: string; nonce: string; codeVerifier: string },
  ): Promise<{ claims: Record<string, unknown>; idToken: string }> {
    const { client, config } = await this.configured();
    const current = new URL(this.vneid.redirectUri);
    current.search = callbackQuery;
    let tokens: Awaited<ReturnType<OpenIdClient['authorizationCodeGrant']>>;
    try {
      tokens = await client.authorizationCodeGrant(config, current, {
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        pkceCodeVerifier: checks.codeVerifier,
        idTokenExpected: true,
      });
    } catch (error) {
      throw refused(reasonOf(error));
    }
    const claims = tokens.claims();
    if (!claims || !tokens.id_token) throw refused('no id_token');
    return { claims: claims as Record<string, unknown>, idToken: tokens.id_token };
  }

  async endSessionUrl(idToken: string): Promise<string | null> {
    const { client, config } = await this.configured();
    if (!config.serverMetadata().end_session_endpoint) return null;
    return client.buildEndSessionUrl(config, { id_token_hint: idToken, post_logout_redirect_uri: this.vneid.postLogoutRedirectUri }).href;
  }

  private configured() {
    this.configuration ??= this.discover();
    // A failed discovery is not cached: the next sign-in tries again.
    this.configuration.catch(() => (this.configuration = null));
    return this.configuration;
  }

  private async discover() {
    const issuer = new URL(this.vneid.issuer);
    try {
      const client = await loadClient();
      const config = await client.discovery(
        issuer,
        this.vneid.clientId,
        { [client.clockTolerance]: this.vneid.clockToleranceSeconds },
        client.ClientSecretBasic(this.vneid.clientSecret),
        {
          timeout: 10,
          ...(issuer.protocol === 'http:' ? { execute: [client.allowInsecureRequests] } : {}),
        },
      );
      // Without this, an id_token straight from the token endpoint is trusted on TLS alone (OIDC Core 3.1.3.7) and its
      // signature is never checked; the portal checks it, so a forged token is refused even if the channel is not safe.
      client.enableNonRepudiationChecks(config);
      return { client, config };
    } catch {
      throw new DomainError(DomainErrorCode.Unavailable, 'VNeID cannot be reached right now; try again shortly.');
    }
  }
}

/** What failed, in words safe for the answer and the log: the library's code and its precise message, never a token. */
function reasonOf(error: unknown): string {
  const e = error as { code?: string; message?: string; error?: string; error_description?: string; cause?: unknown };
  if (e?.error) return `the provider answered ${e.error}${e.error_description ? ` (${e.error_description})` : ''}`;
  // openid-client wraps oauth4webapi's error, whose message names the claim ('unexpected JWT "aud" (audience) claim value').
  const inner = e?.cause instanceof Error ? e.cause.message : null;
  const message = (inner ?? (typeof e?.message === 'string' ? e.message : 'unknown')).replace(/eyJ[\w-]+\.[\w-]+\.[\w-]*/g, '…');
  return `${e?.code ? `${e.code}: ` : ''}${message}`.slice(0, 300);
}
