import { ReportFactsService } from '@dvc/reporting';
import { birthRegistrationForm, citizenToken, DESKS, officerToken, startTestApp, submissionFor, TestApp } from '@dvc/testing';

/**
 * The statistics facts are kept by triggers in each change's own transaction. Whatever path a change takes (intake,
 * actions, payments, a bulk update), the facts must equal a recount of the rows; an operator can find and repair a
 * difference. Other suites change dossiers at the same time, which the comparison (one snapshot) tolerates.
 */
describe('report facts', () => {
  let t: TestApp;
  let facts: ReportFactsService;
  const tokens: Record<string, string> = {};

  async function act(code: string, action: string, token: string, body: Record<string, unknown> = {}) {
    const { version } = (await t.http.get(`/api/v1/dossiers/${code}`).set('Authorization', `Bearer ${token}`).expect(200)).body;
    return (
      await t.http
        .post(`/api/v1/dossiers/${code}/${action}`)
        .set('Authorization', `Bearer ${token}`)
        .send({ version, ...body })
        .expect(200)
    ).body;
  }

  async function submitted() {
    const citizen = await citizenToken(t.http, t.db);
    const phone = `0${citizen.phone.slice(2)}`;
    const body = await submissionFor(t.http, citizen.token, phone, {
      code: '1.001193',
      agencyCode: DESKS.trangTien,
      form: birthRegistrationForm(phone),
      components: ['TK', 'GCS', 'GTTT'],
    });
    const created = await t.http.post('/api/v1/dossiers').set('Authorization', `Bearer ${citizen.token}`).send(body).expect(201);
    return { code: created.body.code as string, citizen: citizen.token };
  }

  const unitFacts = async (unit: string) =>
    (
      await t.db.query(
        `SELECT COALESCE(sum(received_online), 0)::int AS online, COALESCE(sum(finished_received), 0)::int AS finished, COALESCE(sum(withdrawn), 0)::int AS withdrawn,
       COALESCE(sum(due_total), 0)::int AS due, COALESCE(sum(fees_collected), 0)::int AS fees
     FROM (SELECT received_online, finished_received, withdrawn, due_total, fees_collected FROM report_daily_facts WHERE unit_code = $1
       UNION ALL SELECT received_online, finished_received, withdrawn, due_total, fees_collected FROM report_fact_deltas WHERE unit_code = $1) x`,
        [unit],
      )
    )[0];

  beforeAll(async () => {
    t = await startTestApp();
    facts = t.app.get(ReportFactsService);
    for (const u of ['tn.trangtien', 'cv.trangtien', 'ld.trangtien']) tokens[u] = await officerToken(t.http, u);
  });
  afterAll(() => t.close());

  it('dossiers taken through the API (accept, extend, withdraw, result) leave facts equal to a recount', async () => {
    const before = await unitFacts('00079');
    const a = await submitted();
    await act(a.code, 'accept', tokens['tn.trangtien']);
    const b = await submitted();
    const accepted = await act(b.code, 'accept', tokens['tn.trangtien']);
    await act(b.code, 'extend', tokens['tn.trangtien'], {
      reason: 'Cần xác minh',
      newDueAt: new Date(new Date(accepted.dueAt).getTime() + 2 * 86_400_000).toISOString(),
    });
    await act(b.code, 'withdraw', b.citizen, { reason: 'Nộp nhầm' });
    const after = await unitFacts('00079');
    expect(after.online - before.online).toBe(2);
    expect(after.finished - before.finished).toBe(1);
    expect(after.withdrawn - before.withdrawn).toBe(1);
    expect(after.due - before.due).toBe(2);
    expect(await facts.verify()).toEqual([]);
  });

  it("fees count under the dossier's receiving unit on the day paid, and move with the dossier", async () => {
    const { code } = await submitted();
    const [{ id }] = await t.db.query(`SELECT id FROM dossiers WHERE code = $1`, [code]);
    const before = await unitFacts('00079');
    await t.db.query(
      `INSERT INTO payments (dossier_id, dossier_code, agency_code, method, txn_ref, amount_vnd, status, created_by)
       VALUES ($1, $2, $3, 'desk', $4, 16000, 'awaiting', 'report-facts test')`,
      [id, code, DESKS.trangTien, `FACTS-${code}`],
    );
    expect((await unitFacts('00079')).fees - before.fees).toBe(0);
    await t.db.query(`UPDATE payments SET status = 'paid', paid_at = now() WHERE txn_ref = $1`, [`FACTS-${code}`]);
    expect((await unitFacts('00079')).fees - before.fees).toBe(16000);
    await t.db.query(`UPDATE payments SET status = 'refunded' WHERE txn_ref = $1`, [`FACTS-${code}`]);
    expect((await unitFacts('00079')).fees - before.fees).toBe(16000);
    const [{ other }] = await t.db.query(`SELECT code AS other FROM units WHERE parent_code = '002' AND code <> '00079' ORDER BY code LIMIT 1`);
    const otherBefore = await unitFacts(other);
    await t.db.query(`UPDATE dossiers SET receiving_unit_code = $2 WHERE code = $1`, [code, other]);
    expect((await unitFacts('00079')).fees - before.fees).toBe(0);
    expect((await unitFacts(other)).fees - otherBefore.fees).toBe(16000);
    await t.db.query(`UPDATE dossiers SET receiving_unit_code = '00079' WHERE code = $1`, [code]);
    expect(await facts.verify()).toEqual([]);
  });

  it('a fact that no longer matches the rows is reported, and a rebuild restores it', async () => {
    await facts.compactAll();
    const [{ day }] = await t.db.query(`SELECT day::text AS day FROM report_daily_facts WHERE unit_code = '00079' ORDER BY day DESC LIMIT 1`);
    await t.db.query(`UPDATE report_daily_facts SET received_post = received_post + 3 WHERE unit_code = '00079' AND day = $1`, [day]);
    const mismatches = await facts.verify();
    expect(mismatches).toContainEqual(expect.objectContaining({ unitCode: '00079', day, column: 'received_post' }));
    expect(mismatches).toContainEqual(expect.objectContaining({ unitCode: '00079', column: 'monthly.received_post' }));
    await facts.rebuild();
    expect(await facts.verify()).toEqual([]);
  });
});
