import { IsIn, IsInt, IsString, Matches, Max, Min, MinLength } from 'class-validator';
import { EnvVar } from './env-var';

/** Development-only fallback; production refuses to boot with it (see assertProductionSecrets). */
export const DEV_VNEID_CLIENT_SECRET = 'dev-only-vneid-client-secret-0123456789';

/** The citizens' sign-in through VNeID (OpenID Connect, authorization code + PKCE); the bundled simulator by default. */
export class VneidConfig {
  /** The provider's issuer identifier; its /.well-known/openid-configuration is read at the first sign-in. */
  @EnvVar('VNEID_ISSUER')
  @Matches(/^https?:\/\/[^\s]+$/, { message: 'must be an http(s) URL' })
  issuer: string = 'http://127.0.0.1:3330';

  @EnvVar('VNEID_CLIENT_ID')
  @IsString()
  @MinLength(1)
  clientId: string = 'dvc-hanoi';

  @EnvVar('VNEID_CLIENT_SECRET')
  @IsString()
  @MinLength(16, { message: 'must be at least 16 characters' })
  clientSecret: string = DEV_VNEID_CLIENT_SECRET;

  /** This API's callback as registered with the provider. */
  @EnvVar('VNEID_REDIRECT_URI')
  @Matches(/^https?:\/\/[^\s]+\/api\/v1\/auth\/citizens\/vneid\/callback$/, {
    message: 'must be an http(s) URL ending in /api/v1/auth/citizens/vneid/callback',
  })
  redirectUri: string = 'http://127.0.0.1:3000/api/v1/auth/citizens/vneid/callback';

  /** Where the provider sends the browser after the sign-out (registered with the provider too). */
  @EnvVar('VNEID_POST_LOGOUT_REDIRECT_URI')
  @Matches(/^https?:\/\/[^\s]+$/, { message: 'must be an http(s) URL' })
  postLogoutRedirectUri: string = 'http://127.0.0.1:3000/';

  /** How long a started sign-in (its state, nonce and PKCE verifier) waits for the provider's answer. */
  @EnvVar('VNEID_LOGIN_TTL_SECONDS')
  @IsInt({ message: 'must be a whole number' })
  @Min(30)
  @Max(3600)
  loginTtlSeconds: number = 600;

  /** Seconds of clock difference with the provider tolerated on the id_token's times. */
  @EnvVar('VNEID_CLOCK_TOLERANCE_SECONDS')
  @IsInt({ message: 'must be a whole number' })
  @Min(0)
  @Max(300)
  clockToleranceSeconds: number = 30;

  /** The assurance level a level-4 procedure needs unless the procedure sets its own (0 = none, 2 = verified). */
  @EnvVar('VNEID_LEVEL4_ASSURANCE')
  @IsIn([0, 1, 2], { message: 'must be 0, 1 or 2' })
  level4Assurance: number = 2;
}
