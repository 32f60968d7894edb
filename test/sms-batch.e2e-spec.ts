import type { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { RedisConfig } from '@dvc/config';
import { SMS_QUEUE, type RelayedRow } from '@dvc/outbox';
import { SmsDispatchService, SmsMessageEntity, SmsRateLimiter } from '@dvc/sms';
import { PrivateRedis, startPrivateRedis, startTestWorker, waitFor } from '@dvc/testing';
import { createSmsSimulator, SmsSimulator } from '../apps/sms-simulator/src/sms-simulator';

jest.setTimeout(60_000);

/**
 * A job carries a relay batch of SMS: the message rows, not the job, keep each SMS single. These drive the
 * dispatcher with jobs and rows the relay would never make on its own (overlaps, dead claims, held rows).
 */
describe('SMS sent in batches', () => {
  let redis: PrivateRedis;
  let sim: SmsSimulator;
  let worker: INestApplicationContext;
  let db: DataSource;
  let dispatcher: SmsDispatchService;

  beforeAll(async () => {
    redis = await startPrivateRedis();
    sim = createSmsSimulator({ smppPort: 0, httpPort: 0, seed: 7, faults: { dlrDelayMs: 0 } });
    const { smppPort } = await sim.start();
    worker = await startTestWorker({
      REDIS_URL: redis.url,
      SMS_PROVIDER: 'smpp',
      SMPP_HOST: '127.0.0.1',
      SMPP_PORT: String(smppPort),
      SMPP_SYSTEM_ID: 'dvc',
      SMPP_PASSWORD: 'dvcpass',
      OUTBOX_POLL_MS: '50',
      SMS_BACKOFF_MS: '50',
      SMS_MAX_ATTEMPTS: '10',
      SMS_RATE_PER_SECOND: '1000',
      SMS_QUIET_HOURS: '00:00-00:01',
    });
    db = worker.get(DataSource);
    dispatcher = worker.get(SmsDispatchService);
  });
  afterAll(async () => {
    await worker?.close();
    await sim?.stop();
    await redis?.stop();
  });

  /** Outbox rows the relay leaves alone (already dispatched): the test decides which jobs name them. */
  async function otpRows(n: number): Promise<{ ids: string[]; phones: string[] }> {
    const base = Math.floor(Math.random() * 9_000_000);
    const phones = Array.from({ length: n }, (_, i) => `098${String(base + i).padStart(7, '0')}`);
    const rows: { id: string }[] = await db.query(
      `INSERT INTO outbox (topic, kind, priority, payload, dispatched_at)
       SELECT 'sms', 'otp', 1, jsonb_build_object('to', p, 'template', 'otp', 'variables', jsonb_build_object('code', '246810', 'ttlMinutes', 5)), now()
       FROM unnest($1::text[]) WITH ORDINALITY AS t(p, i) ORDER BY i RETURNING id`,
      [phones],
    );
    return { ids: rows.map((r) => r.id), phones };
  }
  /** The messages of these rows, in the rows' order. */
  async function messagesOf(ids: string[]): Promise<SmsMessageEntity[]> {
    const found = await db.getRepository(SmsMessageEntity).createQueryBuilder('m').where('m.outbox_id IN (:...ids)', { ids }).getMany();
    return ids.flatMap((id) => found.filter((m) => m.outboxId === id));
  }
  const inboxCounts = (phones: string[]) => phones.map((to) => sim.inbox.list({ to: `84${to.slice(1)}` }).length);
  async function messagesWithoutSending(ids: string[]): Promise<void> {
    const rows: RelayedRow[] = await db.query(`SELECT id, topic, kind, priority, dossier_code, payload FROM outbox WHERE id = ANY($1)`, [ids]);
    await dispatcher.prepareBatch(db.manager, rows);
  }

  it('two jobs naming the same rows at once send each SMS once', async () => {
    const { ids, phones } = await otpRows(30);
    const connection = new Redis(redis.url, { maxRetriesPerRequest: null });
    const queue = new Queue(SMS_QUEUE, { connection, prefix: worker.get(RedisConfig).prefix });
    await queue.addBulk([
      { name: 'batch', data: { outboxIds: ids.slice(0, 20) }, opts: { jobId: `batch-a-${ids[0]}`, attempts: 5, backoff: { type: 'exponential', delay: 50 } } },
      { name: 'batch', data: { outboxIds: ids.slice(10) }, opts: { jobId: `batch-b-${ids[10]}`, attempts: 5, backoff: { type: 'exponential', delay: 50 } } },
      { name: 'otp', data: { outboxId: ids[15] }, opts: { jobId: ids[15], attempts: 5, backoff: { type: 'exponential', delay: 50 } } },
    ]);
    await waitFor(async () => (await messagesOf(ids)).filter((m) => m.status === 'delivered').length === 30, 20_000, 'not all delivered');
    expect(inboxCounts(phones)).toEqual(Array(30).fill(1));
    expect((await messagesOf(ids)).map((m) => m.attempts)).toEqual(Array(30).fill(1));
    await queue.close();
    connection.disconnect();
  });

  it('a claim left by a run that died is taken over after its lease; a live claim is left to its run', async () => {
    const { ids, phones } = await otpRows(2);
    await messagesWithoutSending(ids);
    await db.query(`UPDATE sms_messages SET status = 'sending', updated_at = now() - interval '31 seconds' WHERE outbox_id = $1`, [ids[0]]);
    await db.query(`UPDATE sms_messages SET status = 'sending', updated_at = now() WHERE outbox_id = $1`, [ids[1]]);
    const outcome = await dispatcher.dispatchBatch(ids);
    expect(outcome).toMatchObject({ sent: 1, retry: 0, throttled: false, heldUntil: null });
    expect(outcome.busyUntil!.getTime()).toBeGreaterThan(Date.now() + 25_000);
    await waitFor(async () => inboxCounts(phones)[0] === 1, 5000, 'not in the inbox');
    expect(inboxCounts(phones)).toEqual([1, 0]);
    const [taken, live] = await messagesOf(ids);
    expect(taken).toMatchObject({ attempts: 1, provider: 'smpp' });
    expect(live).toMatchObject({ status: 'sending', attempts: 0 });
  });

  it('a message held by quiet hours is not sent; the run says when it is due', async () => {
    const { ids, phones } = await otpRows(2);
    await messagesWithoutSending(ids);
    const due = new Date(Date.now() + 3600_000);
    await db.query(`UPDATE sms_messages SET not_before = $2 WHERE outbox_id = $1`, [ids[1], due]);
    const outcome = await dispatcher.dispatchBatch(ids);
    expect(outcome).toMatchObject({ sent: 1, retry: 0 });
    expect(outcome.heldUntil?.getTime()).toBe(due.getTime());
    await waitFor(async () => inboxCounts(phones)[0] === 1, 5000, 'not in the inbox');
    expect(inboxCounts(phones)).toEqual([1, 0]);
    expect((await messagesOf([ids[1]]))[0]).toMatchObject({ status: 'queued', attempts: 0 });
  });

  it('when the SMS centre refuses a whole batch, every message waits for the next attempt; the last attempt fails what is left', async () => {
    const { ids, phones } = await otpRows(2);
    await messagesWithoutSending(ids);
    sim.setFaults({ failureRate: 1 });
    const failing = await dispatcher.dispatchBatch(ids);
    sim.setFaults({ failureRate: 0 });
    expect(failing).toMatchObject({ sent: 0, retry: 2, firstError: expect.stringContaining('submit_sm failed') });
    expect((await messagesOf(ids)).map((m) => [m.status, m.attempts])).toEqual([
      ['queued', 1],
      ['queued', 1],
    ]);
    await dispatcher.markFailed(ids, 'attempts exhausted');
    expect((await messagesOf(ids)).map((m) => m.status)).toEqual(['failed', 'failed']);
    expect(inboxCounts(phones)).toEqual([0, 0]);
  });

  it('the rate limit counts messages, shared by every limiter on the same key', async () => {
    const key = `dvc-test:sms-rate:${Date.now()}`;
    const [a, b] = [new SmsRateLimiter(new Redis(redis.url), key, 10), new SmsRateLimiter(new Redis(redis.url), key, 10)];
    const started = Date.now();
    const grants: number[] = [];
    let total = 0;
    for (let i = 0; total < 25; i++) {
      const granted = await (i % 2 === 0 ? a : b).take(25 - total);
      grants.push(granted);
      total += granted;
    }
    expect(grants).toEqual([10, 10, 5]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
    for (const limiter of [a, b]) (limiter as unknown as { redis: Redis }).redis.disconnect();
  });
});
