import request from 'supertest';
import { OfficerEntity } from '@dvc/identity';
import { officerToken, startTestApp, TestApp } from '@dvc/testing';
import { citizensWithSubmissions, dossierIntegrity, inParallel, printCounts } from './drill-kit';

const DOSSIERS = 100;

/**
 * Drill 6: two receiving officers of one desk accept the same 100 new dossiers at the same moment, each with the
 * version they loaded. Exactly one wins per dossier; the other gets 409 problem+json; one event and one SMS per
 * change; the winner's change is the one stored.
 */
describe('drill: two officers racing on 100 dossiers', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ SMS_PROVIDER: 'log' }, { listen: true });
    // A second receiving officer at Phường Tràng Tiền's desk (same agency, same password as the demo one).
    const officers = t.db.getRepository(OfficerEntity);
    const first = await officers.findOneByOrFail({ username: 'tn.trangtien' });
    await officers.upsert(
      {
        username: 'tn2.trangtien',
        fullName: 'Phạm Văn Hùng',
        roles: first.roles,
        agencyCode: first.agencyCode,
        passwordHash: first.passwordHash,
        active: true,
      },
      ['username'],
    );
  });
  afterAll(async () => {
    await t?.close();
  });

  it('exactly one wins per dossier, the other gets 409, one event per change, no lost update', async () => {
    const started = Date.now();
    const http = request(t.baseUrl!);
    const citizens = await citizensWithSubmissions(http, t.db, 5);
    const created = await inParallel(DOSSIERS, 10, async (i) => {
      const c = citizens[i % citizens.length];
      return (await http.post('/api/v1/dossiers').set('Authorization', `Bearer ${c.token}`).send(c.body).expect(201)).body as { code: string; version: number };
    });
    const officers = { a: await officerToken(http, 'tn.trangtien'), b: await officerToken(http, 'tn2.trangtien') };

    const races = await inParallel(DOSSIERS, 10, async (i) => {
      const { code, version } = created[i];
      const [a, b] = await Promise.all(
        (['a', 'b'] as const).map((who) =>
          http
            .post(`/api/v1/dossiers/${code}/accept`)
            .set('Authorization', `Bearer ${officers[who]}`)
            .send({ version, note: `tiếp nhận bởi ${who}` }),
        ),
      );
      return { code, a, b };
    });

    const outcomes = races.map(({ a, b }) => [a.status, b.status].sort().join('/'));
    const losers = races.flatMap(({ a, b }) => [a, b].filter((r) => r.status === 409));
    const problemJson = losers.filter((r) => String(r.headers['content-type']).startsWith('application/problem+json') && r.body.status === 409).length;
    const codes = races.map((r) => r.code);
    const [stored] = await t.db.query(
      `SELECT count(*)::int AS dossiers, count(*) FILTER (WHERE d.version = $2 AND d.status = 'received')::int AS changed_once,
         (SELECT count(*)::int FROM dossier_events e JOIN dossiers x ON x.id = e.dossier_id WHERE x.code = ANY($1) AND e.action = 'accept') AS accept_events,
         (SELECT count(*)::int FROM outbox o WHERE o.dossier_code = ANY($1) AND o.kind = 'dossier_received') AS received_sms
       FROM dossiers d WHERE d.code = ANY($1)`,
      [codes, created[0].version + 1],
    );
    // No lost update: what each dossier holds is what its winner was told, and the event names the winner.
    let lost = 0;
    const ids = new Map<string, string>(
      (await t.db.query(`SELECT username, id FROM officers WHERE username IN ('tn.trangtien', 'tn2.trangtien')`)).map((o: { username: string; id: string }) => [
        o.username,
        o.id,
      ]),
    );
    for (const { code, a, b } of races) {
      const winner =
        a.status === 200 ? { res: a, id: ids.get('tn.trangtien'), note: 'tiếp nhận bởi a' } : { res: b, id: ids.get('tn2.trangtien'), note: 'tiếp nhận bởi b' };
      const [row] = await t.db.query(
        `SELECT d.version, d.due_at, e.actor_id, e.note FROM dossiers d JOIN dossier_events e ON e.dossier_id = d.id AND e.action = 'accept' WHERE d.code = $1`,
        [code],
      );
      if (
        row.version !== winner.res.body.version ||
        new Date(row.due_at).toISOString() !== new Date(winner.res.body.dueAt).toISOString() ||
        row.actor_id !== winner.id ||
        row.note !== winner.note
      )
        lost++;
    }
    const integrity = await dossierIntegrity(
      t.db,
      citizens.map((c) => c.phone),
    );
    printCounts('officers-racing', {
      dossiers: DOSSIERS,
      won: outcomes.filter((o) => o === '200/409').length,
      conflicts_problem_json: problemJson,
      changed_once: stored.changed_once,
      accept_events: stored.accept_events,
      received_sms: stored.received_sms,
      lost_updates: lost,
      total_ms: Date.now() - started,
    });

    expect(outcomes).toEqual(Array(DOSSIERS).fill('200/409'));
    expect(problemJson).toBe(DOSSIERS);
    expect(stored).toEqual({ dossiers: DOSSIERS, changed_once: DOSSIERS, accept_events: DOSSIERS, received_sms: DOSSIERS });
    expect(lost).toBe(0);
    expect(integrity).toEqual({ stored: integrity.stored, withoutEvents: 0, withoutOutbox: 0 });
    expect((await http.get('/health/ready')).status).toBe(200);
  });
});
