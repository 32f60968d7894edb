import type { LoggerOptions } from 'pino';
import { maskSensitive } from '@dvc/core';
import { serializeErrorForLog } from './log-error-serializer';

const SECRET_KEYS = [
  'password',
  'newPassword',
  'temporaryPassword',
  'accessToken',
  'token',
  'changeToken',
  'mfaToken',
  'enrolmentToken',
  'otp',
  'phone',
  'idNumber',
  'to',
  'secret',
  'totpSecret',
  'otpauthUri',
  'qrCode',
  'recoveryCodes',
  'passwordHash',
  'ticket',
  'idToken',
  'id_token',
  'codeVerifier',
  'nonce',
];

/** Field paths pino masks at the top of a log object and one level deep (bodies, errors, job data, custom objects). */
export const REDACTED_LOG_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  ...SECRET_KEYS,
  ...SECRET_KEYS.map((k) => `*.${k}`),
  '*.applicant.phone',
  '*.applicant.idNumber',
  '*.variables.code',
];

/**
 * Every program's logger: structured JSON at the configured level, phone numbers, ID numbers, OTPs and tokens masked
 * in fields (by path) and in free text (by pattern: an error can echo its input).
 */
export function redactingLogOptions(level: string): Pick<LoggerOptions, 'level' | 'redact' | 'hooks' | 'serializers'> {
  return {
    level,
    redact: { paths: REDACTED_LOG_PATHS, censor: '[redacted]' },
    // Errors are logged under `err` (pino's convention, Nest's logger) and sometimes `error`: neither may copy query
    // parameters or driver details into the log.
    serializers: { err: serializeErrorForLog, error: serializeErrorForLog },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((a) => (typeof a === 'string' ? maskSensitive(a) : a)) as Parameters<typeof method>);
      },
    },
  };
}
