import { loadAllConfig } from '@dvc/config';
import { base32Decode, totpCode } from '@dvc/core';
import { dropDatabase } from '@dvc/database';
import { actAs, citizenToken, startTestApp, submissionFor, TestApp, testEnv } from '@dvc/testing';
import { adminCreateCommand } from '../apps/cli/src/admin-create-command';
import { prepareDatabase } from '../apps/cli/src/prepare-database';
import { seedAll } from '../apps/cli/src/seed';
import { importFile, sampleRecord } from './catalog/import-helpers';

/**
 * Issue #16, done when: a city installs from nothing. An empty database in production mode (no demo data, the second
 * factor enforced for administrators and leaders, secrets from the environment) is prepared as README's production
 * section says; the first administrator comes from `admin:create`; every other account is made through the API by
 * the people the README names; the catalogue is imported; a citizen submits and the ward's own officers resolve it.
 */
const PRODUCTION = {
  NODE_ENV: 'production',
  DEMO_DATA: 'false',
  JWT_SECRET: 'production-install-test-jwt-secret-0123456789abcdef',
  OTP_SECRET: 'production-install-test-otp-secret-0123456789abcdef',
  VNPAY_HASH_SECRET: 'production-install-test-vnpay-secret-0123456789',
  TOTP_SECRET_KEY: 'production-install-test-totp-key-0123456789abcdef',
  // VNeID is configured as production requires (https, a real secret) but not reached: the citizen here signs in by
  // phone, which a deployment may keep on (the VNeID path has its own suite, test/vneid-sign-in.e2e-spec.ts).
  VNEID_ISSUER: 'https://sso.vneid.example',
  VNEID_CLIENT_SECRET: 'production-install-test-vneid-secret-0123456789',
  VNEID_REDIRECT_URI: 'https://dichvucong.hanoi.example/api/v1/auth/citizens/vneid/callback',
  VNEID_POST_LOGOUT_REDIRECT_URI: 'https://dichvucong.hanoi.example/',
  CITIZEN_OTP_ENABLED: 'true',
  SMS_PROVIDER: 'log',
};
const WARD = { desk: '001.35.22.H26', committee: '000.35.22.H26', district: '000.00.22.H26', city: '000.00.00.H26' };
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/**
 * The code of the first 30-second period after `after` (each code is good once): the current one, or the next,
 * which the server accepts one period early as it does for a phone whose clock runs a little fast.
 */
function authenticatorCode(secret: string, after = -1): { code: string; step: number } {
  const step = Math.max(Math.floor(Date.now() / 1000 / 30), after + 1);
  return { code: totpCode(base32Decode(secret), step * 30), step };
}

describe('production install: from an empty database to a resolved dossier, no demo data', () => {
  const env = { ...PRODUCTION, DATABASE_URL: `${testEnv().DATABASE_URL}_production` };
  const config = loadAllConfig({ ...testEnv(), ...env });
  let t: TestApp;

  beforeAll(async () => {
    await dropDatabase(config.database);
    const db = await prepareDatabase(config, () => undefined);
    try {
      await seedAll(db, config.data);
    } finally {
      await db.destroy();
    }
    t = await startTestApp(env);
  });
  afterAll(async () => {
    await t?.close();
    await dropDatabase(config.database);
  });

  const secrets: Record<string, string> = {};
  const steps: Record<string, number> = {};
  const passwords: Record<string, string> = {};

  /** Password, then whatever the account still has to do (a new password, enrolment, the code), to an access token. */
  async function signIn(username: string, password: string): Promise<string> {
    let answer = (await t.http.post('/api/v1/auth/officers/login').send({ username, password }).expect(200)).body;
    if (answer.passwordChangeRequired) {
      const chosen = `mùa thu Hà Nội năm 2026, lần thứ ${Object.keys(passwords).length + 1}`;
      answer = (await t.http.post('/api/v1/auth/officers/password').send({ changeToken: answer.changeToken, newPassword: chosen }).expect(200)).body;
      passwords[username] = chosen;
    }
    if (answer.mfaEnrolmentRequired) {
      const enrolment = (await t.http.post('/api/v1/auth/officers/totp/enroll').set(bearer(answer.enrolmentToken)).expect(200)).body;
      expect(enrolment.qrCode).toMatch(/^data:image\/png;base64,/);
      secrets[username] = enrolment.secret;
      const code = authenticatorCode(enrolment.secret);
      steps[username] = code.step;
      answer = (await t.http.post('/api/v1/auth/officers/totp/verify').set(bearer(answer.enrolmentToken)).send({ code: code.code }).expect(200)).body;
      expect(answer.recoveryCodes).toHaveLength(10);
    } else if (answer.mfaRequired) {
      const code = authenticatorCode(secrets[username], steps[username]);
      steps[username] = code.step;
      answer = (await t.http.post('/api/v1/auth/officers/login/totp').send({ mfaToken: answer.mfaToken, code: code.code }).expect(200)).body;
    }
    expect(answer).toMatchObject({ accessToken: expect.any(String), officer: { username } });
    return answer.accessToken as string;
  }

  async function createOfficer(token: string, body: Record<string, unknown>): Promise<string> {
    const created = (await t.http.post('/api/v1/admin/officers').set(bearer(token)).send(body).expect(201)).body;
    expect(created).toMatchObject({ username: body.username, passwordChangeRequired: true, temporaryPassword: expect.any(String) });
    return created.temporaryPassword as string;
  }

  const tokens: Record<string, string> = {};

  it('an empty production database has the units and no account at all; nobody can sign in', async () => {
    const [counts] = await t.db.query(
      `SELECT (SELECT count(*) FROM officers)::int AS officers, (SELECT count(*) FROM units)::int AS units,
      (SELECT count(*) FROM agencies WHERE code = $1)::int AS desk`,
      [WARD.desk],
    );
    expect(counts).toEqual({ officers: 0, units: expect.any(Number), desk: 1 });
    expect(counts.units).toBeGreaterThan(100);
    await t.http.post('/api/v1/auth/officers/login').send({ username: 'admin', password: 'Demo@2026' }).expect(401);
    await t.http.post('/api/v1/auth/officers/login').send({ username: 'tn.trangtien', password: 'Demo@2026' }).expect(401);
  });

  it('admin:create makes the first administrator, who must enrol a second factor before any access token', async () => {
    const out: string[] = [];
    const password = 'đêm trăng rằm tháng tám ở Hồ Gươm';
    const stdin = {
      stdin: async () => `${password}\n`,
      file: async () => {
        throw new Error('no file');
      },
    };
    const exit = await adminCreateCommand(
      t.db,
      ['--username', 'quantri', '--agency', WARD.city, '--full-name', 'Nguyễn Quản Trị'],
      stdin,
      config.auth.passwordMinLength,
      (l) => out.push(l),
      (l) => out.push(l),
    );
    expect(exit).toBe(0);
    const first = (await t.http.post('/api/v1/auth/officers/login').send({ username: 'quantri', password }).expect(200)).body;
    expect(first).toEqual({ mfaEnrolmentRequired: true, enrolmentToken: expect.any(String) });
    await t.http.get('/api/v1/admin/officers').set(bearer(first.enrolmentToken)).expect(401);
    tokens.quantri = await signIn('quantri', password);
    // the next sign-in asks for the code
    expect((await t.http.post('/api/v1/auth/officers/login').send({ username: 'quantri', password }).expect(200)).body).toEqual({
      mfaRequired: true,
      mfaToken: expect.any(String),
    });
    tokens.quantri = await signIn('quantri', password);
  });

  it("the administrator creates the ward's unit administrator, who creates its receiving officer, specialist and leader", async () => {
    const temporary = await createOfficer(tokens.quantri, {
      username: 'qt.trangtien',
      fullName: 'Phạm Quản Trị',
      title: 'Quản trị hệ thống phường',
      agencyCode: WARD.committee,
      roles: ['unit_admin'],
    });
    tokens['qt.trangtien'] = await signIn('qt.trangtien', temporary);
    // a unit administrator reaches no further than the ward
    await t.http
      .post('/api/v1/admin/officers')
      .set(bearer(tokens['qt.trangtien']))
      .send({ username: 'cv.quan', fullName: 'Người Quận', agencyCode: WARD.district, roles: ['specialist'] })
      .expect(403);
    await t.http
      .post('/api/v1/admin/officers')
      .set(bearer(tokens['qt.trangtien']))
      .send({ username: 'qt.khac', fullName: 'Quản Trị Khác', agencyCode: WARD.committee, roles: ['admin'] })
      .expect(403);
    for (const [username, fullName, title, agencyCode, role] of [
      ['tn.tt', 'Nguyễn Thị Lan', 'Công chức Bộ phận Một cửa', WARD.desk, 'receiving_officer'],
      ['cv.tt', 'Trần Văn Minh', 'Công chức Văn phòng - Thống kê', WARD.committee, 'specialist'],
      ['ld.tt', 'Lê Quang Huy', 'Chủ tịch UBND phường', WARD.committee, 'leader'],
    ]) {
      const password = await createOfficer(tokens['qt.trangtien'], { username, fullName, title, agencyCode, roles: [role] });
      tokens[username] = await signIn(username, password);
    }
    // leaders enrol a second factor; receiving officers and specialists do not have to
    expect(Object.keys(secrets).sort()).toEqual(['ld.tt', 'qt.trangtien', 'quantri']);
    const [{ count }] = await t.db.query(`SELECT count(*)::int AS count FROM officers`);
    expect(count).toBe(5);
  });

  it("the catalogue is imported, and a citizen's dossier for an imported procedure is received, processed and approved by the ward", async () => {
    const imported = (await importFile(t.http, tokens.quantri, JSON.stringify(['1.115563', '2.001159'].map(sampleRecord))).expect(200)).body;
    expect(imported).toMatchObject({ created: 2, rejected: [] });

    const citizen = await citizenToken(t.http, t.db);
    const body = await submissionFor(t.http, citizen.token, `0${citizen.phone.slice(2)}`, {
      code: '1.115563',
      agencyCode: WARD.desk,
      form: { noiDungYeuCau: 'Xóa ghi nợ tiền sử dụng đất trên Giấy chứng nhận' },
      components: [],
    });
    const created = (await t.http.post('/api/v1/dossiers').set(bearer(citizen.token)).send(body).expect(201)).body;
    expect(created).toMatchObject({ procedureCode: '1.115563', status: 'new', currentAgencyCode: WARD.desk });
    const code = created.code as string;

    const worklist = (await t.http.get('/api/v1/dossiers?status=new&limit=100').set(bearer(tokens['tn.tt'])).expect(200)).body;
    expect(worklist.items.map((d: { code: string }) => d.code)).toEqual([code]);
    const accepted = await actAs(t.http, tokens['tn.tt'], code, 'accept');
    expect(accepted).toMatchObject({ status: 'received', currentAgencyCode: WARD.committee });
    const specialist = (await t.http.get('/api/v1/auth/me').set(bearer(tokens['cv.tt'])).expect(200)).body;
    expect(specialist).toMatchObject({ kind: 'officer', username: 'cv.tt', id: expect.any(String) });
    await actAs(t.http, tokens['ld.tt'], code, 'assign', { officerId: specialist.id });
    await actAs(t.http, tokens['cv.tt'], code, 'propose', { outcome: 'grant', note: 'Đủ điều kiện xóa ghi nợ' });
    const approved = await actAs(t.http, tokens['ld.tt'], code, 'approve');
    expect(approved).toMatchObject({ status: 'resolved', outcome: 'grant', currentAgencyCode: WARD.desk });
    const returned = await actAs(t.http, tokens['tn.tt'], code, 'return-result', { method: 'desk' });
    expect(returned).toMatchObject({ status: 'result_returned' });

    // the applicant is told who acted by the titles the unit administrator typed
    const history = (await t.http.get(`/api/v1/dossiers/${code}/history`).set(bearer(citizen.token)).expect(200)).body;
    expect(history.map((e: { action: string }) => e.action)).toEqual(['submit', 'accept', 'assign', 'propose', 'approve', 'return_result']);
    expect(history[4].actor.name).toMatch(/^Chủ tịch UBND phường — /);
  });
});
