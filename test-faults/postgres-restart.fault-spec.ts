import request from 'supertest';
import { loadAllConfig } from '@dvc/config';
import { officerToken, PrivatePostgres, startPrivatePostgres, TestApp, testEnv, waitFor } from '@dvc/testing';
import { prepareDatabase } from '../apps/cli/src/prepare-database';
import { seedAll } from '../apps/cli/src/seed';
import type { SmsSimulator } from '../apps/sms-simulator/src/sms-simulator';
import { citizensWithSubmissions, dossierIntegrity, inParallel, printCounts, smsCounts, waitForApi, waitForSms } from './drill-kit';
import { startSmsDrillStack, type SmsDrillStack } from './sms-drill-stack';

const SUBMISSIONS = 300;
const RESTART_AT = 100;

type Answer = { status: number; body: Record<string, unknown>; headers: Record<string, string> };

/**
 * Drill 4: a PostgreSQL cluster of the drill's own is crashed (immediate stop) and started again while citizens
 * submit and the desk accepts. Clients do what a browser or a partner system should: on a 5xx or a broken
 * connection they send the same request again (the submission with the same Idempotency-Key). Afterwards every
 * acknowledged submission is exactly one stored dossier with its events and outbox rows, and the API and the
 * worker serve again without a restart.
 */
describe('drill: PostgreSQL restarted under load', () => {
  let pg: PrivatePostgres;
  let stack: SmsDrillStack | undefined;
  let sim: SmsSimulator;
  let t: TestApp;

  beforeAll(async () => {
    pg = await startPrivatePostgres();
    const env = { ...testEnv(), DATABASE_URL: pg.urlFor('dvc_drill') };
    const db = await prepareDatabase(loadAllConfig(env), () => undefined);
    try {
      await seedAll(db, loadAllConfig(env).data);
    } finally {
      await db.destroy();
    }
    ({ sim, t } = stack = await startSmsDrillStack({ seed: 4, faults: { dlrDelayMs: 10 }, env: { DATABASE_URL: env.DATABASE_URL } }));
  });
  afterAll(async () => {
    await stack?.close();
    await pg?.destroy();
  });

  it('acknowledged requests = stored dossiers, nothing half-written, the API and the worker serve again', async () => {
    const started = Date.now();
    const http = request(t.baseUrl!);
    const citizens = await citizensWithSubmissions(http, t.db, 10);
    const desk = await officerToken(http, 'tn.trangtien');
    const statuses = new Map<string, number>();
    const count = (what: string) => statuses.set(what, (statuses.get(what) ?? 0) + 1);
    let retries = 0;
    /** While PostgreSQL is away the API says so: 503 problem+json with Retry-After, never a bare 500. */
    const unexpected: string[] = [];
    /** Sends until the answer is not a 5xx or a broken connection. */
    const untilAnswered = async (send: () => Promise<Answer>, what: string): Promise<Answer> => {
      const deadline = Date.now() + 60_000;
      for (;;) {
        const res: Answer = await send().catch((error: Error) => ({ status: 0, body: { error: error.message }, headers: {} }));
        count(`${what}:${res.status}`);
        if (
          res.status >= 500 &&
          (res.status !== 503 || res.headers['retry-after'] !== '2' || !String(res.headers['content-type']).startsWith('application/problem+json'))
        ) {
          unexpected.push(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
        }
        if (res.status !== 0 && res.status < 500) return res;
        if (Date.now() > deadline) throw new Error(`${what} never answered: ${res.status} ${JSON.stringify(res.body)}`);
        retries++;
        await new Promise((r) => setTimeout(r, 200));
      }
    };
    let acknowledged = 0;
    let restart: Promise<void> | null = null;
    let downMs = 0;
    const codes = new Set<string>();
    let acceptedByDesk = 0;

    await inParallel(SUBMISSIONS, 12, async (i) => {
      const citizen = citizens[i % citizens.length];
      const key = `drill-pg-${process.pid}-${i}`;
      const created = await untilAnswered(
        () => http.post('/api/v1/dossiers').set('Authorization', `Bearer ${citizen.token}`).set('Idempotency-Key', key).send(citizen.body),
        'submit',
      );
      if (created.status !== 201) throw new Error(`submission ${i}: ${created.status} ${JSON.stringify(created.body)}`);
      acknowledged++;
      codes.add(created.body.code as string);
      if (acknowledged === RESTART_AT) {
        restart = (async () => {
          const down = Date.now();
          await pg.stop();
          await new Promise((r) => setTimeout(r, 1500));
          await pg.start();
          downMs = Date.now() - down;
        })();
      }
      const code = created.body.code as string;
      const accepted = await untilAnswered(
        () => http.post(`/api/v1/dossiers/${code}/accept`).set('Authorization', `Bearer ${desk}`).send({ version: created.body.version }),
        'accept',
      );
      // A 409 after a lost answer means the first attempt went through: the dossier says so.
      if (accepted.status === 409) {
        const now = await untilAnswered(() => http.get(`/api/v1/dossiers/${code}`).set('Authorization', `Bearer ${desk}`), 'reload');
        if (now.body.status !== 'received') throw new Error(`accept of ${code}: 409 but the dossier is ${String(now.body.status)}`);
      } else if (accepted.status !== 200) {
        throw new Error(`accept of ${code}: ${accepted.status} ${JSON.stringify(accepted.body)}`);
      }
      acceptedByDesk++;
    });
    await restart;

    const phones = citizens.map((c) => c.phone);
    const integrity = await dossierIntegrity(t.db, phones);
    const [events] = await t.db.query(
      `SELECT count(*) FILTER (WHERE d.status = 'received')::int AS received,
         count(*) FILTER (WHERE (SELECT count(*) FROM dossier_events e WHERE e.dossier_id = d.id AND e.action = 'accept') <> 1)::int AS not_one_accept,
         count(*) FILTER (WHERE (SELECT count(*) FROM outbox o WHERE o.dossier_code = d.code AND o.kind = 'dossier_received') <> 1)::int AS not_one_sms
       FROM dossiers d WHERE d.applicant_phone = ANY($1)`,
      [phones],
    );
    await waitForApi(http, desk);
    // Batches that failed while PostgreSQL was down come back within 10 s of it answering without spending attempts
    // (messages whose claim committed but whose answer was lost, once the 30 s claim lease lapses); the whole drill
    // took 18 s here, the margin is for a loaded CI machine.
    const sms = await waitForSms(t.db, sim, phones, SUBMISSIONS + citizens.length, 90_000);
    await new Promise((r) => setTimeout(r, 500));
    printCounts('postgres-restart', {
      submitted: SUBMISSIONS,
      accepted: codes.size,
      stored: integrity.stored,
      desk_accepted: acceptedByDesk,
      retries,
      down_ms: downMs,
      answers: JSON.stringify(Object.fromEntries([...statuses].sort())),
      half_written: integrity.withoutEvents + integrity.withoutOutbox + events.not_one_accept + events.not_one_sms,
      sms: sms.messages,
      sms_delivered: sms.delivered,
      inbox: sms.inbox,
      duplicates: sms.duplicates,
      total_ms: Date.now() - started,
    });

    expect(retries).toBeGreaterThan(0);
    expect(unexpected.slice(0, 3)).toEqual([]);
    expect(codes.size).toBe(SUBMISSIONS);
    expect(integrity).toEqual({ stored: codes.size, withoutEvents: 0, withoutOutbox: 0 });
    expect(events).toEqual({ received: SUBMISSIONS, not_one_accept: 0, not_one_sms: 0 });
    expect(sms).toEqual({
      messages: SUBMISSIONS + citizens.length,
      delivered: SUBMISSIONS + citizens.length,
      duplicates: 0,
      missing: 0,
      inbox: SUBMISSIONS + citizens.length,
    });
    expect(await smsCounts(t.db, sim, phones)).toEqual(sms);
    await waitFor(async () => (await http.get('/health/ready')).status === 200, 10_000, 'not ready');
  }, 240_000);
});
