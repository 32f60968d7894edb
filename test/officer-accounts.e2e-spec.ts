import { base32Decode, totpCode } from '@dvc/core';
import { hashPassword, OfficerEntity } from '@dvc/identity';
import { birthRegistrationForm, citizenToken, DESKS, startTestApp, submissionFor, TestApp } from '@dvc/testing';
import { adminCreateCommand, type PasswordSource } from '../apps/cli/src/admin-create-command';
import { freshDatabase } from './sweep/sweep-fixtures';

// A database of this file's own: the accounts it creates in Tràng Tiền and Hoàn Kiếm would otherwise show in the
// colleague lists other suites check.
let database: { env: Record<string, string>; drop: () => Promise<void> };
beforeAll(async () => {
  database = await freshDatabase('officers');
}, 120_000);
afterAll(() => database?.drop());
const app = (overrides: Record<string, string> = {}) => startTestApp({ ...database.env, ...overrides });

// Passwords chosen by hand to pass the policy (≥ 12 characters, no common word, no username or name in them).
const ADMIN_PASSWORD = 'Hồ Gươm mùa thu lá vàng';
const UNIT_ADMIN_PASSWORD = 'cây bàng đỏ lá phố cổ';
const DESK_PASSWORD = 'Xk9#mP2$vL7q-desk';
const AGENCY = {
  city: '000.00.00.H26',
  hoanKiem: '000.00.22.H26',
  trangTienDesk: DESKS.trangTien,
  trangTienJustice: '002.35.22.H26',
  trangTienCommittee: '000.35.22.H26',
  trangTienCadastre: '003.35.22.H26',
  justiceDepartment: '000.00.01.H26',
};

const stdinOf = (text: string): PasswordSource => ({
  stdin: async () => text,
  file: async () => {
    throw new Error('no file');
  },
});
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('officer accounts: from admin:create to a new receiving officer at the desk', () => {
  let t: TestApp;
  const lines: { out: string[]; err: string[] } = { out: [], err: [] };
  const runCli = (args: string[], password: string) =>
    adminCreateCommand(
      t.db,
      args,
      stdinOf(password),
      12,
      (l) => lines.out.push(l),
      (l) => lines.err.push(l),
    );
  const officers = () => t.db.getRepository(OfficerEntity).count();
  const login = (username: string, password: string) => t.http.post('/api/v1/auth/officers/login').send({ username, password });

  /** Signs in an account created by someone else: the password change comes first, then the access token. */
  async function firstSignIn(username: string, temporary: string, chosen: string): Promise<string> {
    const first = await login(username, temporary).expect(200);
    expect(first.body).toEqual({ passwordChangeRequired: true, changeToken: expect.any(String) });
    const weak = await t.http.post('/api/v1/auth/officers/password').send({ changeToken: first.body.changeToken, newPassword: 'Demo@2026' }).expect(422);
    expect(weak.body.errors).toEqual([expect.objectContaining({ field: 'newPassword' })]);
    const changed = await t.http.post('/api/v1/auth/officers/password').send({ changeToken: first.body.changeToken, newPassword: chosen }).expect(200);
    expect(changed.body).toMatchObject({ accessToken: expect.any(String), officer: { username } });
    // the change token was good once: the password it was issued for is gone
    await t.http
      .post('/api/v1/auth/officers/password')
      .send({ changeToken: first.body.changeToken, newPassword: `${chosen}!` })
      .expect(401);
    await login(username, temporary).expect(401);
    return changed.body.accessToken as string;
  }

  let adminToken: string;
  let unitAdminToken: string;
  let unitAdminId: string;
  let adminId: string;
  let totpSecret: string;
  let recoveryCodes: string[];
  const created: Record<string, { id: string; temporaryPassword: string }> = {};

  beforeAll(async () => {
    t = await app();
  });
  afterAll(() => t.close());

  it('admin:create makes the first administrator; the same username again is one line and exit 1, no second account', async () => {
    const before = await officers();
    expect(await runCli(['--username', 'Chief.Admin', '--agency', AGENCY.city, '--full-name', 'Trần Quản Trị'], `${ADMIN_PASSWORD}\n`)).toBe(0);
    expect(lines.out.at(-1)).toMatch(/^administrator chief\.admin created \(id [0-9a-f-]{36}\) at 000\.00\.00\.H26/);
    expect(await runCli(['--username', 'chief.admin', '--agency', AGENCY.city], `${ADMIN_PASSWORD}\n`)).toBe(1);
    expect(lines.err.at(-1)).toBe('admin:create: The username chief.admin is taken; no account was created.');
    expect(await officers()).toBe(before + 1);
    const row = await t.db.getRepository(OfficerEntity).findOneByOrFail({ username: 'chief.admin' });
    expect(row).toMatchObject({ roles: ['admin'], agencyCode: AGENCY.city, fullName: 'Trần Quản Trị', passwordChangeRequired: false });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it.each([
    ['a weak password', ['--username', 'second.admin', '--agency', AGENCY.city], 'Demo@2026', 1, /^admin:create: password /],
    [
      'an unknown agency',
      ['--username', 'second.admin', '--agency', '999.99.99.H26'],
      ADMIN_PASSWORD,
      1,
      /^admin:create: agency 999\.99\.99\.H26 is not an open agency/,
    ],
    ['a password in argv', ['--username', 'second.admin', '--agency', AGENCY.city, '--password', ADMIN_PASSWORD], ADMIN_PASSWORD, 2, /refuses --password/],
    ['no agency', ['--username', 'second.admin'], ADMIN_PASSWORD, 2, /^usage: admin:create/],
  ])('admin:create refuses %s with one line and creates nothing', async (_label, args, password, code, message) => {
    const before = await officers();
    expect(await runCli(args as string[], password)).toBe(code);
    expect(lines.err.at(-1)).toMatch(message);
    expect(lines.err.at(-1)).not.toContain('\n');
    expect(await officers()).toBe(before);
  });

  it('the administrator signs in and enrols TOTP (otpauth URI, QR code, recovery codes once)', async () => {
    const signedIn = await login('chief.admin', ADMIN_PASSWORD).expect(200);
    adminToken = signedIn.body.accessToken;
    adminId = signedIn.body.officer.id;
    const enrolment = await t.http.post('/api/v1/auth/officers/totp/enroll').set(bearer(adminToken)).expect(200);
    totpSecret = enrolment.body.secret;
    expect(totpSecret).toMatch(/^[A-Z2-7]{32}$/);
    expect(enrolment.body.otpauthUri).toBe(
      `otpauth://totp/DVC%20H%C3%A0%20N%E1%BB%99i%3Achief.admin?secret=${totpSecret}&issuer=DVC%20H%C3%A0%20N%E1%BB%99i&algorithm=SHA1&digits=6&period=30`,
    );
    expect(enrolment.body.qrCode).toMatch(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/);
    // not in force before a first code: the login still answers the access token
    expect((await login('chief.admin', ADMIN_PASSWORD).expect(200)).body.accessToken).toEqual(expect.any(String));
    const wrong = await t.http
      .post('/api/v1/auth/officers/totp/verify')
      .set(bearer(adminToken))
      .send({ code: '000000' === totpCode(base32Decode(totpSecret), Date.now() / 1000) ? '111111' : '000000' })
      .expect(422);
    expect(wrong.body.errors).toEqual([expect.objectContaining({ field: 'code' })]);
    const confirmed = await t.http
      .post('/api/v1/auth/officers/totp/verify')
      .set(bearer(adminToken))
      .send({ code: totpCode(base32Decode(totpSecret), Date.now() / 1000) })
      .expect(200);
    recoveryCodes = confirmed.body.recoveryCodes;
    expect(recoveryCodes).toHaveLength(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[a-z2-7]{5}-[a-z2-7]{5}$/);
    const row = await t.db.getRepository(OfficerEntity).findOneByOrFail({ username: 'chief.admin' });
    expect(row.recoveryCodeHashes).toHaveLength(10);
    expect(row.recoveryCodeHashes.join(' ')).not.toContain(recoveryCodes[0]);
    // the secret is stored sealed (AES-GCM under TOTP_SECRET_KEY): a copy of the table does not give the codes
    expect(row.totpSecret).toMatch(/^v1\./);
    expect(row.totpSecret).not.toContain(totpSecret);
    await t.http.post('/api/v1/auth/officers/totp/enroll').set(bearer(adminToken)).expect(409);
  });

  it('the administrator now signs in with the second factor; a code is good once; a recovery code once', async () => {
    const first = await login('chief.admin', ADMIN_PASSWORD).expect(200);
    expect(first.body).toEqual({ mfaRequired: true, mfaToken: expect.any(String) });
    // the step token is not an access token
    await t.http.get('/api/v1/auth/me').set(bearer(first.body.mfaToken)).expect(401);
    await t.http.post('/api/v1/auth/officers/login/totp').send({ mfaToken: first.body.mfaToken, code: '12345' }).expect(422);
    // the current step's code was spent on enrolment; the next step's is within the ±1 window
    const next = totpCode(base32Decode(totpSecret), Date.now() / 1000 + 30);
    const signedIn = await t.http.post('/api/v1/auth/officers/login/totp').send({ mfaToken: first.body.mfaToken, code: next }).expect(200);
    expect(signedIn.body).toMatchObject({ accessToken: expect.any(String), officer: { username: 'chief.admin', roles: ['admin'] } });
    adminToken = signedIn.body.accessToken;
    const replay = await t.http.post('/api/v1/auth/officers/login/totp').send({ mfaToken: first.body.mfaToken, code: next }).expect(401);
    expect(replay.body.detail).toBe('The code is wrong or was already used.');
    const again = await login('chief.admin', ADMIN_PASSWORD).expect(200);
    await t.http.post('/api/v1/auth/officers/login/totp').send({ mfaToken: again.body.mfaToken, code: recoveryCodes[0].toUpperCase() }).expect(200);
    await t.http.post('/api/v1/auth/officers/login/totp').send({ mfaToken: again.body.mfaToken, code: recoveryCodes[0] }).expect(401);
    // the failures above counted towards the lockout; a success cleared them
    expect((await t.db.getRepository(OfficerEntity).findOneByOrFail({ username: 'chief.admin' })).failedLogins).toBe(1);
  });

  it('the administrator creates a unit administrator for Quận Hoàn Kiếm, who must change the temporary password', async () => {
    const res = await t.http
      .post('/api/v1/admin/officers')
      .set(bearer(adminToken))
      .send({ username: 'qt.hoankiem', fullName: 'Lý Thị Quản', agencyCode: AGENCY.hoanKiem, roles: ['unit_admin'] })
      .expect(201);
    expect(res.body).toMatchObject({
      username: 'qt.hoankiem',
      roles: ['unit_admin'],
      agencyCode: AGENCY.hoanKiem,
      unitCode: '002',
      active: true,
      passwordChangeRequired: true,
      secondFactor: false,
    });
    expect(res.body.temporaryPassword).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{16}$/);
    expect(res.body).not.toHaveProperty('passwordHash');
    unitAdminId = res.body.id;
    unitAdminToken = await firstSignIn('qt.hoankiem', res.body.temporaryPassword, UNIT_ADMIN_PASSWORD);
  });

  it.each([
    ['receiving officer', 'tn2.trangtien', AGENCY.trangTienDesk, ['receiving_officer']],
    ['specialist', 'cv2.trangtien', AGENCY.trangTienJustice, ['specialist']],
    ['leader', 'ld2.trangtien', AGENCY.trangTienCommittee, ['leader']],
  ])('the unit administrator creates a %s for Phường Tràng Tiền', async (_label, username, agencyCode, roles) => {
    const res = await t.http
      .post('/api/v1/admin/officers')
      .set(bearer(unitAdminToken))
      .send({ username, fullName: `Cán bộ ${username}`, agencyCode, roles })
      .expect(201);
    expect(res.body).toMatchObject({ username, agencyCode, roles, unitCode: '00079', passwordChangeRequired: true });
    created[username] = { id: res.body.id, temporaryPassword: res.body.temporaryPassword };
  });

  it.each([
    [
      'an agency outside his unit (403 on agencyCode)',
      { username: 'x1.stp', fullName: 'X', agencyCode: AGENCY.justiceDepartment, roles: ['specialist'] },
      403,
      'agencyCode',
    ],
    ["the city People's Committee (403 on agencyCode)", { username: 'x2.city', fullName: 'X', agencyCode: AGENCY.city, roles: ['leader'] }, 403, 'agencyCode'],
    ['the admin role (403 on roles)', { username: 'x3.trangtien', fullName: 'X', agencyCode: AGENCY.trangTienDesk, roles: ['admin'] }, 403, 'roles'],
    ['a taken username (409)', { username: 'TN.TrangTien', fullName: 'X', agencyCode: AGENCY.trangTienDesk, roles: ['receiving_officer'] }, 409, 'username'],
    [
      'a weak password (422 on password)',
      { username: 'x4.trangtien', fullName: 'X', agencyCode: AGENCY.trangTienDesk, roles: ['specialist'], password: 'Trangtien@2026' },
      422,
      'password',
    ],
    [
      'a password in the common list (422 on password)',
      { username: 'x5.trangtien', fullName: 'X', agencyCode: AGENCY.trangTienDesk, roles: ['specialist'], password: 'qwertyuiop123' },
      422,
      'password',
    ],
    [
      'a short password (422 on password)',
      { username: 'x6.trangtien', fullName: 'X', agencyCode: AGENCY.trangTienDesk, roles: ['specialist'], password: 'Xk9#mP2$vL7' },
      422,
      'password',
    ],
    [
      'an unknown agency (422 on agencyCode)',
      { username: 'x7.trangtien', fullName: 'X', agencyCode: '999.35.22.H26', roles: ['specialist'] },
      422,
      'agencyCode',
    ],
    [
      'a null password (422 on password)',
      { username: 'x9.trangtien', fullName: 'X', agencyCode: AGENCY.trangTienDesk, roles: ['specialist'], password: null },
      422,
      'password',
    ],
    ['an unknown role (422 on roles)', { username: 'x8.trangtien', fullName: 'X', agencyCode: AGENCY.trangTienDesk, roles: ['superuser'] }, 422, 'roles'],
  ])('the unit administrator is refused %s, and nothing changes', async (_label, body, status, field) => {
    const before = await officers();
    const res = await t.http.post('/api/v1/admin/officers').set(bearer(unitAdminToken)).send(body).expect(status);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    expect(JSON.stringify(res.body)).not.toContain('Xk9#mP2');
    expect(await officers()).toBe(before);
  });

  it('the unit administrator sees his unit only: Tràng Tiền and Hoàn Kiếm, not the department nor the city', async () => {
    const list = await t.http.get('/api/v1/admin/officers?limit=200').set(bearer(unitAdminToken)).expect(200);
    const usernames = list.body.map((o: { username: string }) => o.username);
    expect(usernames).toEqual(expect.arrayContaining(['tn.trangtien', 'ld.hoankiem', 'qt.hoankiem', 'tn2.trangtien', 'cv2.trangtien', 'ld2.trangtien']));
    expect(usernames).not.toContain('tn.stp');
    expect(usernames).not.toContain('chief.admin');
    await t.http.get(`/api/v1/admin/officers/${adminId}`).set(bearer(unitAdminToken)).expect(404);
    await t.http.patch(`/api/v1/admin/officers/${adminId}`).set(bearer(unitAdminToken)).send({ active: false }).expect(404);
    await t.http.post(`/api/v1/admin/officers/${adminId}/password-reset`).set(bearer(unitAdminToken)).send({}).expect(404);
    await t.http.get('/api/v1/admin/officers/not-a-uuid').set(bearer(unitAdminToken)).expect(404);
    const byAgency = await t.http.get(`/api/v1/admin/officers?agencyCode=${AGENCY.trangTienDesk}`).set(bearer(unitAdminToken)).expect(200);
    expect(byAgency.body.map((o: { username: string }) => o.username)).toEqual(['tn.trangtien', 'tn2.trangtien']);
    // a leader is no administrator of accounts
    const leader = (await login('ld.hoankiem', 'Test@12345')).body.accessToken;
    await t.http.get('/api/v1/admin/officers').set(bearer(leader)).expect(403);
  });

  it('the new receiving officer signs in, changes the password and accepts a submitted dossier', async () => {
    const token = await firstSignIn('tn2.trangtien', created['tn2.trangtien'].temporaryPassword, DESK_PASSWORD);
    const citizen = await citizenToken(t.http, t.db);
    const phone = `0${citizen.phone.slice(2)}`;
    const body = await submissionFor(t.http, citizen.token, phone, {
      code: '1.001193',
      agencyCode: DESKS.trangTien,
      form: birthRegistrationForm(phone),
      components: ['TK', 'GCS', 'GTTT'],
    });
    const submitted = await t.http.post('/api/v1/dossiers').set(bearer(citizen.token)).send(body).expect(201);
    const accepted = await t.http
      .post(`/api/v1/dossiers/${submitted.body.code}/accept`)
      .set(bearer(token))
      .send({ version: submitted.body.version })
      .expect(200);
    expect(accepted.body.status).toBe('received');
    const history = await t.http.get(`/api/v1/dossiers/${submitted.body.code}/history`).set(bearer(token)).expect(200);
    expect(JSON.stringify(history.body)).toContain('tn2.trangtien');
  });

  it('moves, role changes, deactivation and reactivation; a refused change leaves the account as it was', async () => {
    const specialist = created['cv2.trangtien'].id;
    const moved = await t.http
      .patch(`/api/v1/admin/officers/${specialist}`)
      .set(bearer(unitAdminToken))
      .send({ agencyCode: AGENCY.trangTienCadastre, roles: ['specialist', 'leader'] })
      .expect(200);
    expect(moved.body).toMatchObject({ agencyCode: AGENCY.trangTienCadastre, roles: ['specialist', 'leader'] });
    const before = await t.db.getRepository(OfficerEntity).findOneByOrFail({ id: specialist });
    await t.http.patch(`/api/v1/admin/officers/${specialist}`).set(bearer(unitAdminToken)).send({ agencyCode: AGENCY.justiceDepartment }).expect(403);
    await t.http
      .patch(`/api/v1/admin/officers/${specialist}`)
      .set(bearer(unitAdminToken))
      .send({ roles: ['admin'], fullName: 'Đổi tên' })
      .expect(403);
    await t.http.patch(`/api/v1/admin/officers/${specialist}`).set(bearer(unitAdminToken)).send({ username: 'renamed' }).expect(422);
    await t.http.patch(`/api/v1/admin/officers/${specialist}`).set(bearer(unitAdminToken)).send({ roles: [] }).expect(422);
    await t.http.patch(`/api/v1/admin/officers/${specialist}`).set(bearer(unitAdminToken)).send({ fullName: null, active: null }).expect(422);
    expect(await t.db.getRepository(OfficerEntity).findOneByOrFail({ id: specialist })).toEqual(before);

    // deactivating ends the officer's tokens at once; reactivating lets them sign in again
    const leaderToken = await firstSignIn('ld2.trangtien', created['ld2.trangtien'].temporaryPassword, 'sông Hồng chiều nay gió');
    await t.http.get('/api/v1/auth/me').set(bearer(leaderToken)).expect(200);
    const leader = created['ld2.trangtien'].id;
    expect((await t.http.patch(`/api/v1/admin/officers/${leader}`).set(bearer(unitAdminToken)).send({ active: false }).expect(200)).body.active).toBe(false);
    await t.http.get('/api/v1/auth/me').set(bearer(leaderToken)).expect(401);
    await login('ld2.trangtien', 'sông Hồng chiều nay gió').expect(401);
    await t.http.patch(`/api/v1/admin/officers/${leader}`).set(bearer(unitAdminToken)).send({ active: true }).expect(200);
    await login('ld2.trangtien', 'sông Hồng chiều nay gió').expect(200);

    // nobody deactivates himself or changes his own roles
    await t.http.patch(`/api/v1/admin/officers/${unitAdminId}`).set(bearer(unitAdminToken)).send({ active: false }).expect(403);
    await t.http
      .patch(`/api/v1/admin/officers/${adminId}`)
      .set(bearer(adminToken))
      .send({ roles: ['leader'] })
      .expect(403);
  });

  it('wrong passwords from many addresses lock the account; a reset lifts it and forces a change', async () => {
    const locked = await app({ TRUST_PROXY: 'true', OFFICER_LOCKOUT_MAX_FAILURES: '5' });
    try {
      const attempt = (password: string, i: number) =>
        locked.http.post('/api/v1/auth/officers/login').set('X-Forwarded-For', `198.51.100.${i}`).send({ username: 'cv2.trangtien', password });
      // cv2.trangtien still holds the temporary password
      for (let i = 1; i <= 5; i++) await attempt('not the password at all', i).expect(401);
      const refused = await attempt(created['cv2.trangtien'].temporaryPassword, 6).expect(429);
      expect(refused.body.detail).toBe('Too many failed sign-ins: this account is locked for 15 more minutes.');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(890);
      // other accounts are not affected
      await locked.http
        .post('/api/v1/auth/officers/login')
        .set('X-Forwarded-For', '198.51.100.1')
        .send({ username: 'tn.trangtien', password: 'Test@12345' })
        .expect(200);
      const reset = await t.http.post(`/api/v1/admin/officers/${created['cv2.trangtien'].id}/password-reset`).set(bearer(unitAdminToken)).send({}).expect(200);
      expect(reset.body).toEqual({ temporaryPassword: expect.stringMatching(/^[a-km-zA-HJ-NP-Z2-9]{16}$/), passwordChangeRequired: true });
      await attempt(created['cv2.trangtien'].temporaryPassword, 7).expect(401);
      const next = await attempt(reset.body.temporaryPassword, 8).expect(200);
      expect(next.body).toEqual({ passwordChangeRequired: true, changeToken: expect.any(String) });
    } finally {
      await locked.close();
    }
  });

  it('a reset with resetSecondFactor drops the TOTP of an officer who lost the phone', async () => {
    const res = await t.http
      .post('/api/v1/admin/officers')
      .set(bearer(adminToken))
      .send({ username: 'qt2.hoankiem', fullName: 'Quản Trị Hai', agencyCode: AGENCY.hoanKiem, roles: ['unit_admin'] })
      .expect(201);
    await t.db
      .getRepository(OfficerEntity)
      .update({ id: res.body.id }, { totpSecret: 'JBSWY3DPEHPK3PXP', totpEnabledAt: new Date(), recoveryCodeHashes: ['x'] });
    await t.http.post(`/api/v1/admin/officers/${res.body.id}/password-reset`).set(bearer(adminToken)).send({ resetSecondFactor: true }).expect(200);
    expect(await t.db.getRepository(OfficerEntity).findOneByOrFail({ id: res.body.id })).toMatchObject({
      totpSecret: null,
      totpEnabledAt: null,
      recoveryCodeHashes: [],
      passwordChangeRequired: true,
    });
    const gone = await t.http.get(`/api/v1/admin/officers/${res.body.id}`).set(bearer(adminToken)).expect(200);
    expect(gone.body.secondFactor).toBe(false);
  });
});

describe('MFA_ENFORCE: leaders and administrators enrol before they get an access token', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await app({ MFA_ENFORCE: 'true' });
  });
  afterAll(() => t.close());

  it('a leader without a second factor gets an enrolment token, enrols with it, and is then signed in', async () => {
    const admin = (await t.http.post('/api/v1/auth/officers/login').send({ username: 'admin', password: 'Test@12345' }).expect(200)).body;
    expect(admin).toEqual({ mfaEnrolmentRequired: true, enrolmentToken: expect.any(String) });
    // an account of its own: the demo leaders must stay usable by the suites running beside this one
    await t.db.getRepository(OfficerEntity).save({
      username: 'ld.mfa',
      fullName: 'Lãnh Đạo',
      agencyCode: '000.00.01.H26',
      roles: ['leader'],
      passwordHash: await hashPassword('Test@12345'),
      active: true,
    });
    const first = await t.http.post('/api/v1/auth/officers/login').send({ username: 'ld.mfa', password: 'Test@12345' }).expect(200);
    expect(first.body).toEqual({ mfaEnrolmentRequired: true, enrolmentToken: expect.any(String) });
    const enrolment = first.body.enrolmentToken as string;
    await t.http.get('/api/v1/auth/me').set(bearer(enrolment)).expect(401);
    await t.http.get('/api/v1/dossiers').set(bearer(enrolment)).expect(401);
    const secret = (await t.http.post('/api/v1/auth/officers/totp/enroll').set(bearer(enrolment)).expect(200)).body.secret as string;
    const done = await t.http
      .post('/api/v1/auth/officers/totp/verify')
      .set(bearer(enrolment))
      .send({ code: totpCode(base32Decode(secret), Date.now() / 1000) })
      .expect(200);
    expect(done.body).toMatchObject({
      recoveryCodes: expect.any(Array),
      accessToken: expect.any(String),
      csrfToken: expect.any(String),
      officer: { username: 'ld.mfa' },
    });
    // the portal enrols during its sign-in too: the answer carries the HttpOnly session cookie of the new token
    expect(String(done.headers['set-cookie'])).toMatch(new RegExp(`^dvc_officer_session=${done.body.accessToken};.*HttpOnly`));
    await t.http.get('/api/v1/auth/me').set(bearer(done.body.accessToken)).expect(200);
    // a receiving officer is not in MFA_REQUIRED_ROLES
    expect((await t.http.post('/api/v1/auth/officers/login').send({ username: 'tn.stp', password: 'Test@12345' }).expect(200)).body.accessToken).toEqual(
      expect.any(String),
    );
  });
});

describe('sign-in limits sized for a commune office behind one NAT address', () => {
  let t: TestApp;
  beforeAll(async () => {
    // the production defaults, not the test suite's 10,000
    t = await app({ AUTH_RATE_LIMIT_PER_MINUTE: '20', AUTH_ADDRESS_RATE_LIMIT_PER_MINUTE: '300' });
  });
  afterAll(() => t.close());

  it('30 officers of one address sign in within a minute; one username retried from it is limited after 20', async () => {
    const password = 'giờ làm việc bảy giờ ba mươi';
    const usernames = Array.from({ length: 30 }, (_, i) => `nat${String(i + 1).padStart(2, '0')}.trangtien`);
    // rows written directly (one argon2 hash for all): what is measured is the sign-in, not the creation
    const passwordHash = await hashPassword(password);
    await t.db.getRepository(OfficerEntity).insert(
      usernames.map((username) => ({
        username,
        fullName: `Cán bộ ${username}`,
        agencyCode: DESKS.trangTien,
        roles: ['receiving_officer' as const],
        passwordHash,
        active: true,
      })),
    );
    const started = Date.now();
    const results = [];
    for (let i = 0; i < usernames.length; i += 5) {
      results.push(
        ...(await Promise.all(usernames.slice(i, i + 5).map((username) => t.http.post('/api/v1/auth/officers/login').send({ username, password })))),
      );
    }
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(results.map((r) => r.status)).toEqual(Array(30).fill(200));
    const retries = [];
    for (let i = 0; i < 21; i++) retries.push((await t.http.post('/api/v1/auth/officers/login').send({ username: 'no.such.officer', password: 'x' })).status);
    expect(retries).toEqual([...Array(20).fill(401), 429]);
  }, 120_000);

  it('the address alone has a ceiling too', async () => {
    const small = await app({ AUTH_RATE_LIMIT_PER_MINUTE: '20', AUTH_ADDRESS_RATE_LIMIT_PER_MINUTE: '5' });
    try {
      const statuses = [];
      for (let i = 0; i < 6; i++) statuses.push((await small.http.post('/api/v1/auth/officers/login').send({ username: `nobody${i}`, password: 'x' })).status);
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    } finally {
      await small.close();
    }
  });
});
