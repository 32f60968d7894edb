import { CalendarService } from '@dvc/calendar';
import { buildSyncPayload, formatCompact } from '@dvc/core';
import { DossierQueriesService, sweepDeadlines } from '@dvc/dossiers';
import { actAs, DEMO_PASSWORD_FOR_TESTS, startTestApp, submittedBirthRegistration, TestApp } from '@dvc/testing';

/**
 * The legal clock through the API (issue: the legal clock and the statistics must tell the truth): a dossier waiting
 * for the applicant is never overdue or nearly due anywhere; an extension is issued before the due time and keeps the
 * first appointment as the reference; supplementation is asked once, a second request needs a reason and counts late.
 */
describe('legal clock', () => {
  let t: TestApp;
  const officers: Record<string, { token: string; id: string }> = {};
  const as = (who: string) => ({ Authorization: `Bearer ${officers[who].token}` });
  const HOUR = 3_600_000;

  const act = (code: string, action: string, who: string, body: Record<string, unknown> = {}, expected = 200) =>
    actAs(t.http, officers[who].token, code, action, body, expected);
  const view = async (code: string) => (await t.http.get(`/api/v1/dossiers/${code}`).set(as('tn.trangtien')).expect(200)).body;
  const worklistHas = async (code: string, query: string) =>
    (
      (
        await t.http
          .get(`/api/v1/dossiers?${query}&limit=100&q=${encodeURIComponent(code)}`)
          .set(as('tn.trangtien'))
          .expect(200)
      ).body.items as { code: string }[]
    ).some((d) => d.code === code);
  const sweep = async () => sweepDeadlines(t.db, await t.app.get(CalendarService).calendarFor(null), 480);

  /**
   * A birth registration received at Phường Tràng Tiền, received 20 days ago and due within `dueInHours`. The due time
   * only ever moves earlier: other suites page through this worklist meanwhile, and a later one would show twice.
   */
  async function receivedDossier(dueInHours: number): Promise<{ code: string; phone: string }> {
    const { code, phone } = await submittedBirthRegistration(t.http, t.db);
    await act(code, 'accept', 'tn.trangtien');
    await t.db.query(`UPDATE dossiers SET received_at = now() - interval '20 days', due_at = LEAST(due_at, now() + $2 * interval '1 hour') WHERE code = $1`, [
      code,
      dueInHours,
    ]);
    return { code, phone };
  }

  beforeAll(async () => {
    t = await startTestApp({ TRACKING_CACHE_SECONDS: '0' });
    for (const u of ['tn.trangtien', 'cv.trangtien', 'ld.trangtien']) {
      const res = await t.http.post('/api/v1/auth/officers/login').send({ username: u, password: DEMO_PASSWORD_FOR_TESTS }).expect(200);
      officers[u] = { token: res.body.accessToken, id: res.body.officer.id };
    }
  });
  afterAll(() => t.close());

  it('a dossier waiting for a supplement is never overdue or nearly due: view, tracking, worklist filter, sweep', async () => {
    const { code, phone } = await receivedDossier(-24);
    await sweep();
    expect(await view(code)).toMatchObject({ timeliness: 'overdue', deadlineFlag: 'overdue', paused: false, pausedSince: null });
    expect(await worklistHas(code, 'overdue=true')).toBe(true);

    await act(code, 'request-supplement', 'tn.trangtien', { reason: 'Thiếu giấy chứng sinh bản chính', components: ['GCS'] });
    await sweep();
    const waiting = await view(code);
    expect(waiting).toMatchObject({ status: 'supplement_requested', timeliness: 'paused', deadlineFlag: null, paused: true, supplementRequests: 1 });
    expect(waiting.pausedSince).toMatch(/\+07:00$/);
    expect(await worklistHas(code, 'overdue=true')).toBe(false);
    expect(await worklistHas(code, 'overdue=false')).toBe(true);
    expect(await worklistHas(code, 'flag=overdue')).toBe(false);
    const tracked = await t.http
      .get(`/api/v1/tracking/${code}`)
      .query({ phone: phone.slice(-4) })
      .expect(200);
    expect(tracked.body).toMatchObject({ timeliness: 'paused', paused: true });
    // The wait is kept with its span, for the statistics of a period that ends while it lasts.
    const pauses = await t.db.query(`SELECT p.status, p.ended_at FROM dossier_pauses p JOIN dossiers d ON d.id = p.dossier_id WHERE d.code = $1`, [code]);
    expect(pauses).toEqual([{ status: 'supplement_requested', ended_at: null }]);
  });

  it('a dossier withdrawn while it waits ends its wait (the span in dossier_pauses closes)', async () => {
    const { code } = await receivedDossier(24);
    await act(code, 'request-supplement', 'tn.trangtien', { reason: 'Thiếu giấy chứng sinh', components: ['GCS'] });
    await act(code, 'stop', 'ld.trangtien', { reason: 'Người yêu cầu không bổ sung trong thời hạn' });
    const [row] = await t.db.query(
      `SELECT d.status, d.paused_at, count(p.*) FILTER (WHERE p.ended_at IS NULL)::int AS open_spans, count(p.*)::int AS spans
      FROM dossiers d LEFT JOIN dossier_pauses p ON p.dossier_id = d.id WHERE d.code = $1 GROUP BY d.status, d.paused_at`,
      [code],
    );
    expect(row).toEqual({ status: 'stopped', paused_at: null, open_spans: 0, spans: 1 });
  });

  it('a dossier waiting for a payment is never flagged either, even when nearly due before it paused', async () => {
    const { code } = await receivedDossier(2);
    await sweep();
    expect((await view(code)).deadlineFlag).toBe('nearly_due');
    // Birth registration is free: an extra fee is a leader's request.
    await act(code, 'request-payment', 'ld.trangtien', { amount: 8000 });
    await sweep();
    expect(await view(code)).toMatchObject({ status: 'payment_requested', timeliness: 'paused', deadlineFlag: null, paused: true });
  });

  it('supplementation is asked once: a second request needs repeatReason, is recorded as a breach and counts late', async () => {
    const { code } = await receivedDossier(72);
    const citizenView = await view(code);
    await act(code, 'request-supplement', 'tn.trangtien', { reason: 'Thiếu giấy chứng sinh', components: ['GCS'] });
    await t.db.query(`UPDATE dossiers SET status = resume_status, resume_status = NULL, paused_at = NULL, version = version + 1 WHERE code = $1`, [code]);
    const refused = await act(code, 'request-supplement', 'tn.trangtien', { reason: 'Thiếu tờ khai', components: ['TK'] }, 422);
    expect(refused.errors.map((e: { field: string }) => e.field)).toEqual(['repeatReason']);
    expect((await view(code)).supplementRequests).toBe(1);
    const again = await act(code, 'request-supplement', 'tn.trangtien', {
      reason: 'Thiếu tờ khai',
      components: ['TK'],
      repeatReason: 'Tờ khai bổ sung lần trước không có chữ ký',
    });
    expect(again).toMatchObject({ status: 'supplement_requested', supplementRequests: 2 });
    const [event] = await t.db.query(
      `SELECT e.data FROM dossier_events e JOIN dossiers d ON d.id = e.dossier_id WHERE d.code = $1 AND e.action = 'request_supplement' ORDER BY e.id DESC LIMIT 1`,
      [code],
    );
    expect(event.data).toMatchObject({ breachOfOnceRule: true, repeatReason: 'Tờ khai bổ sung lần trước không có chữ ký', request: 2 });
    // Finished well before its due time, it is still late.
    await t.db.query(
      `UPDATE dossiers SET status = 'resolved', finished_at = now(), outcome = 'grant', paused_at = NULL, version = version + 1 WHERE code = $1`,
      [code],
    );
    expect((await view(code)).timeliness).toBe('late');
    expect(citizenView.supplementRequests).toBe(0);
  });

  it('an extension before the due time keeps the first appointment; after it the answer is 409; timeliness stays on the first', async () => {
    const { code, phone } = await receivedDossier(5);
    const before = await view(code);
    const newDueAt = new Date(Date.parse(before.dueAt) + 72 * HOUR).toISOString();
    const extended = await act(code, 'extend', 'tn.trangtien', { reason: 'Cần xác minh thông tin hộ tịch', newDueAt });
    expect(extended).toMatchObject({ firstDueAt: before.dueAt, extended: true });
    expect(Date.parse(extended.dueAt)).toBe(Date.parse(newDueAt));
    const tracked = await t.http
      .get(`/api/v1/tracking/${code}`)
      .query({ phone: phone.slice(-4) })
      .expect(200);
    expect(tracked.body).toMatchObject({ firstDueAt: before.dueAt, extended: true });
    expect(Date.parse(tracked.body.dueAt)).toBe(Date.parse(newDueAt));
    const record = buildSyncPayload((await t.app.get(DossierQueriesService).portalSnapshot(code))!);
    expect(record.NgayHenTra).toBe(formatCompact(new Date(before.dueAt)));
    expect(record.NgayHenTraMoi).toBe(formatCompact(new Date(newDueAt)));

    // The first appointment passes: the dossier is overdue although the new one is days away, and cannot be extended again.
    await t.db.query(`UPDATE dossiers SET due_at = now() - interval '1 hour' WHERE code = $1`, [code]);
    expect((await view(code)).timeliness).toBe('overdue');
    const late = await act(
      code,
      'extend',
      'tn.trangtien',
      { reason: 'Xin gia hạn lần nữa', newDueAt: new Date(Date.parse(newDueAt) + 24 * HOUR).toISOString() },
      409,
    );
    expect(late.detail).toMatch(/has passed/);
    await t.db.query(`UPDATE dossiers SET status = 'resolved', finished_at = now(), outcome = 'grant', version = version + 1 WHERE code = $1`, [code]);
    expect((await view(code)).timeliness).toBe('late');
  });

  it('a stale version is 409 even when the role could not act (the version is checked first)', async () => {
    const { code } = await receivedDossier(48);
    const v = (await view(code)).version;
    await act(code, 'assign', 'ld.trangtien', { officerId: officers['cv.trangtien'].id });
    const res = await t.http.post(`/api/v1/dossiers/${code}/refuse`).set(as('tn.trangtien')).send({ version: v, reason: 'Không thuộc thẩm quyền' });
    expect(res.status).toBe(409);
  });
});
