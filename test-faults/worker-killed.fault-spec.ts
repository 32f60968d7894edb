import request from 'supertest';
import { startWorkerProcess, TestApp, waitFor, WorkerProcess } from '@dvc/testing';
import type { SmsSimulator } from '../apps/sms-simulator/src/sms-simulator';
import { printCounts, requestOtps, smsCounts, waitForSms } from './drill-kit';
import { startSmsDrillStack, type SmsDrillStack } from './sms-drill-stack';

const MESSAGES = 400;
/** Over the HTTP brandname API a message stays "sent" (the API has no delivery receipts). */
const DONE = ['sent', 'delivered'];

/**
 * Drill 2: the worker, a process of its own, is killed (SIGKILL) while it relays and sends a batch of SMS through
 * a slow SMS centre; a new one is started. The HTTP brandname API is idempotent by our message id (requestId), so
 * a message the dead worker handed over but never recorded is recognised when the new one sends it again. (Over
 * SMPP, which has no such key, such a message would go out twice: SMPP gives at-least-once, not exactly-once.)
 */
describe('drill: the worker killed mid-batch', () => {
  let stack: SmsDrillStack | undefined;
  let sim: SmsSimulator;
  let t: TestApp;
  let env: Record<string, string>;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    ({ sim, t, env } = stack = await startSmsDrillStack({ seed: 2, provider: 'http', worker: false }));
  });
  afterAll(async () => {
    for (const w of workers) await w.kill();
    await stack?.close();
  });

  it('nothing is lost and nothing doubled, counted at the SMS centre and in sms_messages', async () => {
    const started = Date.now();
    const http = request(t.baseUrl!);
    sim.setFaults({ latencyMs: 300 });
    const first = startWorkerProcess(env);
    workers.push(first);
    await first.ready;
    const phones = await requestOtps(http, MESSAGES);
    await waitFor(async () => (await smsCounts(t.db, sim, phones, DONE)).inbox >= 40, 30_000, 'nothing sent before the kill');
    await first.kill();
    const atKill = await smsCounts(t.db, sim, phones, DONE);
    const [{ n: inFlight }] = await t.db.query(`SELECT count(*)::int AS n FROM sms_messages WHERE "to" = ANY($1) AND status = 'sending'`, [phones]);
    const killedAt = Date.now();

    sim.setFaults({ latencyMs: 0 });
    const second = startWorkerProcess(env);
    workers.push(second);
    await second.ready;
    // Recovery waits for BullMQ to find the dead run's batch stalled (lock 30 s + check every 15 s) and for its claims
    // to lapse (30 s); on a loaded CI machine that has taken over 90 s.
    const sms = await waitForSms(t.db, sim, phones, MESSAGES, 150_000, DONE);
    await new Promise((r) => setTimeout(r, 500));
    const settled = await smsCounts(t.db, sim, phones, DONE);
    await waitFor(async () => (await http.get('/health/ready')).status === 200, 10_000, 'the API is not ready');
    printCounts('worker-killed', {
      accepted: MESSAGES,
      sms: sms.messages,
      inbox_at_kill: atKill.inbox,
      claimed_at_kill: inFlight,
      sms_delivered: sms.delivered,
      inbox: sms.inbox,
      duplicates: sms.duplicates,
      resent_recognised: sim.stats().duplicatesByRequestId,
      recovered_ms: Date.now() - killedAt,
      total_ms: Date.now() - started,
    });

    expect(atKill.inbox).toBeLessThan(MESSAGES);
    expect(sms).toEqual({ messages: MESSAGES, delivered: MESSAGES, duplicates: 0, missing: 0, inbox: MESSAGES });
    expect(settled).toEqual(sms);
  }, 210_000);
});
