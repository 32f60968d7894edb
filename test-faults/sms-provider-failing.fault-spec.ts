import type { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { PrivateRedis, startPrivateRedis, startTestApp, startTestWorker, TestApp } from '@dvc/testing';
import { createSmsSimulator, SmsSimulator } from '../apps/sms-simulator/src/sms-simulator';
import { fastSmsEnv, printCounts, requestOtps, smsCounts, waitForSms } from './drill-kit';

const MESSAGES = 400;

/** Drill 3: the SMS centre refuses 30% of submits (ESME_RSYSERR); retries deliver every message exactly once. */
describe('drill: the SMS provider failing 30%', () => {
  let redis: PrivateRedis;
  let sim: SmsSimulator;
  let t: TestApp;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    redis = await startPrivateRedis();
    sim = createSmsSimulator({ smppPort: 0, httpPort: 0, seed: 3, faults: { dlrDelayMs: 10, failureRate: 0.3 } });
    const { smppPort } = await sim.start();
    const env = { ...fastSmsEnv(), REDIS_URL: redis.url, SMS_PROVIDER: 'smpp', SMPP_HOST: '127.0.0.1', SMPP_PORT: String(smppPort) };
    t = await startTestApp(env, { listen: true });
    worker = await startTestWorker(env);
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await sim?.stop();
    await redis?.stop();
  });

  it('every message is delivered exactly once', async () => {
    const started = Date.now();
    const http = request(t.baseUrl!);
    const phones = await requestOtps(http, MESSAGES);
    const sms = await waitForSms(t.db, sim, phones, MESSAGES, 60_000);
    await new Promise((r) => setTimeout(r, 500));
    const [{ retried, attempts }] = await t.db.query(
      `SELECT count(*) FILTER (WHERE attempts > 1)::int AS retried, sum(attempts)::int AS attempts FROM sms_messages WHERE "to" = ANY($1)`, [phones]);
    const stats = sim.stats();
    printCounts('sms-provider-failing', {
      accepted: MESSAGES, sms: sms.messages, submits: stats.submitted, refused: stats.failed, retried, attempts, sms_delivered: sms.delivered, inbox: sms.inbox,
      duplicates: sms.duplicates, total_ms: Date.now() - started,
    });

    expect(stats.failed / stats.submitted).toBeGreaterThan(0.2);
    expect(retried).toBeGreaterThan(0);
    expect(sms).toEqual({ messages: MESSAGES, delivered: MESSAGES, duplicates: 0, missing: 0, inbox: MESSAGES });
    expect(await smsCounts(t.db, sim, phones)).toEqual(sms);
    expect((await http.get('/health/ready')).status).toBe(200);
  });
});
