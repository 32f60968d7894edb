import { formatYmd } from '@dvc/core';
import { birthRegistrationForm, DEMO_PASSWORD_FOR_TESTS, DESKS, startTestApp, submissionFor, TestApp, uniquePhone } from '@dvc/testing';
import { changes, snapshot, snapshotQuery } from './sweep/row-counts';

// Valid UPU S10 numbers, check digits by hand (weights 8 6 4 2 3 5 9 7): 12345678 → 204 mod 11 = 6 → 5; 00000000 → 0 → 11 → 5.
const ITEM = 'EE123456785VN';
const RESULT_ITEM = 'RR000000005VN';
/** The shape of the brief's example with the wrong check digit (the right one is 5). */
const WRONG_CHECK_DIGIT = 'EE123456789VN';

describe('postal intake: dossiers that come and results that go by the public postal service', () => {
  let t: TestApp;
  const officers: Record<string, { token: string; id: string }> = {};
  const as = (who: string) => ({ Authorization: `Bearer ${officers[who].token}` });
  let query: string;

  async function act(code: string, action: string, who: string, body: Record<string, unknown> = {}, status = 200) {
    const { version } = (await t.http.get(`/api/v1/dossiers/${code}`).set(as(who)).expect(200)).body;
    const res = await t.http
      .post(`/api/v1/dossiers/${code}/${action}`)
      .set(as(who))
      .send({ version, ...body });
    if (res.status !== status) throw new Error(`${action} by ${who}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }
  async function deskBody(extra: Record<string, unknown>) {
    const local = uniquePhone();
    const phone = `84${local.slice(1)}`;
    const body = await submissionFor(t.http, officers['tn.trangtien'].token, local, {
      code: '1.001193',
      agencyCode: DESKS.trangTien,
      form: birthRegistrationForm(local),
      components: ['TK', 'GCS', 'GTTT'],
    });
    return { body: { ...body, ...extra }, phone };
  }

  beforeAll(async () => {
    t = await startTestApp();
    for (const u of ['tn.trangtien', 'cv.trangtien', 'ld.trangtien']) {
      const res = await t.http.post('/api/v1/auth/officers/login').send({ username: u, password: DEMO_PASSWORD_FOR_TESTS }).expect(200);
      officers[u] = { token: res.body.accessToken, id: res.body.officer.id };
    }
    query = await snapshotQuery(t.db);
  });
  afterAll(() => t?.close());

  it('the desk registers a dossier that came by post: same code scheme, received at once, item number and post-desk day kept and shown', async () => {
    const today = formatYmd(new Date());
    const { body, phone } = await deskBody({ channel: 'post', postalItemNumber: 'ee 123456785 vn', postReceivedOn: today });
    const res = await t.http.post('/api/v1/desk/dossiers').set(as('tn.trangtien')).send(body).expect(201);
    expect(res.body).toMatchObject({
      channel: 'post',
      status: 'received',
      postal: { itemNumber: ITEM, receivedOn: today, resultItemNumber: null },
    });
    const yymmdd = today.slice(2).replace(/-/g, '');
    expect(res.body.code).toMatch(new RegExp(`^001\\.35\\.22\\.H26-${yymmdd}-\\d{4,5}$`));
    const tracked = (await t.http.get(`/api/v1/tracking/${res.body.code}?phone=${phone.slice(-4)}`).expect(200)).body;
    expect(tracked).toMatchObject({ postalItemNumber: ITEM, resultPostalItemNumber: null });
    const [event] = await t.db.query(`SELECT e.data FROM dossier_events e JOIN dossiers d ON d.id = e.dossier_id WHERE d.code = $1`, [res.body.code]);
    expect(event.data).toMatchObject({ channel: 'post', postalItemNumber: ITEM, postReceivedOn: today });
    // Counted as received by post in the processing report (an instant period: counted from the rows).
    const from = encodeURIComponent(`${today}T00:00:01+07:00`);
    const to = encodeURIComponent(new Date(Date.now() + 60_000).toISOString());
    const report = (await t.http.get(`/api/v1/reports/processing?unitCode=00079&from=${from}&to=${to}`).set(as('ld.trangtien')).expect(200)).body;
    const total = (report.rows ?? report).find((r: { unitCode: string }) => r.unitCode === '00079' || r.unitCode === 'total');
    expect(total.received.post).toBeGreaterThanOrEqual(1);
  });

  it.each([
    ['a wrong check digit', { channel: 'post', postalItemNumber: WRONG_CHECK_DIGIT, postReceivedOn: '2026-01-05' }, ['postalItemNumber']],
    ['not an S10 number', { channel: 'post', postalItemNumber: 'VN12345', postReceivedOn: '2026-01-05' }, ['postalItemNumber']],
    ['no item number nor day', { channel: 'post' }, ['postalItemNumber', 'postReceivedOn']],
    ['a post-desk day in the future', { channel: 'post', postalItemNumber: ITEM, postReceivedOn: '2999-01-01' }, ['postReceivedOn']],
    ['an item number on a dossier handed in', { channel: 'direct', postalItemNumber: ITEM }, ['postalItemNumber']],
    ['an unknown channel', { channel: 'online' }, ['channel']],
  ])('%s is a 422 naming the field, and nothing is written', async (_label, extra, fields) => {
    const { body } = await deskBody(extra);
    const before = await snapshot(t.db, query);
    const res = await t.http.post('/api/v1/desk/dossiers').set(as('tn.trangtien')).send(body).expect(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([...fields].sort());
    expect(changes(before, await snapshot(t.db, query))).toEqual([]);
  });

  it('a result returned by post records its item number (checked), shown in the dossier and in tracking', async () => {
    const { body, phone } = await deskBody({});
    const code = (await t.http.post('/api/v1/desk/dossiers').set(as('tn.trangtien')).send(body).expect(201)).body.code as string;
    await act(code, 'assign', 'ld.trangtien', { officerId: officers['cv.trangtien'].id });
    await act(code, 'propose', 'cv.trangtien', { outcome: 'grant', note: 'Hợp lệ' });
    await act(code, 'approve', 'ld.trangtien');

    const before = await snapshot(t.db, query);
    for (const bad of [{ method: 'post' }, { method: 'post', postalItemNumber: WRONG_CHECK_DIGIT }, { method: 'desk', postalItemNumber: RESULT_ITEM }]) {
      const refused = await act(code, 'return-result', 'tn.trangtien', bad, 422);
      expect(refused.errors.map((e: { field: string }) => e.field)).toEqual(['postalItemNumber']);
    }
    expect(changes(before, await snapshot(t.db, query))).toEqual([]);

    const returned = await act(code, 'return-result', 'tn.trangtien', { method: 'post', postalItemNumber: RESULT_ITEM });
    expect(returned).toMatchObject({
      status: 'result_returned',
      channel: 'direct',
      postal: { itemNumber: null, receivedOn: null, resultItemNumber: RESULT_ITEM },
    });
    const tracked = (await t.http.get(`/api/v1/tracking/${code}?phone=${phone.slice(-4)}`).expect(200)).body;
    expect(tracked).toMatchObject({ postalItemNumber: null, resultPostalItemNumber: RESULT_ITEM });
    const history = (await t.http.get(`/api/v1/dossiers/${code}/history`).set(as('tn.trangtien')).expect(200)).body;
    expect(history.at(-1)).toMatchObject({ action: 'return_result', data: { method: 'post', postalItemNumber: RESULT_ITEM } });
  });
});
