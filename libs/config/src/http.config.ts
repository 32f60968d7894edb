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

  /** Requests per minute per client address on sign-in routes. */
  @EnvVar('AUTH_RATE_LIMIT_PER_MINUTE')
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  authRateLimitPerMinute: number = 20;

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
