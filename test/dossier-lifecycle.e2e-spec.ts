import { OutboxMessageEntity } from '@dvc/outbox';
import {
  birthRegistrationForm,
  citizenToken,
  DESKS,
  DEMO_PASSWORD_FOR_TESTS,
  landTransferForm,
  socialAllowanceForm,
  startTestApp,
  submissionFor,
  TestApp,
} from '@dvc/testing';

type Http = TestApp['http'];

async function login(http: Http, username: string) {
  const res = await http.post('/api/v1/auth/officers/login').send({ username, password: DEMO_PASSWORD_FOR_TESTS }).expect(200);
  return { token: res.body.accessToken as string, id: res.body.officer.id as string };
}

describe('dossier life cycle', () => {
  let t: TestApp;
  const officers: Record<string, { token: string; id: string }> = {};
  const as = (who: string) => ({ Authorization: `Bearer ${officers[who].token}` });

  async function act(code: string, action: string, who: string | { token: string }, body: Record<string, unknown> = {}, expected = 200) {
    const current = await t.http.get(`/api/v1/dossiers/${code}`).set(typeof who === 'string' ? as(who) : { Authorization: `Bearer ${who.token}` });
    const version = current.body.version;
    const res = await t.http
      .post(`/api/v1/dossiers/${code}/${action}`)
      .set(typeof who === 'string' ? as(who) : { Authorization: `Bearer ${who.token}` })
      .send({ version, ...body });
    if (res.status !== expected)
      throw new Error(`${action} by ${typeof who === 'string' ? who : 'citizen'}: expected ${expected}, got ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  const outbox = (code: string) => t.db.getRepository(OutboxMessageEntity).find({ where: { dossierCode: code }, order: { createdAt: 'ASC' } });

  beforeAll(async () => {
    t = await startTestApp();
    for (const u of ['tn.trangtien', 'cv.trangtien', 'ld.trangtien', 'tn.hoankiem', 'cv.hoankiem', 'ld.hoankiem', 'cv.sotnmt', 'ld.sotnmt'])
      officers[u] = await login(t.http, u);
  });
  afterAll(() => t.close());

  it('birth registration at a commune: submit → accept → assign → propose → approve → return → rate', async () => {
    const citizen = await citizenToken(t.http, t.db);
    const body = await submissionFor(t.http, citizen.token, `0${citizen.phone.slice(2)}`, {
      code: '1.001193',
      agencyCode: DESKS.trangTien,
      form: birthRegistrationForm(`0${citizen.phone.slice(2)}`),
      components: ['TK', 'GCS', 'GTTT'],
    });
    const created = await t.http.post('/api/v1/dossiers').set('Authorization', `Bearer ${citizen.token}`).send(body).expect(201);
    const code = created.body.code as string;
    expect(code).toMatch(/^001\.35\.22\.H26-\d{6}-\d{4,}$/);
    expect(created.body).toMatchObject({
      status: 'new',
      nationalStatus: 1,
      channel: 'online',
      currentAgencyCode: DESKS.trangTien,
      receivedAt: null,
      dueAt: null,
      version: 1,
    });
    // the answer is built from what was written, and says exactly what reading the dossier says
    expect((await t.http.get(`/api/v1/dossiers/${code}`).set('Authorization', `Bearer ${citizen.token}`).expect(200)).body).toEqual(created.body);

    const worklist = await t.http.get('/api/v1/dossiers?status=new&limit=100').set(as('tn.trangtien')).expect(200);
    expect(worklist.body.items.map((d: { code: string }) => d.code)).toContain(code);

    const accepted = await act(code, 'accept', 'tn.trangtien');
    expect(accepted).toMatchObject({ status: 'received', nationalStatus: 2, currentAgencyCode: '002.35.22.H26', ruleSet: 'decree_118_2025' });
    expect(accepted.dueAt).toMatch(/\+07:00$/);
    const sms = (await outbox(code)).filter((o) => o.topic === 'sms');
    expect(sms).toHaveLength(1);
    expect(sms[0]).toMatchObject({ kind: 'dossier_received', payload: { to: citizen.phone, variables: { code } } });
    expect((sms[0].payload.variables as { dueDate: string }).dueDate).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);

    await act(code, 'assign', 'ld.trangtien', { officerId: officers['cv.trangtien'].id });
    // only the assignee may propose
    await act(code, 'propose', 'ld.trangtien', { outcome: 'grant', note: 'Đủ điều kiện' }, 403);
    const proposed = await act(code, 'propose', 'cv.trangtien', { outcome: 'grant', note: 'Hồ sơ hợp lệ, đề nghị cấp Giấy khai sinh' });
    expect(proposed).toMatchObject({ status: 'awaiting_approval', currentAgencyCode: '000.35.22.H26' });
    // the applicant sees that a proposal was made, not the draft outcome or its note
    const seen = await t.http.get(`/api/v1/dossiers/${code}`).set('Authorization', `Bearer ${citizen.token}`).expect(200);
    expect(seen.body.proposal).toBeNull();
    const leaderView = await t.http.get(`/api/v1/dossiers/${code}`).set(as('ld.trangtien')).expect(200);
    expect(leaderView.body.proposal).toMatchObject({ outcome: 'grant' });
    const approved = await act(code, 'approve', 'ld.trangtien');
    expect(approved).toMatchObject({ status: 'resolved', nationalStatus: 9, outcome: 'grant', currentAgencyCode: DESKS.trangTien });
    expect(approved.finishedAt).not.toBeNull();
    const returned = await act(code, 'return-result', 'tn.trangtien', { method: 'desk' });
    expect(returned).toMatchObject({ status: 'result_returned', nationalStatus: 10 });
    expect(['early', 'on_time']).toContain(returned.timeliness);

    await act(code, 'rate', citizen, { rating: 'unsatisfied' }, 422);
    const rated = await act(code, 'rate', citizen, { rating: 'very_satisfied' });
    expect(rated.rating).toMatchObject({ rating: 'very_satisfied' });
    await act(code, 'rate', citizen, { rating: 'satisfied' }, 409);

    const history = await t.http.get(`/api/v1/dossiers/${code}/history`).set('Authorization', `Bearer ${citizen.token}`).expect(200);
    expect(history.body.map((e: { action: string }) => e.action)).toEqual(['submit', 'accept', 'assign', 'propose', 'approve', 'return_result', 'rate']);
    // The applicant is told the officer's title and the authority, never a login name or an id.
    expect(history.body[1]).toMatchObject({
      fromStatus: 'new',
      toStatus: 'received',
      actionName: 'Tiếp nhận hồ sơ',
      actor: { kind: 'officer', id: null, name: 'Công chức Bộ phận Một cửa — Ủy ban nhân dân Phường Tràng Tiền', role: 'receiving_officer' },
    });
    expect(JSON.stringify(history.body)).not.toMatch(/tn\.trangtien|cv\.trangtien|ld\.trangtien|Nguyễn Thị Lan|Trần Văn Minh|Lê Quang Huy/);
    for (const e of history.body as { actor: { kind: string; id: string | null } }[]) if (e.actor.kind !== 'citizen') expect(e.actor.id).toBeNull();
    expect(history.body[3]).toMatchObject({ action: 'propose', note: null, data: null });
    const officerHistory = await t.http.get(`/api/v1/dossiers/${code}/history`).set(as('tn.trangtien')).expect(200);
    expect(officerHistory.body[3]).toMatchObject({ action: 'propose', note: 'Hồ sơ hợp lệ, đề nghị cấp Giấy khai sinh' });

    const portal = (await outbox(code)).filter((o) => o.topic === 'national_portal').map((o) => o.payload.nationalStatus);
    expect(portal).toEqual([1, 2, 4, 4, 9, 10]);

    const tracked = await t.http.get(`/api/v1/tracking/${code}?phone=${citizen.phone.slice(-4)}`).expect(200);
    expect(tracked.body).toMatchObject({ code, status: 'result_returned', nationalStatus: 10, agencyName: 'Bộ phận Một cửa Phường Tràng Tiền' });
    expect(tracked.body.steps.map((s: { action: string }) => s.action)).toEqual(['submit', 'accept', 'assign', 'propose', 'approve', 'return_result', 'rate']);
    expect(tracked.body.steps[1]).toEqual({
      action: 'accept',
      actionName: 'Tiếp nhận hồ sơ',
      agencyName: expect.any(String),
      at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?\+07:00$/),
    });
    expect(tracked.body).toMatchObject({
      procedureName: expect.stringContaining('khai sinh'),
      statusName: expect.any(String),
      timeliness: expect.stringMatching(/^(early|on_time)$/),
    });
    expect(JSON.stringify(tracked.body)).not.toContain(citizen.phone);
    expect(JSON.stringify(tracked.body)).not.toContain('001090012345');
    await t.http.get(`/api/v1/tracking/${code}?phone=0000`).expect(404);
  });

  it('commune → district (liên thông): the district decides, the commune desk returns the result', async () => {
    const citizen = await citizenToken(t.http, t.db);
    const phone = `0${citizen.phone.slice(2)}`;
    const body = await submissionFor(t.http, citizen.token, phone, {
      code: '1.001776',
      agencyCode: DESKS.trangTien,
      form: socialAllowanceForm(phone),
      components: ['TK'],
    });
    const code = (await t.http.post('/api/v1/dossiers').set('Authorization', `Bearer ${citizen.token}`).send(body).expect(201)).body.code;
    await act(code, 'accept', 'tn.trangtien');
    await act(code, 'assign', 'tn.trangtien', { officerId: officers['cv.trangtien'].id });
    await act(code, 'transfer', 'cv.trangtien', { toAgencyCode: '000.35.22.H26', note: 'Đề nghị Chủ tịch UBND phường xác nhận' });
    const atDistrict = await act(code, 'transfer', 'ld.trangtien', { toAgencyCode: '000.07.22.H26', note: 'Chuyển Phòng LĐTBXH quận' });
    expect(atDistrict).toMatchObject({ status: 'received', currentAgencyCode: '000.07.22.H26' });
    // the commune can still read it but no longer act; the district now can
    await t.http.get(`/api/v1/dossiers/${code}`).set(as('tn.trangtien')).expect(200);
    const stale = await t.http.get(`/api/v1/dossiers/${code}`).set(as('tn.trangtien'));
    await t.http
      .post(`/api/v1/dossiers/${code}/assign`)
      .set(as('tn.trangtien'))
      .send({ version: stale.body.version, officerId: officers['cv.trangtien'].id })
      .expect(404);
    const districtList = await t.http.get('/api/v1/dossiers?limit=100').set(as('cv.hoankiem')).expect(200);
    expect(districtList.body.items.map((d: { code: string }) => d.code)).toContain(code);

    await act(code, 'assign', 'ld.hoankiem', { officerId: officers['cv.hoankiem'].id });
    await act(code, 'propose', 'cv.hoankiem', { outcome: 'grant', note: 'Đủ điều kiện hưởng trợ cấp' });
    const sentBack = await act(code, 'send-back', 'ld.hoankiem', { reason: 'Bổ sung mức trợ cấp cụ thể' });
    expect(sentBack).toMatchObject({ status: 'processing', currentAgencyCode: '000.07.22.H26' });
    await act(code, 'propose', 'cv.hoankiem', { outcome: 'grant', note: 'Mức trợ cấp 540.000 đồng/tháng' });
    const approved = await act(code, 'approve', 'ld.hoankiem');
    expect(approved).toMatchObject({ status: 'resolved', currentAgencyCode: DESKS.trangTien });
    // By post: with the item number the post gave (UPU S10: 00000000 → check digit 5).
    await act(code, 'return-result', 'tn.trangtien', { method: 'post', postalItemNumber: 'RR000000005VN' });

    const detail = await t.http.get(`/api/v1/dossiers/${code}`).set(as('tn.trangtien')).expect(200);
    expect(detail.body.controlSlip.map((l: { fromAgencyCode: string; toAgencyCode: string }) => `${l.fromAgencyCode}>${l.toAgencyCode}`)).toEqual([
      '001.35.22.H26>004.35.22.H26',
      '004.35.22.H26>000.35.22.H26',
      '000.35.22.H26>000.07.22.H26',
      '000.07.22.H26>000.00.22.H26',
      '000.00.22.H26>000.07.22.H26',
      '000.07.22.H26>000.00.22.H26',
      '000.00.22.H26>001.35.22.H26',
    ]);
  });

  it('district → city department: received at Quận Hoàn Kiếm, decided by the Department of Natural Resources', async () => {
    const citizen = await citizenToken(t.http, t.db);
    const phone = `0${citizen.phone.slice(2)}`;
    const body = await submissionFor(t.http, officers['tn.hoankiem'].token, phone, {
      code: '1.013831',
      agencyCode: DESKS.hoanKiem,
      form: landTransferForm(phone),
      components: ['DON', 'GCN', 'HD', 'TK_THUE'],
    });
    const created = await t.http.post('/api/v1/desk/dossiers').set(as('tn.hoankiem')).send(body).expect(201);
    expect(created.body).toMatchObject({ status: 'received', channel: 'direct', currentAgencyCode: '000.00.03.H26' });
    expect(created.body.dueAt).not.toBeNull();
    const code = created.body.code;
    // the applicant, signed in by phone, sees the desk-registered dossier as theirs
    await t.http.get(`/api/v1/dossiers/${code}`).set('Authorization', `Bearer ${citizen.token}`).expect(200);
    await act(code, 'assign', 'ld.sotnmt', { officerId: officers['cv.sotnmt'].id });
    await act(code, 'propose', 'cv.sotnmt', { outcome: 'grant', note: 'Đủ điều kiện đăng ký biến động' });
    // The land charge is paid after processing: approval asks for it and the result is held until paid.
    const approved = await act(code, 'approve', 'ld.sotnmt');
    expect(approved).toMatchObject({
      status: 'payment_requested',
      nationalStatus: 6,
      currentAgencyCode: DESKS.hoanKiem,
      feesRequestedVnd: 100_000,
      feesOutstandingVnd: 100_000,
    });
    const paid = await t.http.post(`/api/v1/dossiers/${code}/payments/desk`).set(as('tn.hoankiem')).send({ method: 'cash' }).expect(201);
    expect(paid.body).toMatchObject({ status: 'paid', amount: 100_000, method: 'cash', receipt: expect.stringMatching(/^BL\/\d{2}E \d{7}$/) });
    const afterPayment = await t.http.get(`/api/v1/dossiers/${code}`).set(as('tn.hoankiem')).expect(200);
    expect(afterPayment.body).toMatchObject({
      status: 'resolved',
      feesPaidVnd: 100_000,
      feesOutstandingVnd: 0,
      payments: [expect.objectContaining({ status: 'paid' })],
    });
    await act(code, 'return-result', 'tn.hoankiem', { method: 'desk' });
  });

  async function receivedBirthDossier() {
    const citizen = await citizenToken(t.http, t.db);
    const phone = `0${citizen.phone.slice(2)}`;
    const body = await submissionFor(t.http, citizen.token, phone, {
      code: '1.001193',
      agencyCode: DESKS.trangTien,
      form: birthRegistrationForm(phone),
      components: ['TK', 'GCS', 'GTTT'],
    });
    const code = (await t.http.post('/api/v1/dossiers').set('Authorization', `Bearer ${citizen.token}`).send(body).expect(201)).body.code as string;
    return { citizen, code };
  }

  it('supplementation pauses the clock and the due date moves by the working time waited', async () => {
    const { citizen, code } = await receivedBirthDossier();
    await act(code, 'accept', 'tn.trangtien');
    await act(code, 'assign', 'tn.trangtien', { officerId: officers['cv.trangtien'].id });
    await act(code, 'request-supplement', 'cv.trangtien', { reason: 'Giấy chứng sinh bị mờ', components: ['NOPE'] }, 422);
    const paused = await act(code, 'request-supplement', 'cv.trangtien', { reason: 'Giấy chứng sinh bị mờ', components: ['GCS'] });
    expect(paused).toMatchObject({ status: 'supplement_requested', nationalStatus: 5 });
    expect(paused.pausedAt).not.toBeNull();
    // the applicant took three days: pretend the pause began 72 hours ago
    await t.db.query(`UPDATE dossiers SET paused_at = paused_at - interval '72 hours' WHERE code = $1`, [code]);
    const before = await t.db.query(`SELECT due_at, paused_at FROM dossiers WHERE code = $1`, [code]);
    const { uploadPdf } = await import('@dvc/testing');
    const fileId = await uploadPdf(t.http, citizen.token, 'giay-chung-sinh-ro.pdf');
    const resumed = await act(code, 'supplement', citizen, { components: [{ code: 'GCS', fileIds: [fileId] }] });
    expect(resumed).toMatchObject({ status: 'processing', pausedAt: null });
    const { CalendarService } = await import('@dvc/calendar');
    const calendar = await t.app.get(CalendarService).calendarFor('00079');
    // Resumed at the supplement's own instant (its event), not updated_at: that is the transaction's start, a little earlier.
    const after = await t.db.query(
      `SELECT d.due_at, e.at AS resumed_at FROM dossiers d JOIN dossier_events e ON e.dossier_id = d.id AND e.action = 'supplement' WHERE d.code = $1`,
      [code],
    );
    const waited = calendar.workingMinutesBetween(before[0].paused_at, after[0].resumed_at);
    expect(waited).toBeGreaterThan(0);
    expect(new Date(after[0].due_at).getTime()).toBe(calendar.addWorkingTime(before[0].due_at, waited).getTime());
    expect(resumed.components.find((c: { code: string }) => c.code === 'GCS').fileIds).toContain(fileId);
    const sms = (await outbox(code)).filter((o) => o.kind === 'supplement_requested');
    expect(sms).toHaveLength(1);
  });

  it('refusal needs a reason, ends the dossier and tells the applicant', async () => {
    const { code } = await receivedBirthDossier();
    await act(code, 'refuse', 'tn.trangtien', {}, 422);
    const refused = await act(code, 'refuse', 'tn.trangtien', { reason: 'Thủ tục không thuộc thẩm quyền' });
    expect(refused).toMatchObject({ status: 'refused', nationalStatus: 3 });
    await act(code, 'accept', 'tn.trangtien', {}, 409);
    expect((await outbox(code)).filter((o) => o.kind === 'dossier_refused')).toHaveLength(1);
  });

  it('the applicant may withdraw while it is being processed, not after', async () => {
    const { citizen, code } = await receivedBirthDossier();
    await act(code, 'accept', 'tn.trangtien');
    const withdrawn = await act(code, 'withdraw', citizen, { reason: 'Nộp nhầm' });
    expect(withdrawn).toMatchObject({ status: 'withdrawn', nationalStatus: 7 });
    await act(code, 'withdraw', citizen, {}, 409);
    const worklist = await t.http.get('/api/v1/dossiers?limit=100').set(as('tn.trangtien')).expect(200);
    expect(worklist.body.items.map((d: { code: string }) => d.code)).not.toContain(code);
  });

  it('an extension moves the due date and sends exactly one apology', async () => {
    const { code } = await receivedBirthDossier();
    const accepted = await act(code, 'accept', 'tn.trangtien');
    await act(code, 'extend', 'tn.trangtien', { reason: 'Cần xác minh', newDueAt: '2020-01-01T00:00:00+07:00' }, 422);
    const newDueAt = new Date(new Date(accepted.dueAt).getTime() + 3 * 86_400_000).toISOString();
    const extended = await act(code, 'extend', 'tn.trangtien', { reason: 'Cần xác minh với cơ sở y tế', newDueAt });
    expect(new Date(extended.dueAt).getTime()).toBe(new Date(newDueAt).getTime());
    const apologies = (await outbox(code)).filter((o) => o.kind === 'apology_new_date');
    expect(apologies).toHaveLength(1);
    expect(apologies[0].payload.variables).toMatchObject({ newDueDate: expect.stringMatching(/^\d{2}\/\d{2}\/\d{4}$/), reason: 'Cần xác minh với cơ sở y tế' });
  });

  it('wrong role is 403, wrong status is 409, a stale version is 409', async () => {
    const { citizen, code } = await receivedBirthDossier();
    await act(code, 'accept', 'cv.trangtien', {}, 403);
    await act(code, 'accept', citizen, {}, 403);
    await act(code, 'approve', 'ld.trangtien', {}, 409);
    await t.http.post(`/api/v1/dossiers/${code}/accept`).set(as('tn.trangtien')).send({ version: 99 }).expect(409);
    await t.http.post(`/api/v1/dossiers/${code}/accept`).set(as('tn.trangtien')).send({}).expect(422);
    await t.http.post(`/api/v1/dossiers/${code}/teleport`).set(as('tn.trangtien')).send({ version: 1 }).expect(404);
  });

  it('a stale version is 409 before any status or role rule (api.md), and changes nothing', async () => {
    const { citizen, code } = await receivedBirthDossier();
    const accepted = await act(code, 'accept', 'tn.trangtien');
    const stale = accepted.version as number;
    await t.http.post(`/api/v1/dossiers/${code}/assign`).set(as('tn.trangtien')).send({ version: stale, officerId: officers['cv.trangtien'].id }).expect(200);
    const before = await t.db.query(`SELECT version, status FROM dossiers WHERE code = $1`, [code]);
    // Now in processing, where a receiving officer may not refuse (403) and nobody may accept (409 status): the
    // caller decided on the dossier at `stale`, so the answer is the version conflict.
    const cases: [string, string | { token: string }, Record<string, unknown>][] = [
      ['refuse', 'tn.trangtien', { reason: 'Không đủ điều kiện' }],
      ['approve', 'ld.trangtien', {}],
      ['accept', citizen, {}],
      ['accept', 'cv.trangtien', {}],
    ];
    for (const [action, who, body] of cases) {
      const headers = typeof who === 'string' ? as(who) : { Authorization: `Bearer ${who.token}` };
      const res = await t.http
        .post(`/api/v1/dossiers/${code}/${action}`)
        .set(headers)
        .send({ version: stale, ...body });
      expect({ action, status: res.status, type: res.headers['content-type'] }).toEqual({
        action,
        status: 409,
        type: expect.stringContaining('application/problem+json'),
      });
      expect(res.body.detail).toContain(`you sent ${stale}`);
    }
    expect(await t.db.query(`SELECT version, status FROM dossiers WHERE code = $1`, [code])).toEqual(before);
    // with the current version the rules answer as before
    await act(code, 'refuse', 'tn.trangtien', { reason: 'Không đủ điều kiện' }, 403);
  });

  it("another unit's officers and other citizens get 404 for every read and action", async () => {
    const { code } = await receivedBirthDossier();
    const stranger = await citizenToken(t.http, t.db);
    for (const headers of [as('tn.hoankiem'), as('cv.sotnmt'), { Authorization: `Bearer ${stranger.token}` }]) {
      await t.http.get(`/api/v1/dossiers/${code}`).set(headers).expect(404);
      await t.http.get(`/api/v1/dossiers/${code}/history`).set(headers).expect(404);
      const bodies: Record<string, Record<string, unknown>> = {
        accept: {},
        refuse: { reason: 'Không hợp lệ' },
        withdraw: {},
        assign: { officerId: officers['cv.hoankiem'].id },
        'request-supplement': { reason: 'Thiếu giấy tờ', components: ['TK'] },
        extend: { reason: 'Cần thêm thời gian', newDueAt: '2030-01-01T00:00:00+07:00' },
      };
      for (const [action, body] of Object.entries(bodies)) {
        await t.http
          .post(`/api/v1/dossiers/${code}/${action}`)
          .set(headers)
          .send({ version: 1, ...body })
          .expect(404);
      }
      const list = await t.http.get('/api/v1/dossiers?limit=100').set(headers).expect(200);
      expect(list.body.items.map((d: { code: string }) => d.code)).not.toContain(code);
    }
  });
});

describe('public tracking rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ TRACKING_RATE_LIMIT_PER_MINUTE: '3' });
  });
  afterAll(() => t.close());

  it('the fourth look-up in a minute from one address is a 429 problem', async () => {
    for (let i = 0; i < 3; i++) await t.http.get('/api/v1/tracking/001.35.22.H26-261125-0001?phone=1234').expect(404);
    const res = await t.http.get('/api/v1/tracking/001.35.22.H26-261125-0001?phone=1234').expect(429);
    expect(res.body).toMatchObject({ status: 429 });
  });
});
