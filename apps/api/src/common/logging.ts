import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { Options } from 'pino-http';
import { maskSensitive, type Principal } from '@dvc/core';
import { readableLogTransport, redactingLogOptions, type RuntimeConfig } from '@dvc/config';

/** Structured logs (pino; JSON, or readable lines at a terminal) with phone numbers, ID numbers, OTPs and tokens masked. */
export function loggerParams(runtime: RuntimeConfig, destination?: DestinationStream): Params {
  const base = redactingLogOptions(runtime.logLevel);
  const pinoHttp: Options = {
    ...base,
    serializers: {
      ...base.serializers,
      req: (req: { id: unknown; method: string; url: string; raw?: { principal?: Principal } }) => ({
        id: req.id,
        method: req.method,
        url: maskSensitive(req.url.replace(/([?&](phone|code|token|otp|state|ticket|id_token_hint)=)[^&]*/gi, '$1[redacted]')),
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    // Nothing to add for an anonymous request: an empty object would still cost pino-http a child logger.
    customProps: (req) => {
      const principal = (req as { principal?: Principal }).principal;
      return (
        principal
          ? { principal: principal.kind === 'officer' ? { officer: principal.username, agency: principal.agencyCode } : { citizen: principal.id } }
          : undefined
      ) as object;
    },
    autoLogging: { ignore: (req) => req.url === '/health' },
    ...(destination ? {} : { transport: readableLogTransport(runtime) }),
  };
  return {
    // Nest 11's router wants a named wildcard; the default '*' logs a deprecation warning.
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    // A destination other than stdout: the tests that read what the API logged.
    pinoHttp: destination ? [pinoHttp, destination] : pinoHttp,
  };
}
