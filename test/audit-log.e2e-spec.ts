import { Client } from 'pg';
import { AuditLog } from '@dvc/audit';
import { base32Decode, totpCode } from '@dvc/core';
import { officerToken, startTestApp, TestApp } from '@dvc/testing';
import { importFile, sampleRecord } from './catalog/import-helpers';
import { adminCreateCommand } from '../apps/cli/src/admin-create-command';
import { freshDatabase } from './sweep/sweep-fixtures';

/**
 * Issue #16 item 6: every administrative change leaves one audit row, written in the change's transaction; the
 * application's database role (dvc_app) can neither change those rows nor switch the trigger off. On a database of
 * its own, so the rows counted are this file's.
 */
let database: { env: Record<string, string>; drop: () => Promise<void> };
let t: TestApp;
let owner: Client;
beforeAll(async () => {
  database = await freshDatabase('audit');
  t = await startTestApp({ ...database.env, TRUST_PROXY: 'true' });
  owner = new Client({ connectionString: database.env.DATABASE_URL });
  await owner.connect();
}, 120_000);
afterAll(async () => {
  await owner?.end();
  await t?.close();
  await database?.drop();
});

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const CLIENT = '203.0.113.7';
const hanoiToday = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
const from = (address: string) => ({ 'X-Forwarded-For': address });
const rowCount = async () => Number((await owner.query('SELECT count(*) FROM audit_log')).rows[0].count);
const dbError = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('the statement succeeded');
    },
    (e: { code?: string; driverError?: { code?: string }; message: string }) => ({ code: e.driverError?.code ?? e.code, message: e.message }),
  );

describe('the audit log of the administration', () => {
  let admin: string;
  let adminId: string;
  let auditor: string;
  const read = (query: Record<string, string | number>) =>
    t.http
      .get('/api/v1/admin/audit')
      .set(bearer(auditor))
      .query(query)
      .expect(200)
      .then((r) => r.body);
  const only = async (query: Record<string, string | number>) => {
    const page = await read(query);
    expect(page.items).toHaveLength(1);
    return page.items[0];
  };
  /** Creates an account through the API and signs it in (a password chosen by the administrator must be changed). */
  async function account(username: string, roles: string[]): Promise<{ id: string; token: string; temporary: string }> {
    const created = await t.http
      .post('/api/v1/admin/officers')
      .set(bearer(admin))
      .set(from(CLIENT))
      .send({ username, fullName: 'Phan Thị Kiểm', agencyCode: '000.00.00.H26', roles })
      .expect(201);
    const first = await t.http.post('/api/v1/auth/officers/login').send({ username, password: created.body.temporaryPassword }).expect(200);
    const changed = await t.http
      .post('/api/v1/auth/officers/password')
      .send({ changeToken: first.body.changeToken, newPassword: 'sổ sách minh bạch mỗi ngày' })
      .expect(200);
    return { id: created.body.id, token: changed.body.accessToken, temporary: created.body.temporaryPassword };
  }

  beforeAll(async () => {
    admin = await officerToken(t.http, 'admin');
    adminId = (await t.http.get('/api/v1/auth/me').set(bearer(admin)).expect(200)).body.id;
    auditor = (await account('kiemtoan.thanhpho', ['auditor'])).token;
  });

  it('the application is connected as a role that owns nothing', async () => {
    expect((await t.db.query('SELECT current_user AS u'))[0].u).toBe('dvc_app');
    const owned = await t.db.query(`SELECT count(*) FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner WHERE r.rolname = current_user`);
    expect(Number(owned[0].count)).toBe(0);
    expect(await dbError(t.db.query('CREATE TABLE mine (id int)'))).toMatchObject({
      code: '42501',
      message: expect.stringMatching(/permission denied for schema public/),
    });
  });

  it('officer accounts: create, edit, roles, deactivate, reactivate, password and second-factor reset, each one row', async () => {
    const officer = await account('audit.target', ['specialist']);
    const created = await only({ entity: 'officer', entityId: officer.id, action: 'create' });
    expect(created).toMatchObject({
      actor: { id: adminId, username: 'admin' },
      address: CLIENT,
      entity: 'officer',
      entityId: officer.id,
      before: null,
      after: {
        username: 'audit.target',
        fullName: 'Phan Thị Kiểm',
        agencyCode: '000.00.00.H26',
        roles: ['specialist'],
        active: true,
        passwordChangeRequired: true,
      },
    });
    expect(Date.now() - Date.parse(created.at)).toBeLessThan(60_000);

    const patch = (body: object) => t.http.patch(`/api/v1/admin/officers/${officer.id}`).set(bearer(admin)).set(from(CLIENT)).send(body).expect(200);
    await patch({ fullName: 'Phan Thị Kiểm Tra', title: 'Chuyên viên' });
    expect(await only({ entityId: officer.id, action: 'update' })).toMatchObject({
      before: { fullName: 'Phan Thị Kiểm', title: null },
      after: { fullName: 'Phan Thị Kiểm Tra', title: 'Chuyên viên' },
      address: CLIENT,
    });
    await patch({ roles: ['specialist', 'leader'] });
    expect(await only({ entityId: officer.id, action: 'roles_change' })).toMatchObject({
      before: { roles: ['specialist'] },
      after: { roles: ['leader', 'specialist'] },
    });
    await patch({ roles: ['leader', 'specialist'] });
    await patch({ fullName: 'Phan Thị Kiểm Tra' });
    expect((await read({ entityId: officer.id })).items).toHaveLength(3); // no change, no row
    await patch({ active: false });
    expect(await only({ entityId: officer.id, action: 'deactivate' })).toMatchObject({ before: { active: true }, after: { active: false } });
    await patch({ active: true });
    expect(await only({ entityId: officer.id, action: 'reactivate' })).toMatchObject({ before: { active: false }, after: { active: true } });

    // A deactivation ends the officer's sessions: signed in again.
    officer.token = (
      await t.http.post('/api/v1/auth/officers/login').send({ username: 'audit.target', password: 'sổ sách minh bạch mỗi ngày' }).expect(200)
    ).body.accessToken;
    const enrolled = (await t.http.post('/api/v1/auth/officers/totp/enroll').set(bearer(officer.token)).expect(200)).body.secret as string;
    const confirmed = await t.http
      .post('/api/v1/auth/officers/totp/verify')
      .set(bearer(officer.token))
      .send({ code: totpCode(base32Decode(enrolled), Date.now() / 1000) })
      .expect(200);
    const reset = await t.http
      .post(`/api/v1/admin/officers/${officer.id}/password-reset`)
      .set(bearer(admin))
      .set(from(CLIENT))
      .send({ resetSecondFactor: true })
      .expect(200);
    expect(await only({ entityId: officer.id, action: 'password_reset' })).toMatchObject({
      before: { passwordChangeRequired: false },
      after: { password: '[redacted]', passwordChangeRequired: true },
    });
    expect(await only({ entityId: officer.id, action: 'second_factor_reset' })).toMatchObject({
      before: { secondFactor: true },
      after: { secondFactor: false, totpSecret: null },
    });

    // Secrets never reach a row: passwords, their hashes, the TOTP secret, the recovery codes.
    const everything = JSON.stringify((await owner.query('SELECT * FROM audit_log')).rows);
    const hash = (await owner.query('SELECT password_hash FROM officers WHERE id = $1', [officer.id])).rows[0].password_hash as string;
    for (const secret of [officer.temporary, reset.body.temporaryPassword, 'sổ sách minh bạch mỗi ngày', hash, enrolled, ...confirmed.body.recoveryCodes]) {
      expect(everything).not.toContain(secret);
    }
    expect(everything).not.toContain('$argon2');
  });

  it('admin:create at the command line is recorded with the operator, no address', async () => {
    const passwords = { stdin: async () => 'Xk9#mP2$vL7q-dong-lenh', file: async () => '' };
    const failures: string[] = [];
    const code = await adminCreateCommand(
      t.db,
      ['--username', 'qt.terminal', '--agency', '000.00.00.H26'],
      passwords,
      12,
      () => undefined,
      (l) => failures.push(l),
    );
    expect(failures).toEqual([]);
    expect(code).toBe(0);
    const row = await only({ entity: 'officer', action: 'create', actor: `cli:admin:create:${process.env.USER ?? process.env.LOGNAME ?? 'unknown'}` });
    expect(row).toMatchObject({ actor: { id: null }, address: null, after: { username: 'qt.terminal', roles: ['admin'] } });
  });

  it('calendar, SMS templates, office hours and the procedure import each leave one row with before and after', async () => {
    const year = (await t.http.get('/api/v1/admin/calendar/2028').set(bearer(admin)).expect(200)).body;
    const holidays = [...year.holidays, { date: '2028-03-06', name: 'Nghỉ bù' }];
    await t.http.put('/api/v1/admin/calendar/2028').set(bearer(admin)).set(from(CLIENT)).send({ holidays, workingWeekendDays: [] }).expect(200);
    const calendar = await only({ entity: 'calendar_year', entityId: '2028' });
    expect(calendar).toMatchObject({ action: 'create', address: CLIENT, before: { source: 'default', holidays: year.holidays }, after: { source: 'stored' } });
    expect(calendar.after.holidays).toContainEqual({ date: '2028-03-06', name: 'Nghỉ bù' });

    const body = 'Ho so {{code}} da tiep nhan, hen tra ngay {{dueDate}}.';
    await t.http.put('/api/v1/admin/sms/templates/dossier_received').set(bearer(admin)).set(from(CLIENT)).send({ body, keepDiacritics: false }).expect(200);
    expect(await only({ entity: 'sms_template', entityId: 'dossier_received' })).toMatchObject({
      action: 'create',
      before: { body: 'Hồ sơ {{code}} đã được tiếp nhận. Ngày hẹn trả: {{dueDate}}.', source: 'default' },
      after: { body, keepDiacritics: false, source: 'stored' },
    });

    const hours = {
      sessions: [
        { start: '07:30', end: '11:30' },
        { start: '13:30', end: '17:00' },
      ],
      sameDayCutoff: '15:00',
      cutoff: '17:00',
    };
    await t.http.put('/api/v1/admin/units/00082/office-hours').set(bearer(admin)).set(from(CLIENT)).send(hours).expect(200);
    expect(await only({ entity: 'office_hours', entityId: '00082' })).toMatchObject({ action: 'update', before: null, after: hours, address: CLIENT });

    const records = ['2.000635', '2.001159', '2.001610'].map(sampleRecord);
    const imported = await importFile(t.http, admin, JSON.stringify(records)).expect(200);
    expect(imported.body).toMatchObject({ created: 1, updated: 1, rejected: [{ code: '2.001610' }] });
    expect(await only({ entity: 'procedure', entityId: '2.000635' })).toMatchObject({
      action: 'import',
      actor: { username: 'admin' },
      before: { version: 1 },
      after: { version: 2, source: 'national' },
    });
    expect(await only({ entity: 'procedure', entityId: '2.001159' })).toMatchObject({
      action: 'import',
      before: null,
      after: { version: 1, source: 'national' },
    });
    expect((await read({ entity: 'procedure', entityId: '2.001610' })).items).toEqual([]);
  });

  it('agencies: a creation, an edit and a closure on a date, each one row with the whole agency before and after', async () => {
    const code = '006.35.22.H26';
    const agencies = (body: object) => t.http.post('/api/v1/admin/agencies').set(bearer(admin)).set(from(CLIENT)).send(body);
    await agencies({ code, name: 'Bộ phận kiểm tra nhật ký', kind: 'office', unitCode: '00079', sectors: ['culture'], receives: false }).expect(201);
    expect(await only({ entity: 'agency', entityId: code, action: 'create' })).toMatchObject({
      before: null,
      after: { code, name: 'Bộ phận kiểm tra nhật ký', validTo: null },
      address: CLIENT,
    });
    await t.http.patch(`/api/v1/admin/agencies/${code}`).set(bearer(admin)).send({ name: 'Bộ phận kiểm tra nhật ký (mới)' }).expect(200);
    expect(await only({ entity: 'agency', entityId: code, action: 'update' })).toMatchObject({
      before: { name: 'Bộ phận kiểm tra nhật ký' },
      after: { name: 'Bộ phận kiểm tra nhật ký (mới)' },
    });
    await t.http.patch(`/api/v1/admin/agencies/${code}`).set(bearer(admin)).send({ closedFrom: '2099-01-01' }).expect(200);
    expect(await only({ entity: 'agency', entityId: code, action: 'close' })).toMatchObject({
      before: { validTo: null },
      after: { validTo: expect.any(String) },
    });
    await agencies({ code, name: 'Trùng mã', kind: 'office', unitCode: '00079', sectors: ['culture'], receives: false }).expect(409);
    expect((await read({ entity: 'agency', entityId: code })).items).toHaveLength(3);
  });

  it('procedure drafts: a save, a publication with the fees before and after, a discard; a refused save leaves none', async () => {
    const code = '2.000635';
    const newFee = {
      code: 'PHI_BAN_SAO',
      kind: 'fee',
      name: 'Phí cấp bản sao trích lục hộ tịch',
      basis: 'per_copy',
      amountVnd: 10_000,
      copiesField: 'soBanSao',
      payment: 'before',
    };
    const put = (body: object) => t.http.put(`/api/v1/admin/procedures/${code}/draft`).set(bearer(admin)).set(from(CLIENT)).send(body);
    const before = await rowCount();
    await put({ revision: 7 }).expect(409);
    await put({ revision: 0, fees: [{ ...newFee, amountVnd: -1 }] }).expect(422);
    expect(await rowCount()).toBe(before);
    const saved = (await put({ revision: 0, fees: [newFee] }).expect(200)).body;
    expect(await only({ entity: 'procedure', entityId: code, action: 'draft_save' })).toMatchObject({
      before: null,
      after: { revision: 1, edits: { fees: [newFee] } },
      address: CLIENT,
    });
    const published = await t.http
      .post(`/api/v1/admin/procedures/${code}/publish`)
      .set(bearer(admin))
      .send({ effectiveFrom: hanoiToday(), revision: saved.revision });
    if (published.status !== 200) throw new Error(`publish: ${published.status} ${JSON.stringify(published.body)}`);
    const row = await only({ entity: 'procedure', entityId: code, action: 'publish' });
    expect(row.before).toMatchObject({ version: published.body.version - 1 });
    expect(row.before.fees).not.toEqual([newFee]);
    expect(row.after).toMatchObject({ version: published.body.version, fees: [newFee] });
    await t.http.put(`/api/v1/admin/procedures/${code}/assurance`).set(bearer(admin)).send({ level: 2 }).expect(200);
    expect(await only({ entity: 'procedure', entityId: code, action: 'assurance_change' })).toMatchObject({
      before: { requiredAssurance: null },
      after: { requiredAssurance: 2 },
    });
    await put({ revision: 0, fees: [{ ...newFee, amountVnd: 12_000 }] }).expect(200);
    await t.http.delete(`/api/v1/admin/procedures/${code}/draft`).set(bearer(admin)).expect(204);
    expect(await only({ entity: 'procedure', entityId: code, action: 'draft_discard' })).toMatchObject({
      before: { edits: { fees: [{ amountVnd: 12_000 }] } },
      after: null,
    });
  });

  it('a refused or failed change leaves no row', async () => {
    const before = await rowCount();
    await t.http
      .post('/api/v1/admin/officers')
      .set(bearer(admin))
      .send({ username: 'audit.target', fullName: 'Trùng Tên', agencyCode: '000.00.00.H26', roles: ['specialist'] })
      .expect(409);
    await t.http
      .post('/api/v1/admin/officers')
      .set(bearer(admin))
      .send({ username: 'audit.nowhere', fullName: 'Không Nơi', agencyCode: '999.99.99.H26', roles: ['specialist'] })
      .expect(422);
    await t.http
      .put('/api/v1/admin/calendar/2029')
      .set(bearer(admin))
      .send({ holidays: [{ date: '2030-01-01', name: 'Sai năm' }], workingWeekendDays: [] })
      .expect(422);
    await t.http
      .put('/api/v1/admin/units/00082/office-hours')
      .set(bearer(admin))
      .send({
        sessions: [
          { start: '08:00', end: '12:00' },
          { start: '11:00', end: '17:30' },
        ],
        sameDayCutoff: '15:30',
        cutoff: '17:30',
      })
      .expect(422);
    await t.http
      .put('/api/v1/admin/units/99999/office-hours')
      .set(bearer(admin))
      .send({ sessions: [{ start: '08:00', end: '12:00' }], sameDayCutoff: '10:00', cutoff: '12:00' })
      .expect(404);
    await t.http
      .put('/api/v1/admin/sms/templates/dossier_received')
      .set(bearer(admin))
      .send({ body: 'Ho so {{code}} {{password}}', keepDiacritics: false })
      .expect(422);
    await importFile(t.http, admin, '{not json').expect((r) => expect(r.status).toBeGreaterThanOrEqual(400));
    expect(await rowCount()).toBe(before);

    // The row is written through the change's transaction: a rollback after it takes it away too.
    const audit = t.app.get(AuditLog);
    const entry = { by: { officerId: null, username: 'test', address: null }, entity: 'officer', entityId: 'x', action: 'update' };
    await expect(
      t.db.transaction(async (em) => {
        await audit.record(em, entry);
        throw new Error('the change failed after its audit row');
      }),
    ).rejects.toThrow('the change failed');
    expect(await rowCount()).toBe(before);
    await expect(audit.record(t.db.manager, entry)).rejects.toThrow(/inside the transaction/);
  });

  it('the application role cannot change, delete or truncate rows, nor disable or drop the trigger', async () => {
    const denied = { code: '42501', message: expect.stringMatching(/permission denied for table audit_log/) };
    expect(await dbError(t.db.query(`UPDATE audit_log SET action = 'forged'`))).toMatchObject(denied);
    expect(await dbError(t.db.query(`DELETE FROM audit_log`))).toMatchObject(denied);
    expect(await dbError(t.db.query(`TRUNCATE audit_log`))).toMatchObject(denied);
    const notOwner = { code: '42501', message: expect.stringMatching(/must be owner of (table|relation) audit_log/) };
    expect(await dbError(t.db.query(`ALTER TABLE audit_log DISABLE TRIGGER trg_audit_log_no_update`))).toMatchObject(notOwner);
    expect(await dbError(t.db.query(`ALTER TABLE audit_log DISABLE TRIGGER ALL`))).toMatchObject(notOwner);
    expect(await dbError(t.db.query(`DROP TRIGGER trg_audit_log_no_update ON audit_log`))).toMatchObject(notOwner);
    expect(await dbError(t.db.query(`DROP TABLE audit_log`))).toMatchObject(notOwner);
    expect(await dbError(t.db.query(`DROP FUNCTION audit_log_append_only()`))).toMatchObject({
      code: '42501',
      message: expect.stringMatching(/must be owner of function/),
    });
    // the dossiers' history too
    expect(await dbError(t.db.query(`ALTER TABLE dossier_events DISABLE TRIGGER trg_dossier_events_no_update`))).toMatchObject({
      code: '42501',
      message: expect.stringMatching(/must be owner of (table|relation) dossier_events/),
    });
    // the owner has the privilege, and the trigger still refuses
    const appendOnly = { code: '42501', message: expect.stringMatching(/audit_log is append-only/) };
    expect(await dbError(owner.query(`UPDATE audit_log SET action = 'forged'`))).toMatchObject(appendOnly);
    expect(await dbError(owner.query(`DELETE FROM audit_log`))).toMatchObject(appendOnly);
    expect(await dbError(owner.query(`TRUNCATE audit_log`))).toMatchObject(appendOnly);
    expect(Number((await t.db.query(`SELECT count(*) FROM audit_log WHERE action = 'forged'`))[0].count)).toBe(0);
  });

  it('auditors filter by actor, entity, action and time, and page with the cursor', async () => {
    const all = await read({ entity: 'officer', limit: 200 });
    expect(all.nextCursor).toBeNull();
    expect(all.items.length).toBeGreaterThanOrEqual(8);
    const ids = all.items.map((i: { id: string }) => Number(i.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a)); // newest first
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = await read({ entity: 'officer', limit: 2, ...(cursor ? { cursor } : {}) });
      expect(page.items.length).toBeLessThanOrEqual(2);
      paged.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual(all.items.map((i: { id: string }) => i.id));

    expect((await read({ actor: 'admin', limit: 200 })).items.every((i: { actor: { username: string } }) => i.actor.username === 'admin')).toBe(true);
    expect((await read({ actor: adminId, limit: 200 })).items.length).toBe((await read({ actor: 'admin', limit: 200 })).items.length);
    expect((await read({ action: 'deactivate' })).items.map((i: { action: string }) => i.action)).toEqual(['deactivate']);
    expect((await read({ to: '2020-01-01' })).items).toEqual([]);
    expect((await read({ from: new Date(Date.now() - 3_600_000).toISOString(), entity: 'sms_template' })).items).toHaveLength(1);
    expect((await read({ from: new Date(Date.now() + 60_000).toISOString() })).items).toEqual([]);

    const bad = await t.http.get('/api/v1/admin/audit').set(bearer(auditor)).query({ cursor: 'abc' }).expect(422);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'cursor' })]);
    await t.http.get('/api/v1/admin/audit').set(bearer(auditor)).query({ from: 'yesterday' }).expect(422);
    await t.http.get('/api/v1/admin/audit').set(bearer(auditor)).query({ limit: 500 }).expect(422);
  });

  it('administrators and auditors read it; unit administrators and desk officers do not; an auditor changes nothing', async () => {
    await t.http.get('/api/v1/admin/audit').set(bearer(admin)).expect(200);
    await t.http.get('/api/v1/admin/audit').expect(401);
    for (const username of ['tn.trangtien', 'ld.hoankiem'])
      await t.http
        .get('/api/v1/admin/audit')
        .set(bearer(await officerToken(t.http, username)))
        .expect(403);
    const unitAdmin = await account('qt.audit', ['unit_admin']);
    await t.http.get('/api/v1/admin/audit').set(bearer(unitAdmin.token)).expect(403);
    await t.http.get('/api/v1/admin/officers').set(bearer(auditor)).expect(403);
    await t.http.put('/api/v1/admin/calendar/2028').set(bearer(auditor)).send({ holidays: [], workingWeekendDays: [] }).expect(403);
  });
});
