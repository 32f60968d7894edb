import { Global, Module, Provider } from '@nestjs/common';
import { AuthConfig } from './auth.config';
import { DataConfig } from './data.config';
import { DatabaseConfig } from './database.config';
import { FilesConfig } from './files.config';
import { HttpConfig } from './http.config';
import { NationalPortalConfig } from './national-portal.config';
import { DeadlinesConfig } from './deadlines.config';
import { ReportsConfig } from './reports.config';
import { loadConfig } from './load-config';
import { PaymentsConfig } from './payments.config';
import { assertProductionSecrets } from './production-secrets';
import { RedisConfig } from './redis.config';
import { RuntimeConfig } from './runtime.config';
import { SigningConfig } from './signing.config';
import { SmsConfig } from './sms.config';
import { VneidConfig } from './vneid.config';

export const CONFIG_CLASSES = [
  RuntimeConfig,
  DatabaseConfig,
  RedisConfig,
  HttpConfig,
  AuthConfig,
  SmsConfig,
  PaymentsConfig,
  DataConfig,
  NationalPortalConfig,
  DeadlinesConfig,
  FilesConfig,
  ReportsConfig,
  SigningConfig,
  VneidConfig,
] as const;

export interface LoadedConfig {
  runtime: RuntimeConfig;
  database: DatabaseConfig;
  redis: RedisConfig;
  http: HttpConfig;
  auth: AuthConfig;
  sms: SmsConfig;
  payments: PaymentsConfig;
  data: DataConfig;
  nationalPortal: NationalPortalConfig;
  deadlines: DeadlinesConfig;
  files: FilesConfig;
  reports: ReportsConfig;
  signing: SigningConfig;
  vneid: VneidConfig;
}

/** Loads and checks every namespace at once, so a bad value stops the boot before anything connects. */
export function loadAllConfig(env: Record<string, string | undefined> = process.env): LoadedConfig {
  const config: LoadedConfig = {
    runtime: loadConfig(RuntimeConfig, env),
    database: loadConfig(DatabaseConfig, env),
    redis: loadConfig(RedisConfig, env),
    http: loadConfig(HttpConfig, env),
    auth: loadConfig(AuthConfig, env),
    sms: loadConfig(SmsConfig, env),
    payments: loadConfig(PaymentsConfig, env),
    data: loadConfig(DataConfig, env),
    nationalPortal: loadConfig(NationalPortalConfig, env),
    deadlines: loadConfig(DeadlinesConfig, env),
    files: loadConfig(FilesConfig, env),
    reports: loadConfig(ReportsConfig, env),
    signing: loadConfig(SigningConfig, env),
    vneid: loadConfig(VneidConfig, env),
  };
  assertProductionSecrets(config.runtime, config.auth, config.payments, config.vneid);
  if (config.runtime.isProduction) config.data.demoData = false;
  // In production the second factor is enforced for MFA_REQUIRED_ROLES unless MFA_ENFORCE=false says otherwise.
  if (config.runtime.isProduction && env.MFA_ENFORCE === undefined) config.auth.mfaEnforce = true;
  // VNeID is the front door; phone OTP is a fallback a province switches on (CITIZEN_OTP_ENABLED=true).
  if (config.runtime.isProduction && !env.CITIZEN_OTP_ENABLED) config.auth.citizenOtpEnabled = false;
  return config;
}

/** Each namespace class is injectable by its type: `constructor(private readonly db: DatabaseConfig)`. */
@Global()
@Module({})
export class AppConfigModule {
  static forRoot(config: LoadedConfig = loadAllConfig()) {
    const providers: Provider[] = Object.values(config).map((value) => ({ provide: value.constructor, useValue: value }));
    return { module: AppConfigModule, providers, exports: providers };
  }
}
