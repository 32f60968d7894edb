import { IsBoolean, IsInt, Max, Min, Matches, IsString } from 'class-validator';
import { EnvVar } from './env-var';

export class HttpConfig {
  @EnvVar('PORT')
  @IsInt({ message: 'must be a whole number' })
  @Min(0)
  @Max(65535)
  port: number = 3000;

  @EnvVar('HOST')
  @IsString()
  host: string = '0.0.0.0';

  /** Where citizens reach the portal; used in QR codes and links in SMS. */
  @EnvVar('PUBLIC_BASE_URL')
  @Matches(/^https?:\/\/[^\s]+$/, { message: 'must be an http(s) URL' })
  publicBaseUrl: string = 'http://localhost:3000';

  @EnvVar('HTTP_BODY_LIMIT_BYTES')
  @IsInt({ message: 'must be a whole number' })
  @Min(1024)
  bodyLimitBytes: number = 1_048_576;

  @EnvVar('TRUST_PROXY')
  @IsBoolean()
  trustProxy: boolean = false;

  /** Sign-in requests per minute per client address and username (or phone): one officer's retries. */
  @EnvVar('AUTH_RATE_LIMIT_PER_MINUTE')
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  authRateLimitPerMinute: number = 20;

  /**
   * Sign-in requests per minute per client address, all usernames together. A commune office signs in 30 officers
   * behind one NAT address at 07:30; guessing at one account is stopped by the per-account lockout instead.
   */
  @EnvVar('AUTH_ADDRESS_RATE_LIMIT_PER_MINUTE')
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  authAddressRateLimitPerMinute: number = 300;

  /** Public tracking look-ups per minute per client address. */
  @EnvVar('TRACKING_RATE_LIMIT_PER_MINUTE')
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  trackingRateLimitPerMinute: number = 30;

  /**
   * How long a public tracking answer is reused for the same code and phone digits (0: never). A status change
   * shows on the public lookup at most this late; the applicant's own pages and officers always read the rows.
   */
  @EnvVar('TRACKING_CACHE_SECONDS')
  @IsInt({ message: 'must be a whole number' })
  @Min(0)
  @Max(60)
  trackingCacheSeconds: number = 2;
}
