import type { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { DataSource, QueryFailedError } from 'typeorm';
import { RedisConfig } from '@dvc/config';
import { SMS_BACKOFF, SMS_QUEUE, type RelayedRow } from '@dvc/outbox';
import { SmsDispatchService, SmsMessageEntity } from '@dvc/sms';
import { PrivateRedis, startPrivateRedis, startTestWorker, waitFor } from '@dvc/testing';
import { createSmsSimulator, SmsSimulator } from '../apps/sms-simulator/src/sms-simulator';

jest.setTimeout(60_000);

/** What node-postgres and TypeORM throw while PostgreSQL is restarting: a refused connection, a shutting-down server. */
const outageErrors = [
  () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED', syscall: 'connect' }),
  () => new QueryFailedError('WITH claimed AS (…)', [], Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })),
];

/**
 * An SMS batch job whose runs fail on OUR database (not the SMS centre) must not use up its provider attempts: the
 * messages go out once the database answers, however many runs failed meanwhile. The failure is injected where the
 * dispatcher meets PostgreSQL (its claim query); everything else, and the final state, is the real database.
 */
describe('SMS batches while our PostgreSQL is unavailable', () => {
  const ATTEMPTS = 2;
  let redis: PrivateRedis;
  let sim: SmsSimulator;
  let worker: INestApplicationContext;
  let db: DataSource;
  let connection: Redis;
  let queue: Queue;
  /** Claim queries, and final "failed" updates, still to fail, as if PostgreSQL were down. */
  let outageClaims = 0;
  let outageMarks = 0;

  beforeAll(async () => {
    redis = await startPrivateRedis();
    sim = createSmsSimulator({ smppPort: 0, httpPort: 0, seed: 11, faults: { dlrDelayMs: 0 } });
    const { smppPort } = await sim.start();
    worker = await startTestWorker({
      REDIS_URL: redis.url,
      SMS_PROVIDER: 'smpp',
      SMPP_HOST: '127.0.0.1',
      SMPP_PORT: String(smppPort),
      SMPP_SYSTEM_ID: 'dvc',
      SMPP_PASSWORD: 'dvcpass',
      OUTBOX_POLL_MS: '50',
      SMS_BACKOFF_MS: '100',
      SMS_BACKOFF_MAX_MS: '200',
      SMS_MAX_ATTEMPTS: String(ATTEMPTS),
      SMS_RATE_PER_SECOND: '1000',
      SMS_QUIET_HOURS: '00:00-00:01',
    });
    db = worker.get(DataSource);
    const query = db.query.bind(db);
    jest.spyOn(db, 'query').mockImplementation(async (sql: string, ...rest: unknown[]) => {
      if (outageClaims > 0 && sql.includes('WITH claimed AS')) throw outageErrors[outageClaims-- % 2]();
      if (outageMarks > 0 && sql.includes(`SET status = 'failed'`)) throw outageErrors[outageMarks-- % 2]();
      return query(sql, ...(rest as []));
    });
    connection = new Redis(redis.url, { maxRetriesPerRequest: null });
    queue = new Queue(SMS_QUEUE, { connection, prefix: worker.get(RedisConfig).prefix });
  });
  afterAll(async () => {
    await queue?.close();
    connection?.disconnect();
    await worker?.close();
    await sim?.stop();
    await redis?.stop();
  });

  /** Outbox rows already relayed and their messages stored (as the relay does), so only this test's job names them. */
  async function relayedOtps(n: number): Promise<{ ids: string[]; phones: string[] }> {
    const base = Math.floor(Math.random() * 9_000_000);
    const phones = Array.from({ length: n }, (_, i) => `097${String(base + i).padStart(7, '0')}`);
    const rows: RelayedRow[] = await db.query(
      `INSERT INTO outbox (topic, kind, priority, payload, dispatched_at)
       SELECT 'sms', 'otp', 1, jsonb_build_object('to', p, 'template', 'otp', 'variables', jsonb_build_object('code', '135790', 'ttlMinutes', 5)), now()
       FROM unnest($1::text[]) AS p RETURNING id, topic, kind, priority, dossier_code, payload`,
      [phones],
    );
    await worker.get(SmsDispatchService).prepareBatch(db.manager, rows);
    return { ids: rows.map((r) => r.id), phones };
  }
  const messagesOf = (ids: string[]) => db.getRepository(SmsMessageEntity).createQueryBuilder('m').where('m.outbox_id IN (:...ids)', { ids }).getMany();
  const inboxCounts = (phones: string[]) => phones.map((to) => sim.inbox.list({ to: `84${to.slice(1)}` }).length);
  /** The job the relay makes of these rows (its attempts and backoff). */
  const batchJob = (ids: string[], attempts: number) =>
    queue.add('batch', { outboxIds: ids }, { jobId: `outage-${ids[0]}`, attempts, backoff: { type: SMS_BACKOFF, delay: 100 } });

  /**
   * The waits BullMQ scheduled before each retry of a job, to the nearest 100 ms: a 'delayed' event in the queue's
   * stream carries the instant the job is due, and its entry id the instant it was written.
   */
  async function retryWaits(jobId: string): Promise<number[]> {
    const entries = await connection.xrange(`${worker.get(RedisConfig).prefix}:${SMS_QUEUE}:events`, '-', '+');
    return entries
      .map(([id, fields]) => ({ at: Number(id.split('-')[0]), event: Object.fromEntries(fields.flatMap((f, i) => (i % 2 === 0 ? [[f, fields[i + 1]]] : []))) }))
      .filter(({ event }) => event.event === 'delayed' && event.jobId === jobId)
      .map(({ at, event }) => Math.round((Number(event.delay) - at) / 100) * 100);
  }

  it('a batch whose database calls fail more often than its attempts still sends every message once', async () => {
    const { ids, phones } = await relayedOtps(20);
    outageClaims = ATTEMPTS + 4;
    const job = await batchJob(ids, ATTEMPTS);
    await waitFor(async () => (await messagesOf(ids)).every((m) => m.status === 'delivered'), 20_000, 'not all delivered after the database came back');
    expect(outageClaims).toBe(0);
    expect(inboxCounts(phones)).toEqual(Array(20).fill(1));
    // One provider attempt per message; the job itself spent one attempt of its budget.
    expect((await messagesOf(ids)).map((m) => [m.status, m.attempts, m.lastError])).toEqual(Array(20).fill(['delivered', 1, null]));
    const done = (await queue.getJob(job.id!))!;
    expect([await done.getState(), done.attemptsMade]).toEqual(['completed', 1]);
  });

  it('the SMS centre refusing every submit still spends the attempts, with a capped backoff, then fails the messages', async () => {
    const { ids, phones } = await relayedOtps(3);
    sim.setFaults({ failureRate: 1 });
    try {
      const job = await batchJob(ids, 4);
      await waitFor(async () => (await messagesOf(ids)).every((m) => m.status === 'failed'), 20_000, 'not failed after the last attempt');
      const failed = (await queue.getJob(job.id!))!;
      expect([await failed.getState(), failed.attemptsMade]).toEqual(['failed', 4]);
      // The third wait (400 ms uncapped) is held to SMS_BACKOFF_MAX_MS.
      expect(await retryWaits(job.id!)).toEqual([100, 200, 200]);
      expect((await messagesOf(ids)).map((m) => m.attempts)).toEqual(Array(3).fill(4));
      expect(inboxCounts(phones)).toEqual([0, 0, 0]);
    } finally {
      sim.setFaults({ failureRate: 0 });
    }
  });

  it('messages failed while the database is away are marked failed once it answers (not left queued)', async () => {
    const { ids } = await relayedOtps(2);
    sim.setFaults({ failureRate: 1 });
    try {
      outageMarks = 3;
      await batchJob(ids, 1);
      await waitFor(async () => (await messagesOf(ids)).every((m) => m.status === 'failed'), 20_000, 'left queued after the database came back');
      expect(outageMarks).toBe(0);
    } finally {
      sim.setFaults({ failureRate: 0 });
    }
  });
});
