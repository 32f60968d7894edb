import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import { maskSensitive, type Principal } from '@dvc/core';
import type { RuntimeConfig } from '@dvc/config';

/** Field paths pino removes wherever they appear one level deep (bodies, errors, custom objects). */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  '*.password',
  '*.accessToken',
  '*.token',
  '*.otp',
  '*.phone',
  '*.idNumber',
  '*.applicant.phone',
  '*.applicant.idNumber',
  '*.variables.code',
];

/** Structured JSON logs (pino) with phone numbers, ID numbers, OTPs and tokens masked. */
export function loggerParams(runtime: RuntimeConfig): Params {
  return {
    // Nest 11's router wants a named wildcard; the default '*' logs a deprecation warning.
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    pinoHttp: {
      level: runtime.logLevel,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      hooks: {
        // Free-text messages can carry numbers too (e.g. an error echoing input): mask them before writing.
        logMethod(args, method) {
          method.apply(this, args.map((a) => (typeof a === 'string' ? maskSensitive(a) : a)) as Parameters<typeof method>);
        },
      },
      serializers: {
        req: (req: { id: unknown; method: string; url: string; raw?: { principal?: Principal } }) => ({
          id: req.id,
          method: req.method,
          url: maskSensitive(req.url.replace(/([?&](phone|code|token|otp)=)[^&]*/gi, '$1[redacted]')),
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      customProps: (req) => {
        const principal = (req as { principal?: Principal }).principal;
        return principal ? { principal: principal.kind === 'officer' ? { officer: principal.username, agency: principal.agencyCode } : { citizen: principal.id } } : {};
      },
      autoLogging: { ignore: (req) => req.url === '/health' },
    },
  };
}
