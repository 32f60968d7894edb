import type { SmsSimulatorOptions } from './sms-simulator';

export class SimulatorConfigError extends Error {}

type Env = Record<string, string | undefined>;

/**
 * Reads the simulator's environment:
 *   SMS_SIMULATOR_SMPP_PORT (2775) · SMS_SIMULATOR_HTTP_PORT (2776) · SMS_SIMULATOR_HOST (all interfaces)
 *   SMPP_SYSTEM_ID (dvc) · SMPP_PASSWORD (dvcpass) · SMS_SIMULATOR_HTTP_USERNAME (dvc) · SMS_SIMULATOR_HTTP_PASSWORD (dvcpass)
 *   SMS_SIMULATOR_LATENCY_MS (0) · SMS_SIMULATOR_DLR_DELAY_MS (200) · SMS_SIMULATOR_FAILURE_RATE (0)
 *   SMS_SIMULATOR_THROTTLE_PER_SECOND (0 = off) · SMS_SIMULATOR_NEVER_DELIVER_RATE (0) · SMS_SIMULATOR_FAIL_DLR_RATE (0)
 *   SMS_SIMULATOR_SEED (random)
 */
export function loadSimulatorConfig(env: Env = process.env): Required<Pick<SmsSimulatorOptions, 'smppPort' | 'httpPort'>> & SmsSimulatorOptions {
  const seed = optionalInteger(env, 'SMS_SIMULATOR_SEED');
  const host = env.SMS_SIMULATOR_HOST?.trim();
  return {
    smppPort: port(env, 'SMS_SIMULATOR_SMPP_PORT', 2775),
    httpPort: port(env, 'SMS_SIMULATOR_HTTP_PORT', 2776),
    ...(host ? { host } : {}),
    systemId: text(env, 'SMPP_SYSTEM_ID', 'dvc'),
    password: text(env, 'SMPP_PASSWORD', 'dvcpass'),
    httpUsername: text(env, 'SMS_SIMULATOR_HTTP_USERNAME', 'dvc'),
    httpPassword: text(env, 'SMS_SIMULATOR_HTTP_PASSWORD', 'dvcpass'),
    ...(seed === undefined ? {} : { seed }),
    faults: {
      latencyMs: number(env, 'SMS_SIMULATOR_LATENCY_MS', 0),
      dlrDelayMs: number(env, 'SMS_SIMULATOR_DLR_DELAY_MS', 200),
      failureRate: rate(env, 'SMS_SIMULATOR_FAILURE_RATE'),
      throttlePerSecond: number(env, 'SMS_SIMULATOR_THROTTLE_PER_SECOND', 0),
      neverDeliverRate: rate(env, 'SMS_SIMULATOR_NEVER_DELIVER_RATE'),
      failDlrRate: rate(env, 'SMS_SIMULATOR_FAIL_DLR_RATE'),
    },
  };
}

function raw(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === '' ? undefined : value;
}

function text(env: Env, name: string, fallback: string): string {
  return raw(env, name) ?? fallback;
}

function number(env: Env, name: string, fallback: number): number {
  const value = raw(env, name);
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0) throw new SimulatorConfigError(`${name} must be a number >= 0 (got "${value}")`);
  return parsed;
}

function rate(env: Env, name: string): number {
  const value = number(env, name, 0);
  if (value > 1) throw new SimulatorConfigError(`${name} must be between 0 and 1 (got ${value})`);
  return value;
}

function port(env: Env, name: string, fallback: number): number {
  const value = number(env, name, fallback);
  if (!Number.isInteger(value) || value > 65535) throw new SimulatorConfigError(`${name} must be a port number 0..65535 (got ${value})`);
  return value;
}

function optionalInteger(env: Env, name: string): number | undefined {
  const value = raw(env, name);
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed)) throw new SimulatorConfigError(`${name} must be an integer (got "${value}")`);
  return parsed;
}
