import request from 'supertest';
import type { TestApp } from '@dvc/testing';
import type { SmsSimulator } from '../apps/sms-simulator/src/sms-simulator';
import { printCounts, requestOtps, smsCounts, waitForSms } from './drill-kit';
import { startSmsDrillStack, type SmsDrillStack } from './sms-drill-stack';

const MESSAGES = 400;

/** Drill 3: the SMS centre refuses 30% of submits (ESME_RSYSERR); retries deliver every message exactly once. */
describe('drill: the SMS provider failing 30%', () => {
  let stack: SmsDrillStack | undefined;
  let sim: SmsSimulator;
  let t: TestApp;

  beforeAll(async () => {
    ({ sim, t } = stack = await startSmsDrillStack({ seed: 3, faults: { dlrDelayMs: 10, failureRate: 0.3 } }));
  });
  afterAll(() => stack?.close());

  it('every message is delivered exactly once', async () => {
    const started = Date.now();
    const http = request(t.baseUrl!);
    const phones = await requestOtps(http, MESSAGES);
    const sms = await waitForSms(t.db, sim, phones, MESSAGES, 60_000);
    await new Promise((r) => setTimeout(r, 500));
    const [{ retried, attempts }] = await t.db.query(
      `SELECT count(*) FILTER (WHERE attempts > 1)::int AS retried, sum(attempts)::int AS attempts FROM sms_messages WHERE "to" = ANY($1)`,
      [phones],
    );
    const stats = sim.stats();
    printCounts('sms-provider-failing', {
      accepted: MESSAGES,
      sms: sms.messages,
      submits: stats.submitted,
      refused: stats.failed,
      retried,
      attempts,
      sms_delivered: sms.delivered,
      inbox: sms.inbox,
      duplicates: sms.duplicates,
      total_ms: Date.now() - started,
    });

    expect(stats.failed / stats.submitted).toBeGreaterThan(0.2);
    expect(retried).toBeGreaterThan(0);
    expect(sms).toEqual({ messages: MESSAGES, delivered: MESSAGES, duplicates: 0, missing: 0, inbox: MESSAGES });
    expect(await smsCounts(t.db, sim, phones)).toEqual(sms);
    expect((await http.get('/health/ready')).status).toBe(200);
  });
});
