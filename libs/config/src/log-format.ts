import type { TransportSingleOptions } from 'pino';
import type { RuntimeConfig } from './runtime.config';

/**
 * pino-pretty as a transport for a person at a terminal: lines are redacted and masked before they reach it (the
 * transport formats what pino already serialised), so readable logs hide exactly what JSON logs hide.
 */
export function readableLogTransport(runtime: RuntimeConfig): TransportSingleOptions | undefined {
  if (!runtime.prettyLogs()) return undefined;
  return { target: 'pino-pretty', options: { colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname', singleLine: false } };
}
