import { join, resolve } from 'node:path';
import { loadAllConfig } from '@dvc/config';
import { dropDatabase } from '@dvc/database';
import { OutboxMessageEntity } from '@dvc/outbox';
import { DuePlansAtStart, readMergesCsv, ReorganizationService } from '@dvc/reorganization';
import {
  birthRegistrationForm,
  citizenToken,
  DEMO_PASSWORD_FOR_TESTS,
  DESKS,
  landTransferForm,
  socialAllowanceForm,
  startTestApp,
  startTestWorker,
  submissionFor,
  TestApp,
  testEnv,
  waitFor,
} from '@dvc/testing';
import { prepareDatabase } from '../apps/cli/src/prepare-database';
import { seedAll } from '../apps/cli/src/seed';
import { MERGES_FILE } from '../apps/api/src/operations/reorganizations.controller';
import { QueueConnections } from '../apps/worker/src/queue-connections';
import { REORGANIZATIONS_QUEUE } from '@dvc/outbox';

// The switch to two levels rewrites the whole map, so this suite has a database of its own.
const env = () => ({ DATABASE_URL: `${testEnv().DATABASE_URL}_reorg` });
const REORG = { name: 'Hà Nội 2025 — chính quyền hai cấp', effectiveDate: '2025-07-01' };
// Tràng Tiền's officers keep their accounts for the history and get one in the new ward; everyone else moves.
const OFFICERS = { default: 'move', units: { '00079': 'grant' } } as const;

describe('administrative reorganisation: the 2025 switch to two levels', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const as = (u: string) => ({ Authorization: `Bearer ${tokens[u]}` });
  const codes: Record<string, string> = {};

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
      (
        await t.http
          .post('/api/v1/dossiers')
          .set('Authorization', `Bearer ${citizen.token}`)
          .send(await submissionFor(t.http, citizen.token, phone, { code, agencyCode: DESKS.trangTien, form, components }))
          .expect(201)
      ).body.code as string;
    codes.commune = await submit('1.001193', birthRegistrationForm(phone), ['TK', 'GCS', 'GTTT']);
    await act(codes.commune, 'accept', 'tn.trangtien');
    codes.district = await submit('1.001776', socialAllowanceForm(phone), ['TK']);
    await act(codes.district, 'accept', 'tn.trangtien');
    await act(codes.district, 'transfer', 'tn.trangtien', { toAgencyCode: '000.35.22.H26' });
    await act(codes.district, 'transfer', 'ld.trangtien', { toAgencyCode: '000.07.22.H26' });
    const land = await submissionFor(t.http, tokens['tn.hoankiem'], phone, {
      code: '1.013831',
      agencyCode: DESKS.hoanKiem,
      form: landTransferForm(phone),
      components: ['DON', 'GCN', 'HD', 'TK_THUE'],
    });
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

  const auditRows = async () => t.db.query(`SELECT actor_username, action, before, after FROM audit_log WHERE entity = 'reorganization' ORDER BY id`);
  const officerRows = async () => t.db.query(`SELECT username, agency_code, roles FROM officers ORDER BY username`);
  const service = () => t.app.get(ReorganizationService);
  const merges = () => readMergesCsv(join(resolve(loadAllConfig({ ...testEnv(), ...env() }).data.unitsDataDir), MERGES_FILE));

  it('the dry run lists what would move (units, agencies, officers, open dossiers) and changes nothing', async () => {
    const before = await snapshot();
    const officersBefore = await officerRows();
    const res = await t.http
      .post('/api/v1/admin/reorganizations?dryRun=true')
      .set(as('admin'))
      .send({ ...REORG, dryRun: false, officers: OFFICERS })
      .expect(201);
    expect(res.body).toMatchObject({
      dryRun: true,
      status: 'preview',
      alreadyApplied: false,
      units: { created: 0, continued: 126, closed: 400, districtsClosed: 30 },
      dossiersMoved: 2,
      dossiersRerouted: 3,
    });
    expect(res.body.agencies.closed).toBe(526 * 5 + 30 * 8);
    expect(res.body.movedFrom).toEqual({ '002.35.22.H26': 1, '000.07.22.H26': 1 });
    const { moves } = res.body;
    expect(moves.units).toEqual(
      expect.arrayContaining([
        { code: '00079', to: '00070' },
        { code: '002', to: expect.stringMatching(/^\d{5}$/) },
      ]),
    );
    expect(moves.agencies).toHaveLength(526 * 5 + 30 * 8);
    expect(moves.dossiers.map((d: { code: string }) => d.code).sort()).toEqual([codes.commune, codes.district].sort());
    const officer = (u: string) => moves.officers.find((o: { username: string }) => o.username === u);
    expect(officer('tn.trangtien')).toMatchObject({
      mode: 'grant',
      fromAgencyCode: DESKS.trangTien,
      roles: ['receiving_officer'],
      grantedUsername: 'tn.trangtien.00070',
    });
    expect(officer('tn.hoankiem')).toMatchObject({ mode: 'move', fromAgencyCode: DESKS.hoanKiem, roles: ['receiving_officer'] });
    // a district's officers go, like its own dossiers, to the new unit of its first commune in the file
    const districtHome = moves.units.find((u: { code: string }) => u.code === '002').to;
    expect(officer('tn.hoankiem').toAgencyCode).toMatch(/^001\.\d{2}\.5\d\.H26$/);
    expect(moves.officers.filter((o: { toAgencyCode: string }) => o.toAgencyCode === officer('tn.hoankiem').toAgencyCode).length).toBeGreaterThan(0);
    expect(districtHome).toMatch(/^\d{5}$/);
    expect(officer('admin')).toBeUndefined();
    expect(await snapshot()).toEqual(before);
    expect(await officerRows()).toEqual(officersBefore);
    expect(await reorgEvents()).toBe(0);
    expect(await t.db.query(`SELECT name FROM reorganizations`)).toEqual([]);
    expect(await auditRows()).toEqual([]);
    expect((await t.http.get('/api/v1/units?parentCode=01&level=district')).body).toHaveLength(30);
  });

  it('a plan requested before its date is scheduled; the old units keep receiving and the new ones have nothing', async () => {
    const early = new Date('2025-06-20T09:00:00+07:00');
    const res = await service().request(
      {
        ...REORG,
        merges: merges(),
        officers: OFFICERS,
        dryRun: false,
        requestedBy: 'admin',
        by: { officerId: null, username: 'admin', address: '198.51.100.4' },
      },
      early,
    );
    expect(res).toMatchObject({ status: 'scheduled', takesEffectAt: '2025-06-30T17:00:00.000Z', appliedAt: null, dryRun: false, alreadyApplied: false });
    expect(res.dossiersMoved).toBeUndefined();
    expect(await auditRows()).toEqual([
      {
        actor_username: 'admin',
        action: 'schedule',
        before: null,
        after: expect.objectContaining({ name: REORG.name, effectiveDate: REORG.effectiveDate, officers: OFFICERS }),
      },
    ]);
    const listed = await t.http.get('/api/v1/admin/reorganizations').set(as('admin')).expect(200);
    expect(listed.body).toEqual([expect.objectContaining({ name: REORG.name, status: 'scheduled', effectiveDate: REORG.effectiveDate })]);
    // another plan cannot be slipped in before this one takes effect
    await t.http.post('/api/v1/admin/reorganizations').set(as('admin')).send({ name: 'other', effectiveDate: '2099-01-01', dryRun: false }).expect(409);

    // one second before its first minute it is not due
    expect(await service().applyDue(new Date('2025-06-30T23:59:59+07:00'))).toEqual([]);
    // the old ward's desk still receives and acts
    const citizen = await citizenToken(t.http, t.db);
    const phone = `0${citizen.phone.slice(2)}`;
    const body = await submissionFor(t.http, citizen.token, phone, {
      code: '1.001193',
      agencyCode: DESKS.trangTien,
      form: birthRegistrationForm(phone),
      components: ['TK', 'GCS', 'GTTT'],
    });
    const late = (await t.http.post('/api/v1/dossiers').set('Authorization', `Bearer ${citizen.token}`).send(body).expect(201)).body.code as string;
    expect(late.startsWith(DESKS.trangTien)).toBe(true);
    await act(late, 'refuse', 'tn.trangtien', { reason: 'Nộp trùng hồ sơ' });
    // nothing of the new map exists yet
    expect(Number((await t.db.query(`SELECT count(*) FROM agencies WHERE valid_from = '2025-07-01'`))[0].count)).toBe(0);
    expect((await t.http.get('/api/v1/units/00070').expect(200)).body).toMatchObject({ parentCode: '002', validTo: null });
    expect((await t.http.get('/api/v1/units?parentCode=01&level=district')).body).toHaveLength(30);
    expect(await t.db.query(`SELECT username FROM officers WHERE username LIKE '%.00070'`)).toEqual([]);
    expect(await reorgEvents()).toBe(0);
  });

  it('a due plan takes effect once, even when the job runs twice at the same moment; deadlines are kept', async () => {
    const deadlines = async () => t.db.query(`SELECT code, due_at, extended_due_at, status FROM dossiers ORDER BY code`);
    const before = await deadlines();
    // The date has passed (as if everything had been down on the day): the worker's job, run twice, and the start-up
    // run of another API process all find it due at once; it is applied by exactly one of them.
    const [runA, runB, second] = await Promise.all([service().applyDue(), service().applyDue(), startTestApp(env())]);
    const atStart = await second.app.get(DuePlansAtStart).done();
    await second.close();
    expect([...runA, ...runB, ...atStart]).toEqual([REORG.name]);
    expect(await reorgEvents()).toBe(3);
    expect(await deadlines()).toEqual(before);
    const [row] = await t.db.query(`SELECT status, applied_by, summary FROM reorganizations WHERE name = $1`, [REORG.name]);
    expect(row).toMatchObject({ status: 'applied', applied_by: 'admin', summary: expect.objectContaining({ dossiersMoved: 2, dossiersRerouted: 3 }) });
    expect(await service().applyDue()).toEqual([]);
    // the schedule applied it, once, on the requester's behalf
    expect((await auditRows()).slice(1)).toEqual([
      {
        actor_username: 'system:reorganization-schedule',
        action: 'apply',
        before: { status: 'scheduled' },
        after: expect.objectContaining({ status: 'applied', name: REORG.name, requestedBy: 'admin', dossiersMoved: 2 }),
      },
    ]);
  });

  it('the switch moves every in-flight dossier to its successor agency, with its history, one SMS and a portal push', async () => {
    // Tràng Tiền was split: its dossiers go to the first new unit listed for it, Phường Hoàn Kiếm (00070).
    const moved = await t.db.query(`SELECT code, current_agency_code, current_scope_code, rule_set, route FROM dossiers WHERE code = ANY($1)`, [
      [codes.commune, codes.district, codes.city],
    ]);
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

    // The specialist granted an account in the new ward finds them on the worklist.
    const newAgency = byCode[codes.commune].current_agency_code;
    const login = (await t.http.post('/api/v1/auth/officers/login').send({ username: 'cv.trangtien.00070', password: DEMO_PASSWORD_FOR_TESTS }).expect(200))
      .body;
    expect(login.officer).toMatchObject({ agencyCode: newAgency, roles: ['specialist'] });
    tokens.fresh = login.accessToken;
    const list = await t.http.get('/api/v1/dossiers?limit=100').set(as('fresh')).expect(200);
    expect(list.body.items.map((d: { code: string }) => d.code)).toEqual(expect.arrayContaining([codes.commune, codes.district]));
    const history = await t.http.get(`/api/v1/dossiers/${codes.commune}/history`).set(as('fresh')).expect(200);
    expect(history.body.at(-1)).toMatchObject({ action: 'reorganize', fromAgencyCode: '002.35.22.H26', agencyCode: newAgency });
  });

  it('officers are mapped with their roles: moved accounts and granted ones belong to the new ward', async () => {
    const desk = (await t.db.query(`SELECT code FROM agencies WHERE unit_code = '00070' AND kind = 'one_stop_desk' AND valid_to IS NULL`))[0].code;
    const committee = (await t.db.query(`SELECT code FROM agencies WHERE unit_code = '00070' AND kind = 'people_committee' AND valid_to IS NULL`))[0].code;
    const [{ new_code: districtHome }] = await t.db.query(`SELECT new_code FROM unit_successions WHERE old_code = '002'`);
    const districtDesk = (
      await t.db.query(`SELECT code, scope_code FROM agencies WHERE unit_code = $1 AND kind = 'one_stop_desk' AND valid_to IS NULL`, [districtHome])
    )[0];
    const rows = await t.db.query(`SELECT username, agency_code, roles, full_name, title FROM officers WHERE username = ANY($1) ORDER BY username`, [
      ['tn.hoankiem', 'tn.trangtien', 'tn.trangtien.00070', 'ld.trangtien', 'ld.trangtien.00070', 'admin'],
    ]);
    const of = (u: string) => rows.find((r: { username: string }) => r.username === u);
    expect(of('tn.hoankiem')).toMatchObject({ agency_code: districtDesk.code, roles: ['receiving_officer'] });
    expect(of('tn.trangtien')).toMatchObject({ agency_code: DESKS.trangTien });
    expect(of('tn.trangtien.00070')).toMatchObject({
      agency_code: desk,
      roles: ['receiving_officer'],
      full_name: of('tn.trangtien').full_name,
      title: of('tn.trangtien').title,
    });
    expect(of('ld.trangtien.00070')).toMatchObject({ agency_code: committee, roles: of('ld.trangtien').roles });
    expect(of('admin').agency_code).toBe('000.00.00.H26');
    // the moved district officer signs in to the new ward's desk (the last test receives there with a granted account)
    const login = (await t.http.post('/api/v1/auth/officers/login').send({ username: 'tn.hoankiem', password: DEMO_PASSWORD_FOR_TESTS }).expect(200)).body;
    expect(login.officer).toMatchObject({
      agencyCode: districtDesk.code,
      unitCode: districtHome,
      scopeCode: districtDesk.scope_code,
      roles: ['receiving_officer'],
    });
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
    const res = await t.http
      .post('/api/v1/admin/reorganizations')
      .set(as('admin'))
      .send({ ...REORG, dryRun: false })
      .expect(201);
    expect(res.body).toMatchObject({ alreadyApplied: true, status: 'applied' });
    expect(await service().applyDue()).toEqual([]);
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
    const onOld = await t.http
      .get('/api/v1/reports/processing')
      .query({ ...q, mapDate: '2025-06-30' })
      .set(as('admin'))
      .expect(200);
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
    // the receiving officer granted an account in the new ward, not one made by hand
    const token = (await t.http.post('/api/v1/auth/officers/login').send({ username: 'tn.trangtien.00070', password: DEMO_PASSWORD_FOR_TESTS }).expect(200))
      .body.accessToken;
    const phone = '0912000111';
    const body = await submissionFor(t.http, token, phone, {
      code: '1.013831',
      agencyCode: desk,
      form: landTransferForm(phone),
      components: ['DON', 'GCN', 'HD', 'TK_THUE'],
    });
    const res = await t.http.post('/api/v1/desk/dossiers').set('Authorization', `Bearer ${token}`).send(body).expect(201);
    expect(res.body.code.startsWith(desk)).toBe(true);
    expect(res.body.steps.map((s: { level: string }) => s.level)).toEqual(['commune', 'city', 'city', 'commune']);
    expect(res.body.steps[0].agencyCode).toBe(desk);
    expect(res.body.steps.at(-1).agencyCode).toBe(desk);
  });

  it("refuses an override that is not one of the commune's new units", async () => {
    const res = await t.http
      .post('/api/v1/admin/reorganizations')
      .set(as('admin'))
      .send({ name: 'other', effectiveDate: '2025-07-01', dryRun: true, overrides: { '00079': '00004' } })
      .expect(422);
    expect(res.body.errors[0].field).toBe('overrides.00079');
  });

  it('the worker runs "apply due plans" on an upserted schedule (nothing due now: a no-op)', async () => {
    const worker = await startTestWorker(env());
    try {
      const queue = worker.get(QueueConnections).queue(REORGANIZATIONS_QUEUE);
      expect((await queue.getJobSchedulers()).map((j) => j.key)).toEqual(['apply-due']);
      await waitFor(async () => (await queue.getCompleted()).length > 0, 15_000, 'the schedule never ran');
      expect((await queue.getCompleted())[0].returnvalue).toEqual({ applied: [] });
    } finally {
      await worker.close();
    }
  });
});
