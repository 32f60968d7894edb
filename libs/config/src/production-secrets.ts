import { AuthConfig, DEV_JWT_SECRET, DEV_OTP_SECRET, DEV_TOTP_SECRET_KEY } from './auth.config';
import { ConfigError } from './load-config';
import { DEV_VNPAY_HASH_SECRET, PaymentsConfig } from './payments.config';
import { RuntimeConfig } from './runtime.config';
import { DEV_VNEID_CLIENT_SECRET, VneidConfig } from './vneid.config';

/** Secrets come only from the environment: in production the development fallbacks stop the boot. */
export function assertProductionSecrets(runtime: RuntimeConfig, auth: AuthConfig, payments: PaymentsConfig, vneid?: VneidConfig): void {
  if (!runtime.isProduction) return;
  const missing = [
    auth.jwtSecret === DEV_JWT_SECRET && 'JWT_SECRET',
    auth.otpSecret === DEV_OTP_SECRET && 'OTP_SECRET',
    auth.totpSecretKey === DEV_TOTP_SECRET_KEY && 'TOTP_SECRET_KEY',
    payments.vnpayHashSecret === DEV_VNPAY_HASH_SECRET && 'VNPAY_HASH_SECRET',
    vneid?.clientSecret === DEV_VNEID_CLIENT_SECRET && 'VNEID_CLIENT_SECRET',
  ].filter(Boolean);
  if (missing.length > 0) {
    throw new ConfigError(`Invalid configuration: ${missing.join(', ')} must be set in the environment when NODE_ENV=production`);
  }
  // The code, the id_token and the client secret travel on these: never in the clear in production.
  const plain = vneid
    ? [
        ['VNEID_ISSUER', vneid.issuer],
        ['VNEID_REDIRECT_URI', vneid.redirectUri],
        ['VNEID_POST_LOGOUT_REDIRECT_URI', vneid.postLogoutRedirectUri],
      ]
    : [];
  const insecure = plain.filter(([, url]) => !url.startsWith('https://')).map(([name]) => name);
  if (insecure.length > 0) throw new ConfigError(`Invalid configuration: ${insecure.join(', ')} must be https:// URLs when NODE_ENV=production`);
}
