import type { INestApplicationContext } from '@nestjs/common';
import { PrivateRedis, startPrivateRedis, startTestApp, startTestWorker, TestApp } from '@dvc/testing';
import type { Faults } from '../apps/sms-simulator/src/faults';
import { createSmsSimulator, SmsSimulator } from '../apps/sms-simulator/src/sms-simulator';
import { fastSmsEnv } from './drill-kit';

export interface SmsDrillStack {
  redis: PrivateRedis;
  sim: SmsSimulator;
  t: TestApp;
  /** The in-process worker; null when the drill runs its own worker processes. */
  worker: INestApplicationContext | null;
  /** What the API and worker were started with (a drill's own worker processes take the same). */
  env: Record<string, string>;
  /** Stops everything it started, last first. */
  close(): Promise<void>;
}

/**
 * What the SMS drills share: a private Redis (a drill may stop it), the SMS-centre simulator (over SMPP, or its HTTP
 * brandname API), the API listening, and the worker in this process unless `worker: false`.
 */
export async function startSmsDrillStack(o: {
  seed: number;
  faults?: Partial<Faults>;
  provider?: 'smpp' | 'http';
  env?: Record<string, string>;
  worker?: boolean;
}): Promise<SmsDrillStack> {
  const started: { close(): Promise<unknown> }[] = [];
  const close = async () => {
    for (const part of started.reverse()) await part.close();
  };
  try {
    const redis = await startPrivateRedis();
    started.push({ close: () => redis.stop() });
    const sim = createSmsSimulator({ smppPort: 0, httpPort: 0, seed: o.seed, faults: o.faults });
    const { smppPort, httpPort } = await sim.start();
    started.push({ close: () => sim.stop() });
    const provider: Record<string, string> =
      o.provider === 'http'
        ? { SMS_PROVIDER: 'http', SMS_HTTP_URL: `http://127.0.0.1:${httpPort}/brandname/send` }
        : { SMS_PROVIDER: 'smpp', SMPP_HOST: '127.0.0.1', SMPP_PORT: String(smppPort) };
    const env: Record<string, string> = { ...fastSmsEnv(), REDIS_URL: redis.url, ...provider, ...o.env };
    const t = await startTestApp(env, { listen: true });
    started.push(t);
    const worker = o.worker === false ? null : await startTestWorker(env);
    if (worker) started.push(worker);
    return { redis, sim, t, worker, env, close };
  } catch (error) {
    await close();
    throw error;
  }
}
