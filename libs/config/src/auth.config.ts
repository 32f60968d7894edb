import { IsBoolean, IsInt, Matches, Max, Min, MinLength, IsString } from 'class-validator';
import { EnvVar } from './env-var';

/** Development-only fallbacks; production refuses to boot with them (see assertProductionSecrets). */
export const DEV_JWT_SECRET = 'dev-only-jwt-secret-change-me-0123456789';
export const DEV_OTP_SECRET = 'dev-only-otp-secret-change-me-0123456789';
export const DEV_TOTP_SECRET_KEY = 'dev-only-totp-secret-key-change-me-0123';

export class AuthConfig {
  @EnvVar('JWT_SECRET')
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  jwtSecret: string = DEV_JWT_SECRET;

  @EnvVar('JWT_ISSUER')
  @IsString()
  jwtIssuer: string = 'dvc.hanoi.gov.vn';

  @EnvVar('OFFICER_TOKEN_TTL_SECONDS')
  @IsInt({ message: 'must be a whole number' })
  @Min(60)
  @Max(86_400)
  officerTokenTtlSeconds: number = 8 * 3600;

  @EnvVar('CITIZEN_TOKEN_TTL_SECONDS')
  @IsInt({ message: 'must be a whole number' })
  @Min(60)
  @Max(86_400)
  citizenTokenTtlSeconds: number = 3600;

  /** Key of the HMAC under which OTP codes are stored. */
  @EnvVar('OTP_SECRET')
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  otpSecret: string = DEV_OTP_SECRET;

  /** Key material of the AES-256-GCM key officers' TOTP secrets are stored under. */
  @EnvVar('TOTP_SECRET_KEY')
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  totpSecretKey: string = DEV_TOTP_SECRET_KEY;

  @EnvVar('OTP_TTL_SECONDS')
  @IsInt({ message: 'must be a whole number' })
  @Min(30)
  otpTtlSeconds: number = 300;

  /** Wrong guesses that void a code (the phone is never locked: a new code may be asked for at once). */
  @EnvVar('OTP_MAX_FAILED_ATTEMPTS')
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  otpMaxFailedAttempts: number = 5;

  @EnvVar('OTP_RESEND_INTERVAL_SECONDS')
  @IsInt({ message: 'must be a whole number' })
  @Min(0)
  otpResendIntervalSeconds: number = 60;

  @EnvVar('OTP_MAX_SENDS_PER_HOUR')
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  otpMaxSendsPerHour: number = 5;

  /** Consecutive wrong passwords or second-factor codes that lock an officer's account, from any address. */
  @EnvVar('OFFICER_LOCKOUT_MAX_FAILURES')
  @IsInt({ message: 'must be a whole number' })
  @Min(3)
  @Max(100)
  officerLockoutMaxFailures: number = 10;

  @EnvVar('OFFICER_LOCKOUT_SECONDS')
  @IsInt({ message: 'must be a whole number' })
  @Min(60)
  @Max(86_400)
  officerLockoutSeconds: number = 900;

  /** Minimum length of a new officer password (demo accounts excepted). */
  @EnvVar('PASSWORD_MIN_LENGTH')
  @IsInt({ message: 'must be a whole number' })
  @Min(8)
  @Max(64)
  passwordMinLength: number = 12;

  /** Comma-separated roles whose officers need a second factor (TOTP). */
  @EnvVar('MFA_REQUIRED_ROLES')
  @Matches(/^\s*(receiving_officer|specialist|leader|unit_admin|admin)?(\s*,\s*(receiving_officer|specialist|leader|unit_admin|admin))*\s*$/, {
    message: 'must be a comma-separated list of receiving_officer, specialist, leader, unit_admin, admin',
  })
  mfaRequiredRoles: string = 'admin,unit_admin,leader';

  /**
   * true: officers holding one of MFA_REQUIRED_ROLES without a second factor must enrol one before they get an
   * access token. false: a second factor is asked only of those who enrolled one (development and the demo).
   */
  @EnvVar('MFA_ENFORCE')
  @IsBoolean()
  mfaEnforce: boolean = false;

  /** Phone OTP sign-in for citizens, a fallback beside VNeID: on by default in development and tests, off in production. */
  @EnvVar('CITIZEN_OTP_ENABLED')
  @IsBoolean()
  citizenOtpEnabled: boolean = true;

  get mfaRoles(): string[] {
    return this.mfaRequiredRoles
      .split(',')
      .map((r) => r.trim())
      .filter(Boolean);
  }
}
