import { Queue } from 'bullmq';
import request from 'supertest';
import { DEADLINES_QUEUE, PAYMENTS_QUEUE, REORGANIZATIONS_QUEUE, REPORT_FACTS_QUEUE } from '@dvc/outbox';
import { officerToken, PrivateRedis, TestApp, waitFor } from '@dvc/testing';
import type { SmsSimulator } from '../apps/sms-simulator/src/sms-simulator';
import { citizensWithSubmissions, dossierIntegrity, inParallel, printCounts, smsCounts, waitForApi, waitForSms } from './drill-kit';
import { startSmsDrillStack, type SmsDrillStack } from './sms-drill-stack';

const SUBMISSIONS = 1000;
const SLOW_AT = 150;
const STOP_AT = 300;
const START_AT = 700;

/**
 * Drill 1: Redis is stopped while citizens submit 1,000 dossiers and the desk accepts them (each acceptance writes
 * the "received" SMS), and started again part-way. Submissions need only PostgreSQL; the SMS wait in the outbox.
 */
describe('drill: Redis stopped during 1,000 submissions', () => {
  let stack: SmsDrillStack | undefined;
  let redis: PrivateRedis;
  let sim: SmsSimulator;
  let t: TestApp;

  beforeAll(async () => {
    ({ redis, sim, t } = stack = await startSmsDrillStack({ seed: 1, faults: { dlrDelayMs: 10 }, env: { SMS_CONCURRENCY: '2' } }));
  });
  afterAll(() => stack?.close());

  it('every accepted submission is stored, every SMS leaves exactly once after Redis returns, the API answers again', async () => {
    const started = Date.now();
    const http = request(t.baseUrl!);
    const citizens = await citizensWithSubmissions(http, t.db, 20);
    const desk = await officerToken(http, 'tn.trangtien');
    const statuses = new Map<number, number>();
    const count = (status: number) => statuses.set(status, (statuses.get(status) ?? 0) + 1);
    let accepted = 0;
    let readyWhileDown: number | null = null;
    let queuedAtStop = 0;
    let stoppedAt = 0;
    let restartedAt = 0;
    const phones = citizens.map((c) => c.phone);
    let outage: Promise<void> | null = null;

    await inParallel(SUBMISSIONS, 16, async (i) => {
      const citizen = citizens[i % citizens.length];
      const created = await http.post('/api/v1/dossiers').set('Authorization', `Bearer ${citizen.token}`).send(citizen.body);
      count(created.status);
      if (created.status !== 201) return;
      accepted++;
      // A slow SMS centre first, so that Redis holds a backlog of jobs when it goes down.
      if (accepted === SLOW_AT) sim.setFaults({ latencyMs: 3000 });
      if (accepted === STOP_AT) {
        outage = (async () => {
          // Redis must hold jobs when it goes: SMS relayed (their message rows exist) and not yet taken by the worker.
          const queued = async () =>
            (await t.db.query(`SELECT count(*)::int AS n FROM sms_messages WHERE status = 'queued' AND "to" = ANY($1)`, [phones]))[0].n as number;
          await waitFor(async () => (await queued()) >= 50, 20_000, 'no backlog of SMS jobs in Redis');
          await redis.stop();
          stoppedAt = Date.now();
          queuedAtStop = await queued();
          readyWhileDown = (await http.get('/health/ready')).status;
        })();
      }
      if (accepted === START_AT) {
        await outage;
        await redis.start();
        restartedAt = Date.now();
        sim.setFaults({ latencyMs: 0 });
      }
      const acceptance = await http
        .post(`/api/v1/dossiers/${created.body.code}/accept`)
        .set('Authorization', `Bearer ${desk}`)
        .send({ version: created.body.version });
      count(acceptance.status);
    });

    const submittedIn = Date.now() - started;
    const integrity = await dossierIntegrity(t.db, phones);
    const sms = await waitForSms(t.db, sim, phones, SUBMISSIONS + citizens.length, 40_000);
    await waitForApi(http, desk);
    // The worker answers again too: every scheduled queue has its schedules back (payments reconciliation and daily
    // check, the deadline sweep, report-fact folding and the nightly check, due reorganisations).
    const schedulersOf = async (name: string) => {
      const queue = new Queue(name, { connection: { url: redis.url }, prefix: process.env.REDIS_PREFIX });
      return queue.getJobSchedulersCount().finally(() => queue.close());
    };
    const schedulers = {
      payments: await schedulersOf(PAYMENTS_QUEUE),
      deadlines: await schedulersOf(DEADLINES_QUEUE),
      reportFacts: await schedulersOf(REPORT_FACTS_QUEUE),
      reorganizations: await schedulersOf(REORGANIZATIONS_QUEUE),
    };
    printCounts('redis-outage', {
      submitted: SUBMISSIONS,
      accepted,
      stored: integrity.stored,
      answers: JSON.stringify(Object.fromEntries(statuses)),
      ready_while_down: String(readyWhileDown),
      queued_at_stop: queuedAtStop,
      schedulers: JSON.stringify(schedulers),
      sms: sms.messages,
      sms_delivered: sms.delivered,
      inbox: sms.inbox,
      duplicates: sms.duplicates,
      stopped_after_ms: stoppedAt - started,
      outage_ms: restartedAt - stoppedAt,
      submitted_ms: submittedIn,
      total_ms: Date.now() - started,
    });

    expect(readyWhileDown).toBe(503);
    expect(queuedAtStop).toBeGreaterThan(0);
    expect(schedulers.payments).toBe(2);
    expect(schedulers).toEqual({ payments: 2, deadlines: 1, reportFacts: 2, reorganizations: 1 });
    expect(Object.fromEntries(statuses)).toEqual({ 201: SUBMISSIONS, 200: SUBMISSIONS });
    expect(integrity).toEqual({ stored: accepted, withoutEvents: 0, withoutOutbox: 0 });
    expect(sms).toEqual({
      messages: SUBMISSIONS + citizens.length,
      delivered: SUBMISSIONS + citizens.length,
      duplicates: 0,
      missing: 0,
      inbox: SUBMISSIONS + citizens.length,
    });
    // Nothing more arrives later (a late retry would be a second copy).
    await new Promise((r) => setTimeout(r, 500));
    expect(await smsCounts(t.db, sim, phones)).toEqual(sms);
  });
});
