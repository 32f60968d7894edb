import { loadAllConfig } from '@dvc/config';
import { dropDatabase } from '@dvc/database';
import { hashPassword } from '@dvc/identity';
import { OutboxMessageEntity } from '@dvc/notifications';
import {
  birthRegistrationForm, citizenToken, DEMO_PASSWORD_FOR_TESTS, DESKS, landTransferForm, socialAllowanceForm, startTestApp, submissionFor, TestApp, testEnv,
} from '@dvc/testing';
import { prepareDatabase } from '../apps/cli/src/prepare-database';
import { seedAll } from '../apps/cli/src/seed';

// The switch to two levels rewrites the whole map, so this suite has a database of its own.
const env = () => ({ DATABASE_URL: `${testEnv().DATABASE_URL}_reorg` });
const REORG = { name: 'Hà Nội 2025 — chính quyền hai cấp', effectiveDate: '2025-07-01' };

describe('administrative reorganisation: the 2025 switch to two levels', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const as = (u: string) => ({ Authorization: `Bearer ${tokens[u]}` });
  const codes: Record<string, string> = {};

  async function act(code: string, action: string, who: string, body: Record<string, unknown> = {}) {
    const { version } = (await t.http.get(`/api/v1/dossiers/${code}`).set(as(who))).body;
    return (await t.http.post(`/api/v1/dossiers/${code}/${action}`).set(as(who)).send({ version, ...body }).expect(200)).body;
  }

  beforeAll(async () => {
    const config = loadAllConfig({ ...testEnv(), ...env() });
    await dropDatabase(config.database);
    const db = await prepareDatabase(config, () => undefined);
    await seedAll(db, config.data);
    await db.destroy();
    t = await startTestApp(env());
    for (const u of ['tn.trangtien', 'cv.trangtien', 'ld.trangtien', 'tn.hoankiem', 'admin']) {
      const res = (await t.http.post('/api/v1/auth/officers/login').send({ username: u, password: DEMO_PASSWORD_FOR_TESTS })).body;
      tokens[u] = res.accessToken;
      ids[u] = res.officer.id;
    }
    // In flight at a commune step, a district step and a city step, plus one already finished.
    const citizen = await citizenToken(t.http, t.db);
    const phone = `0${citizen.phone.slice(2)}`;
    const submit = async (code: string, form: Record<string, unknown>, components: string[]) =>
      (await t.http.post('/api/v1/dossiers').set('Authorization', `Bearer ${citizen.token}`)
        .send(await submissionFor(t.http, citizen.token, phone, { code, agencyCode: DESKS.trangTien, form, components })).expect(201)).body.code as string;
    codes.commune = await submit('1.001193', birthRegistrationForm(phone), ['TK', 'GCS', 'GTTT']);
    await act(codes.commune, 'accept', 'tn.trangtien');
    codes.district = await submit('1.001776', socialAllowanceForm(phone), ['TK']);
    await act(codes.district, 'accept', 'tn.trangtien');
    await act(codes.district, 'transfer', 'tn.trangtien', { toAgencyCode: '000.35.22.H26' });
    await act(codes.district, 'transfer', 'ld.trangtien', { toAgencyCode: '000.07.22.H26' });
    const land = await submissionFor(t.http, tokens['tn.hoankiem'], phone, { code: '1.013831', agencyCode: DESKS.hoanKiem, form: landTransferForm(phone), components: ['DON', 'GCN', 'HD', 'TK_THUE'] });
    codes.city = (await t.http.post('/api/v1/desk/dossiers').set(as('tn.hoankiem')).send(land).expect(201)).body.code;
    codes.finished = await submit('1.001193', birthRegistrationForm(phone), ['TK', 'GCS', 'GTTT']);
    await act(codes.finished, 'refuse', 'tn.trangtien', { reason: 'Nộp trùng hồ sơ' });
  });
  afterAll(async () => {
    await t?.close();
    await dropDatabase(loadAllConfig({ ...testEnv(), ...env() }).database);
  });

  const snapshot = async () => t.db.query(`SELECT code, current_agency_code, version FROM dossiers ORDER BY code`);
  const reorgEvents = async () => Number((await t.db.query(`SELECT count(*) FROM dossier_events WHERE action = 'reorganize'`))[0].count);

  it('the dry run reports what would change and changes nothing', async () => {
    const before = await snapshot();
    const res = await t.http.post('/api/v1/admin/reorganizations').set(as('admin')).send({ ...REORG, dryRun: true }).expect(201);
    expect(res.body).toMatchObject({ dryRun: true, alreadyApplied: false, units: { created: 0, continued: 126, closed: 400, districtsClosed: 30 }, dossiersMoved: 2, dossiersRerouted: 3 });
    expect(res.body.agencies.closed).toBe(526 * 5 + 30 * 8);
    expect(res.body.movedFrom).toEqual({ '002.35.22.H26': 1, '000.07.22.H26': 1 });
    expect(await snapshot()).toEqual(before);
    expect(await reorgEvents()).toBe(0);
    expect(Number((await t.db.query(`SELECT count(*) FROM audit_log WHERE entity = 'reorganization'`))[0].count)).toBe(0);
    expect((await t.http.get('/api/v1/units?parentCode=01&level=district')).body).toHaveLength(30);
  });

  it('apply moves every in-flight dossier to its successor agency, with its history, one SMS and a portal push', async () => {
    const res = await t.http.post('/api/v1/admin/reorganizations').set(as('admin')).send({ ...REORG, dryRun: false }).expect(201);
    expect(res.body).toMatchObject({ dryRun: false, dossiersMoved: 2, dossiersRerouted: 3 });
    const [audit] = await t.db.query(`SELECT actor_username, action, after FROM audit_log WHERE entity = 'reorganization'`);
    expect(audit).toMatchObject({ actor_username: 'admin', action: 'apply', after: { name: REORG.name, effectiveDate: REORG.effectiveDate, summary: { dossiersMoved: 2 } } });
    // Tràng Tiền was split: its dossiers go to the first new unit listed for it, Phường Hoàn Kiếm (00070).
    const moved = await t.db.query(`SELECT code, current_agency_code, current_scope_code, rule_set, route FROM dossiers WHERE code = ANY($1)`, [[codes.commune, codes.district, codes.city]]);
    const byCode = Object.fromEntries(moved.map((m: { code: string }) => [m.code, m]));
    const hoanKiemPc = (await t.db.query(`SELECT code FROM agencies WHERE unit_code = '00070' AND kind = 'people_committee' AND valid_to IS NULL`))[0].code;
    expect(byCode[codes.commune].current_scope_code).toBe(hoanKiemPc);
    expect(byCode[codes.district].current_scope_code).toBe(hoanKiemPc);
    expect(byCode[codes.city].current_agency_code).toBe('000.00.03.H26');
    expect(byCode[codes.city].route.at(-1).agencyCode).not.toBe(DESKS.hoanKiem);
    expect(byCode[codes.commune].rule_set).toBe('decree_118_2025');
    for (const code of [codes.commune, codes.district]) {
      const sms = await t.db.getRepository(OutboxMessageEntity).findBy({ dossierCode: code, kind: 'dossier_moved' });
      expect(sms).toHaveLength(1);
      expect(await t.db.getRepository(OutboxMessageEntity).countBy({ dossierCode: code, topic: 'national_portal', kind: 'dossier_sync' })).toBeGreaterThan(1);
    }
    // the city-step dossier's applicant is not told: its current agency did not change
    expect(await t.db.getRepository(OutboxMessageEntity).countBy({ dossierCode: codes.city, kind: 'dossier_moved' })).toBe(0);

    // An officer of the new ward finds them on the worklist.
    const newAgency = byCode[codes.commune].current_agency_code;
    await t.db.query(`INSERT INTO officers (username, password_hash, full_name, roles, agency_code) VALUES ('cv.phuonghoankiem', $1, 'Cán bộ mới', '{specialist,leader,receiving_officer}', $2)`,
      [await hashPassword(DEMO_PASSWORD_FOR_TESTS), newAgency]);
    tokens.fresh = (await t.http.post('/api/v1/auth/officers/login').send({ username: 'cv.phuonghoankiem', password: DEMO_PASSWORD_FOR_TESTS })).body.accessToken;
    const list = await t.http.get('/api/v1/dossiers?limit=100').set(as('fresh')).expect(200);
    expect(list.body.items.map((d: { code: string }) => d.code)).toEqual(expect.arrayContaining([codes.commune, codes.district]));
    const history = await t.http.get(`/api/v1/dossiers/${codes.commune}/history`).set(as('fresh')).expect(200);
    expect(history.body.at(-1)).toMatchObject({ action: 'reorganize', fromAgencyCode: '002.35.22.H26', agencyCode: newAgency });
  });

  it('officers of closed agencies still read the history but can no longer act', async () => {
    await t.http.get(`/api/v1/dossiers/${codes.commune}/history`).set(as('tn.trangtien')).expect(200);
    await t.http.get(`/api/v1/dossiers/${codes.finished}`).set(as('tn.trangtien')).expect(200);
    const { version } = (await t.http.get(`/api/v1/dossiers/${codes.commune}`).set(as('tn.trangtien'))).body;
    await t.http.post(`/api/v1/dossiers/${codes.commune}/refuse`).set(as('tn.trangtien')).send({ version, reason: 'Thử sau sắp xếp' }).expect(404);
    const list = await t.http.get('/api/v1/dossiers?limit=100').set(as('tn.trangtien')).expect(200);
    expect(list.body.items.map((d: { code: string }) => d.code)).not.toContain(codes.commune);
  });

  it('a second apply changes nothing', async () => {
    const before = await snapshot();
    const events = await reorgEvents();
    const res = await t.http.post('/api/v1/admin/reorganizations').set(as('admin')).send({ ...REORG, dryRun: false }).expect(201);
    expect(res.body.alreadyApplied).toBe(true);
    expect(await snapshot()).toEqual(before);
    expect(await reorgEvents()).toBe(events);
  });

  it('the map is two-level now, and the old units stay readable', async () => {
    expect((await t.http.get('/api/v1/units?parentCode=01&level=commune')).body).toHaveLength(126);
    expect((await t.http.get('/api/v1/units?parentCode=01&level=district')).body).toHaveLength(0);
    const old = await t.http.get('/api/v1/units/00079').expect(200);
    expect(old.body).toMatchObject({ name: 'Phường Tràng Tiền', validTo: '2025-06-30' });
    const continuing = await t.http.get('/api/v1/units/00070').expect(200);
    expect(continuing.body).toMatchObject({ name: 'Phường Hoàn Kiếm', level: 'commune', parentCode: '01', validFrom: '2025-07-01', validTo: null });
    const versions = await t.db.query(`SELECT name, parent_code, valid_to::text AS valid_to FROM unit_versions WHERE code = '00070'`);
    expect(versions).toEqual([{ name: expect.any(String), parent_code: '002', valid_to: '2025-06-30' }]);
  });

  it('reports read the map of their period, and the same dossiers add up on both maps', async () => {
    const q = { unitCode: '01', from: '2026-01-01T00:00:00+07:00', to: '2027-01-01T00:00:00+07:00' };
    const onNew = await t.http.get('/api/v1/reports/processing').query(q).set(as('admin')).expect(200);
    expect(onNew.body.mapDate).toBe('2026-12-31');
    expect(onNew.body.rows.filter((r: { unitCode: string }) => r.unitCode.length === 5)).toHaveLength(126);
    const onOld = await t.http.get('/api/v1/reports/processing').query({ ...q, mapDate: '2025-06-30' }).set(as('admin')).expect(200);
    expect(onOld.body.rows.filter((r: { unitCode: string }) => r.unitCode.length === 3)).toHaveLength(30);
    expect(onNew.body.total).toEqual({ ...onOld.body.total });
    // two received online at Tràng Tiền, one at the Hoàn Kiếm desk (the refused one was never received)
    expect(onNew.body.total.received.online + onNew.body.total.received.direct).toBe(3);
    const hoanKiemOld = onOld.body.rows.find((r: { unitCode: string }) => r.unitCode === '002');
    const hoanKiemNew = onNew.body.rows.find((r: { unitCode: string }) => r.unitCode === '00070');
    expect(hoanKiemOld.received).toMatchObject({ online: 2, direct: 1 });
    expect(hoanKiemNew.received.online).toBe(hoanKiemOld.received.online);
  });

  it('on the new map a ward desk receives what districts used to, and routes it inside the ward', async () => {
    const desk = (await t.db.query(`SELECT code FROM agencies WHERE unit_code = '00070' AND kind = 'one_stop_desk' AND valid_to IS NULL`))[0].code;
    await t.db.query(`INSERT INTO officers (username, password_hash, full_name, roles, agency_code) VALUES ('tn.phuonghoankiem', $1, 'Một cửa phường mới', '{receiving_officer}', $2)`,
      [await hashPassword(DEMO_PASSWORD_FOR_TESTS), desk]);
    const token = (await t.http.post('/api/v1/auth/officers/login').send({ username: 'tn.phuonghoankiem', password: DEMO_PASSWORD_FOR_TESTS })).body.accessToken;
    const phone = '0912000111';
    const body = await submissionFor(t.http, token, phone, { code: '1.013831', agencyCode: desk, form: landTransferForm(phone), components: ['DON', 'GCN', 'HD', 'TK_THUE'] });
    const res = await t.http.post('/api/v1/desk/dossiers').set('Authorization', `Bearer ${token}`).send(body).expect(201);
    expect(res.body.code.startsWith(desk)).toBe(true);
    expect(res.body.steps.map((s: { level: string }) => s.level)).toEqual(['commune', 'city', 'city', 'commune']);
    expect(res.body.steps[0].agencyCode).toBe(desk);
    expect(res.body.steps.at(-1).agencyCode).toBe(desk);
  });

  it('refuses an override that is not one of the commune\'s new units', async () => {
    const res = await t.http.post('/api/v1/admin/reorganizations').set(as('admin')).send({ name: 'other', effectiveDate: '2025-07-01', dryRun: true, overrides: { '00079': '00004' } }).expect(422);
    expect(res.body.errors[0].field).toBe('overrides.00079');
  });
});
