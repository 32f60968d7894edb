/**
 * SMS: outbox → SMS-centre simulator, delivered (with delivery receipt), against BullMQ's no-op ceiling on the
 * same Redis in the same run. Run: npm run bench:sms [-- N]
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Queue, Worker } from 'bullmq';
import Redis from 'ioredis';
import { createWorkerApp } from '../apps/worker/src/create-worker';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from '../libs/testing/src/private-redis';
import { dropBenchDatabase, freshBenchDatabase, loadAllConfig, machine, ownBenchEnv } from './bench-env';

const N = Number(process.argv[2] ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 20);

async function bullmqNoopCeiling(redisUrl: string, prefix: string): Promise<number> {
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const name = `noop-${randomUUID()}`;
  const queue = new Queue(name, { connection, prefix });
  let done = 0;
  let finished!: () => void;
  const all = new Promise<void>((r) => (finished = r));
  const worker = new Worker(name, async () => undefined, { connection: new Redis(redisUrl, { maxRetriesPerRequest: null }), prefix, concurrency: CONCURRENCY });
  worker.on('completed', () => {
    done += 1;
    if (done === N) finished();
  });
  const started = performance.now();
  await queue.addBulk(Array.from({ length: N }, (_, i) => ({ name: 'noop', data: { i }, opts: { jobId: `j${i}`, removeOnComplete: true } })));
  await all;
  const seconds = (performance.now() - started) / 1000;
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  connection.disconnect();
  return N / seconds;
}

async function main() {
  // The SMS centre runs in its own process, as in production (npm start runs the same program).
  const [smppPort, httpPort] = [await freePort(), await freePort()];
  const sim = spawn(
    process.execPath,
    ['-r', 'ts-node/register', '-r', 'tsconfig-paths/register', join(__dirname, '..', 'apps', 'sms-simulator', 'src', 'main.ts')],
    {
      env: {
        ...process.env,
        TS_NODE_TRANSPILE_ONLY: '1',
        SMS_SIMULATOR_SMPP_PORT: String(smppPort),
        SMS_SIMULATOR_HTTP_PORT: String(httpPort),
        SMS_SIMULATOR_DLR_DELAY_MS: '0',
        SMS_SIMULATOR_SEED: '1',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  process.on('exit', () => sim.kill('SIGTERM'));
  await new Promise<void>((resolve) => sim.stdout!.once('data', () => resolve()));
  const env = ownBenchEnv('sms', {
    SMS_PROVIDER: process.env.BENCH_SMS_PROVIDER ?? 'smpp',
    SMPP_PORT: String(smppPort),
    SMS_CONCURRENCY: String(CONCURRENCY),
    DATABASE_POOL_SIZE: String(Math.min(60, CONCURRENCY + 10)),
    SMS_RATE_PER_SECOND: '100000',
    OUTBOX_POLL_MS: '20',
    SMS_QUIET_HOURS: '03:00-03:01',
  });
  const config = loadAllConfig(env);
  const db = await freshBenchDatabase(config);
  const redis = new Redis(config.redis.url);
  const ceiling = await bullmqNoopCeiling(config.redis.url, config.redis.prefix);

  // The worker is up (SMPP bound, relay polling) before the rows arrive: the clock measures outbox → delivered,
  // not the start of a Nest application.
  const worker = await createWorkerApp(config);
  await new Promise((r) => setTimeout(r, 500));
  const phones = Array.from({ length: N }, (_, i) => `849${String(10_000_000 + i).slice(-8)}`);
  const started = performance.now();
  await db.query(
    `INSERT INTO outbox (topic, kind, priority, payload)
     SELECT 'sms', 'otp', 1, jsonb_build_object('to', p, 'template', 'otp', 'variables', jsonb_build_object('code', '123456', 'ttlMinutes', 5)) FROM unnest($1::text[]) p`,
    [phones],
  );
  let delivered = 0;
  while (delivered < N) {
    await new Promise((r) => setTimeout(r, 50));
    delivered = Number((await db.query(`SELECT count(*) FROM sms_messages WHERE status = 'delivered'`))[0].count);
    if (performance.now() - started > 300_000) throw new Error(`only ${delivered}/${N} delivered after 5 minutes`);
  }
  const seconds = (performance.now() - started) / 1000;
  const real = N / seconds;
  const inbox = ((await (await fetch(`http://127.0.0.1:${httpPort}/messages`)).json()) as unknown[]).length;
  await worker.close();
  sim.kill('SIGTERM');
  await db.destroy();
  await dropBenchDatabase(config);
  for (const key of await redis.keys(`${config.redis.prefix}:*`)) await redis.del(key);
  redis.disconnect();

  const ratio = real / ceiling;
  const result = {
    benchmark: 'sms outbox → SMS centre delivered (SMPP, with DLR)',
    machine: machine(),
    messages: N,
    concurrency: CONCURRENCY,
    bullmqNoopJobsPerSecond: Math.round(ceiling),
    deliveredPerSecond: Math.round(real),
    ratio: Number(ratio.toFixed(3)),
    target: '≥ 0.25 of the no-op ceiling',
    verdict: ratio >= 0.25 ? 'met' : 'missed',
    inboxCount: inbox,
  };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  process.exit(0);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
