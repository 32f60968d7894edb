import { IsInt, IsString, Matches, Min, MinLength } from 'class-validator';
import { EnvVar } from './env-var';

export class NationalPortalConfig {
  /** Base URL of the National Public Service Portal's sync API (the bundled simulator by default). */
  @EnvVar('NATIONAL_PORTAL_URL')
  @Matches(/^https?:\/\/[^\s]+$/, { message: 'must be an http(s) URL' })
  url: string = 'http://127.0.0.1:3200';

  @EnvVar('NATIONAL_PORTAL_TOKEN')
  @IsString()
  @MinLength(8, { message: 'must be at least 8 characters' })
  token: string = 'dvc-portal-token';

  @EnvVar('NATIONAL_PORTAL_MAX_ATTEMPTS')
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  maxAttempts: number = 20;

  @EnvVar('NATIONAL_PORTAL_BACKOFF_MS')
  @IsInt({ message: 'must be a whole number' })
  @Min(10)
  backoffMs: number = 2000;
}
