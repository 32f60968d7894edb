import { AuthConfig, DEV_JWT_SECRET, DEV_OTP_SECRET, DEV_TOTP_SECRET_KEY } from './auth.config';
import { ConfigError } from './load-config';
import { DEV_VNPAY_HASH_SECRET, PaymentsConfig } from './payments.config';
import { RuntimeConfig } from './runtime.config';

/** Secrets come only from the environment: in production the development fallbacks stop the boot. */
export function assertProductionSecrets(runtime: RuntimeConfig, auth: AuthConfig, payments: PaymentsConfig): void {
  if (!runtime.isProduction) return;
  const missing = [
    auth.jwtSecret === DEV_JWT_SECRET && 'JWT_SECRET',
    auth.otpSecret === DEV_OTP_SECRET && 'OTP_SECRET',
    auth.totpSecretKey === DEV_TOTP_SECRET_KEY && 'TOTP_SECRET_KEY',
    payments.vnpayHashSecret === DEV_VNPAY_HASH_SECRET && 'VNPAY_HASH_SECRET',
  ].filter(Boolean);
  if (missing.length > 0) {
    throw new ConfigError(`Invalid configuration: ${missing.join(', ')} must be set in the environment when NODE_ENV=production`);
  }
}
