import type { INestApplicationContext } from '@nestjs/common';
import { CalendarService } from '@dvc/calendar';
import { sweepDeadlines } from '@dvc/dossiers';
import {
  birthRegistrationForm,
  citizenToken,
  DEMO_PASSWORD_FOR_TESTS,
  DESKS,
  PrivateRedis,
  startPrivateRedis,
  startTestApp,
  startTestWorker,
  submissionFor,
  TestApp,
  waitFor,
} from '@dvc/testing';
import { createPortalSimulator, PortalSimulator } from '../apps/portal-simulator/src/portal-simulator';

describe('operations centre: national-portal sync and the deadline sweep', () => {
  let redis: PrivateRedis;
  let portal: PortalSimulator;
  let t: TestApp;
  let worker: INestApplicationContext;
  const tokens: Record<string, string> = {};
  const as = (u: string) => ({ Authorization: `Bearer ${tokens[u]}` });

  beforeAll(async () => {
    redis = await startPrivateRedis();
    portal = createPortalSimulator({ port: 0, token: 'test-portal-token' });
    const { url } = await portal.start();
    const env = {
      REDIS_URL: redis.url,
      SMS_PROVIDER: 'log',
      OUTBOX_POLL_MS: '50',
      NATIONAL_PORTAL_URL: url,
      NATIONAL_PORTAL_TOKEN: 'test-portal-token',
      NATIONAL_PORTAL_BACKOFF_MS: '100',
      DEADLINE_SWEEP_EVERY_SECONDS: '3600',
    };
    t = await startTestApp(env);
    worker = await startTestWorker(env);
    for (const u of ['tn.trangtien', 'cv.trangtien', 'ld.trangtien', 'admin']) {
      tokens[u] = (await t.http.post('/api/v1/auth/officers/login').send({ username: u, password: DEMO_PASSWORD_FOR_TESTS })).body.accessToken;
    }
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await portal?.stop();
    await redis?.stop();
  });

  async function newDossier() {
    const citizen = await citizenToken(t.http, t.db);
    const phone = `0${citizen.phone.slice(2)}`;
    const body = await submissionFor(t.http, citizen.token, phone, {
      code: '1.001193',
      agencyCode: DESKS.trangTien,
      form: birthRegistrationForm(phone),
      components: ['TK', 'GCS', 'GTTT'],
    });
    return (await t.http.post('/api/v1/dossiers').set('Authorization', `Bearer ${citizen.token}`).send(body).expect(201)).body.code as string;
  }
  async function act(code: string, action: string, who: string, body: Record<string, unknown> = {}) {
    const { version } = (await t.http.get(`/api/v1/dossiers/${code}`).set(as(who))).body;
    return (
      await t.http
        .post(`/api/v1/dossiers/${code}/${action}`)
        .set(as(who))
        .send({ version, ...body })
        .expect(200)
    ).body;
  }
  const statusesPushed = (code: string) => portal.pushes.filter((p) => p.code === code && p.api === 'CapNhatTienDoHoSoMC').map((p) => p.status);

  it('the portal receives every status change of a full life cycle, in order, and the final record', async () => {
    const code = await newDossier();
    await act(code, 'accept', 'tn.trangtien');
    const cv = (await t.http.post('/api/v1/auth/officers/login').send({ username: 'cv.trangtien', password: DEMO_PASSWORD_FOR_TESTS })).body.officer.id;
    await act(code, 'assign', 'ld.trangtien', { officerId: cv });
    await act(code, 'propose', 'cv.trangtien', { outcome: 'grant', note: 'Hợp lệ' });
    await act(code, 'approve', 'ld.trangtien');
    await act(code, 'return-result', 'tn.trangtien', { method: 'desk' });
    await waitFor(async () => statusesPushed(code).length === 6, 15_000, 'not every change was pushed');
    expect(statusesPushed(code)).toEqual([1, 2, 4, 4, 9, 10]);
    const record = portal.records.get(code)!;
    expect(record.record).toMatchObject({ MaHoSo: code, MaTTHC: '1.001193', TrangThaiHoSo: 10, KenhThucHien: 2, MaDonVi: DESKS.trangTien, KetQuaXuLy: '1' });
    expect(record.record.NgayTiepNhan).toMatch(/^\d{14}$/);
    // Who handled each step: the officers' full names (demo accounts), never their logins.
    expect((record.record.QuaTrinhXuLy as { NguoiXuLy: string; NoiDung: string }[]).map((l) => [l.NguoiXuLy, l.NoiDung.split(':')[0]])).toEqual([
      ['Nguyễn Văn An', 'Nộp hồ sơ trực tuyến'],
      ['Nguyễn Thị Lan', 'Tiếp nhận hồ sơ'],
      ['Lê Quang Huy', 'Phân công xử lý'],
      ['Trần Văn Minh', 'Trình kết quả xử lý'],
      ['Lê Quang Huy', 'Phê duyệt kết quả'],
      ['Nguyễn Thị Lan', 'Trả kết quả'],
    ]);
    expect(record.progress).toHaveLength(6);
    await t.http.get('/api/v1/admin/national-portal/sync/000.35.22.H26-261125-9999').set(as('admin')).expect(404);
    const state = await t.http.get(`/api/v1/admin/national-portal/sync/${code}`).set(as('admin')).expect(200);
    expect(state.body).toMatchObject({ dossierCode: code, lastNationalStatus: 10, lastError: null });
  });

  it('survives a portal outage and ends in the same final state', async () => {
    const code = await newDossier();
    await waitFor(async () => statusesPushed(code).length === 1, 10_000, 'submission not pushed');
    portal.setFaults({ down: true });
    await act(code, 'accept', 'tn.trangtien');
    await act(code, 'refuse', 'tn.trangtien', { reason: 'Hồ sơ không thuộc thẩm quyền' });
    await waitFor(
      async () => (await t.http.get(`/api/v1/admin/national-portal/sync/${code}`).set(as('admin'))).body.failures > 0,
      10_000,
      'no failed push recorded',
    );
    expect(portal.records.get(code)!.record.TrangThaiHoSo).toBe(1);
    portal.setFaults({ down: false });
    await waitFor(async () => portal.records.get(code)?.record.TrangThaiHoSo === 3, 20_000, 'final state not pushed after the outage');
    const state = await t.http.get(`/api/v1/admin/national-portal/sync/${code}`).set(as('admin')).expect(200);
    expect(state.body).toMatchObject({ lastNationalStatus: 3, lastError: null });
  });

  it('an administrator can queue a re-push of a period', async () => {
    const res = await t.http
      .post('/api/v1/admin/national-portal/repush')
      .set(as('admin'))
      .send({ from: new Date(Date.now() - 3600_000).toISOString(), to: new Date(Date.now() + 60_000).toISOString() })
      .expect(202);
    expect(res.body.queued).toBeGreaterThan(0);
    await t.http.post('/api/v1/admin/national-portal/repush').set(as('admin')).send({ from: '2026-12-01T00:00:00Z', to: '2026-11-01T00:00:00Z' }).expect(422);
    await t.http
      .post('/api/v1/admin/national-portal/repush')
      .set(as('tn.trangtien'))
      .send({ from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z' })
      .expect(403);
  });

  it('the deadline sweep flags nearly due and overdue dossiers on the worklist; running it twice changes nothing', async () => {
    const [soon, late] = [await newDossier(), await newDossier()];
    await act(soon, 'accept', 'tn.trangtien');
    await act(late, 'accept', 'tn.trangtien');
    await t.db.query(`UPDATE dossiers SET due_at = now() + interval '30 minutes' WHERE code = $1`, [soon]);
    // received three days ago and due a minute ago (a dossier is never due before it was received)
    await t.db.query(`UPDATE dossiers SET received_at = now() - interval '3 days', due_at = now() - interval '1 minute' WHERE code = $1`, [late]);
    const versions = await t.db.query(`SELECT code, version FROM dossiers WHERE code = ANY($1)`, [[soon, late]]);
    const calendar = await t.app.get(CalendarService).calendarFor(null);
    const first = await sweepDeadlines(t.db, calendar, 480);
    expect(first.nearlyDue).toBeGreaterThanOrEqual(1);
    expect(first.overdue).toBeGreaterThanOrEqual(1);
    const second = await sweepDeadlines(t.db, calendar, 480);
    expect(second).toEqual({ nearlyDue: 0, overdue: 0, cleared: 0 });
    const flags = await t.db.query(`SELECT code, deadline_flag, version FROM dossiers WHERE code = ANY($1) ORDER BY code`, [[soon, late]]);
    expect(Object.fromEntries(flags.map((f: { code: string; deadline_flag: string }) => [f.code, f.deadline_flag]))).toEqual({
      [soon]: 'nearly_due',
      [late]: 'overdue',
    });
    expect(flags.map((f: { version: number }) => f.version).sort()).toEqual(versions.map((v: { version: number }) => v.version).sort());
    const overdue = await t.http.get('/api/v1/dossiers?flag=overdue&limit=100').set(as('tn.trangtien')).expect(200);
    expect(overdue.body.items.map((d: { code: string }) => d.code)).toContain(late);
    expect(overdue.body.items.find((d: { code: string }) => d.code === late)).toMatchObject({ deadlineFlag: 'overdue', timeliness: 'overdue' });
  });
});
