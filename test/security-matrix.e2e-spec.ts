import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { JwtService } from '@nestjs/jwt';
import { signVnpay } from '@dvc/core';
import { hashPassword } from '@dvc/identity';
import { OutboxMessageEntity } from '@dvc/outbox';
import { PaymentEntity } from '@dvc/payments';
import {
  birthRegistrationForm,
  citizenToken,
  DEMO_PASSWORD_FOR_TESTS,
  DESKS,
  householdBusinessForm,
  judicialRecordForm,
  landTransferForm,
  lastOtpFor,
  startTestApp,
  submissionFor,
  TestApp,
  transcriptForm,
  uniquePhone,
} from '@dvc/testing';
import { ACCESS_RULES, admits } from './sweep/access-rules';
import { forgeriesOf } from './sweep/forged-tokens';
import { operationsOf, type Operation } from './sweep/openapi-operations';
import { dossierRequests } from './sweep/security-fixtures';
import { IDENTITIES, type Identity } from './sweep/sweep-fixtures';

const VNPAY_SECRET = 'SECURITY-MATRIX-VNPAY-0123456789abcdef';
const TMN = 'DVCHN001';
const OFFICERS = [
  'tn.trangtien',
  'cv.trangtien',
  'ld.trangtien',
  'tn.hoankiem',
  'cv.hoankiem',
  'ld.hoankiem',
  'tn.stp',
  'cv.stp',
  'ld.stp',
  'cv.sotnmt',
  'ld.sotnmt',
  'admin',
];
/** A caller per identity for the access rules: Tràng Tiền's officers and the administrator. */
const AS_IDENTITY: Record<Exclude<Identity, 'anonymous' | 'citizen'>, string> = {
  receiving_officer: 'tn.trangtien',
  specialist: 'cv.trangtien',
  leader: 'ld.trangtien',
  admin: 'admin',
};

type Http = TestApp['http'];

describe('security matrix', () => {
  let t: TestApp;
  let operations: Operation[];
  const tokens: Record<string, string> = {};
  const officerIds: Record<string, string> = {};
  let owner: { token: string; phone: string };
  let stranger: { token: string; phone: string };
  /** A dossier now at each kind of unit, with the officers of that scope and a file attached to it. */
  const dossiers: Record<'commune' | 'district' | 'department', { code: string; fileId: string; readers: string[] }> = {} as never;
  /** Registered at Hoàn Kiếm's desk, now with the Department of Natural Resources: Hoàn Kiếm reads it from its route. */
  let passedOn: { code: string; fileId: string };
  let requests = 0;

  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

  async function login(http: Http, username: string) {
    const res = await http.post('/api/v1/auth/officers/login').send({ username, password: DEMO_PASSWORD_FOR_TESTS });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
    return res.body as { accessToken: string; officer: { id: string } };
  }

  beforeAll(async () => {
    t = await startTestApp({ VNPAY_HASH_SECRET: VNPAY_SECRET, VNPAY_TMN_CODE: TMN, SMS_PROVIDER: 'log' }, { listen: true });
    // One listening server with keep-alive connections: the matrix sends a few thousand requests.
    t.http = request(t.baseUrl!);
    for (const u of OFFICERS) {
      const { accessToken, officer } = await login(t.http, u);
      tokens[u] = accessToken;
      officerIds[u] = officer.id;
    }
    owner = await citizenToken(t.http, t.db);
    stranger = await citizenToken(t.http, t.db);
    const phone = `0${owner.phone.slice(2)}`;
    // Tràng Tiền (commune): birth registration, received by its desk; the route never leaves the commune.
    const birth = await submissionFor(t.http, owner.token, phone, {
      code: '1.001193',
      agencyCode: DESKS.trangTien,
      form: birthRegistrationForm(phone),
      components: ['TK', 'GCS', 'GTTT'],
    });
    const commune = (await t.http.post('/api/v1/dossiers').set(bearer(owner.token)).send(birth).expect(201)).body;
    await t.http.post(`/api/v1/dossiers/${commune.code}/accept`).set(bearer(tokens['tn.trangtien'])).send({ version: commune.version }).expect(200);
    // Hoàn Kiếm (district): a household business registration submitted online at its desk.
    const business = await submissionFor(t.http, owner.token, phone, {
      code: '1.001612',
      agencyCode: DESKS.hoanKiem,
      form: householdBusinessForm(phone),
      components: ['GDN', 'GTPL'],
    });
    const district = (await t.http.post('/api/v1/dossiers').set(bearer(owner.token)).send(business).expect(201)).body;
    const land = await submissionFor(t.http, tokens['tn.hoankiem'], phone, {
      code: '1.013831',
      agencyCode: DESKS.hoanKiem,
      form: landTransferForm(phone),
      components: ['DON', 'GCN', 'HD', 'TK_THUE'],
    });
    const registered = (await t.http.post('/api/v1/desk/dossiers').set(bearer(tokens['tn.hoankiem'])).send(land).expect(201)).body;
    expect(registered.currentAgencyCode).toBe('000.00.03.H26');
    // Department of Justice (city): a judicial-record certificate submitted online at its own desk.
    const record = await submissionFor(t.http, owner.token, phone, {
      code: '2.000488',
      agencyCode: DESKS.departmentOfJustice,
      form: judicialRecordForm(phone),
      components: ['TK', 'CCCD'],
    });
    const department = (await t.http.post('/api/v1/dossiers').set(bearer(owner.token)).send(record).expect(201)).body;
    const fileOf = (body: { components: { fileIds: string[] }[] }) => body.components[0].fileIds[0];
    dossiers.commune = { code: commune.code, fileId: fileOf(birth), readers: ['tn.trangtien', 'cv.trangtien', 'ld.trangtien'] };
    dossiers.district = { code: district.code, fileId: fileOf(business), readers: ['tn.hoankiem', 'cv.hoankiem', 'ld.hoankiem'] };
    passedOn = { code: registered.code, fileId: fileOf(land) };
    dossiers.department = { code: department.code, fileId: fileOf(record), readers: ['tn.stp', 'cv.stp', 'ld.stp'] };
    operations = operationsOf((await t.http.get('/docs-json').expect(200)).body);
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    console.log(`security matrix: ${operations?.length ?? 0} operations, ${requests} requests`);
  });

  /** A request with a method and path taken from the OpenAPI document. */
  function call(method: string, path: string, token: string | null, body?: unknown) {
    requests += 1;
    const req = t.http[method.toLowerCase() as 'get' | 'post' | 'put'](path);
    if (token !== null) req.set(bearer(token));
    return body === undefined ? req : req.send(body as object);
  }

  it('every operation in the OpenAPI document has an access rule, and every rule an operation', () => {
    const documented = operations.map((op) => op.id);
    expect(documented.filter((id) => !(id in ACCESS_RULES))).toEqual([]);
    expect(Object.keys(ACCESS_RULES).filter((id) => !documented.includes(id))).toEqual([]);
  });

  it('the guard refuses every operation to anonymous callers (401), citizens, officers and roles it is not meant for (403)', async () => {
    const wrong: string[] = [];
    for (const op of operations) {
      const rule = ACCESS_RULES[op.id];
      if (!rule) continue;
      const path = op.path.replace(/\{[^}]+\}/g, 'x');
      for (const who of IDENTITIES) {
        const token = who === 'anonymous' ? null : who === 'citizen' ? owner.token : tokens[AS_IDENTITY[who]];
        const res = await call(op.method, path, token);
        const refused = res.status === 401 || res.status === 403;
        const expected = admits(rule, who) ? 'through' : who === 'anonymous' ? 401 : 403;
        if (expected === 'through' ? refused : res.status !== expected) wrong.push(`${op.id} as ${who}: ${res.status}, expected ${expected}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  describe("another unit's dossier is a 404 on every dossier route, exactly like a dossier that does not exist", () => {
    /** A well-formed code no dossier has; its answers are asked once per caller and route. */
    const NONE = '001.35.22.H26-261125-990001';
    const noneAnswers = new Map<string, Promise<{ status: number; body: string }>>();
    const answerForNone = (r: { method: string; path: string; body?: unknown }, code: string, token: string) => {
      const path = r.path.replace(code, NONE);
      const key = `${token} ${r.method} ${path}`;
      if (!noneAnswers.has(key))
        noneAnswers.set(
          key,
          call(r.method, path, token, r.body).then((res) => ({
            status: res.status,
            body: JSON.stringify(res.body ?? null)
              .split(NONE)
              .join('<code>'),
          })),
        );
      return noneAnswers.get(key)!;
    };

    async function compare(kind: keyof typeof dossiers, token: string, who: string): Promise<string[]> {
      const d = dossiers[kind];
      const version = (await call('GET', `/api/v1/dossiers/${d.code}`, tokens[d.readers[0]])).body.version as number;
      const wrong: string[] = [];
      for (const r of dossierRequests(operations, { code: d.code, fileId: d.fileId, version, specialistId: officerIds['cv.trangtien'] })) {
        const real = await call(r.method, r.path, token, r.body);
        const none = await answerForNone(r, d.code, token);
        // Indistinguishable: same status and the same problem details once the codes are blanked out.
        const same =
          JSON.stringify(real.body ?? null)
            .split(d.code)
            .join('<code>') === none.body;
        if (real.status !== none.status || ![403, 404].includes(real.status) || !same) {
          wrong.push(`${who} ${r.method} ${r.path}: ${real.status} (no such dossier: ${none.status}) ${JSON.stringify(real.body).slice(0, 120)}`);
        }
      }
      const after = (await call('GET', `/api/v1/dossiers/${d.code}`, tokens[d.readers[0]]).expect(200)).body;
      if (after.version !== version) wrong.push(`${who}: the dossier changed (version ${version} → ${after.version})`);
      return wrong;
    }

    it.each([
      ['commune', "Hoàn Kiếm's, the departments' officers and the administrator"],
      ['district', "Tràng Tiền's, the departments' officers and the administrator"],
      ['department', "Tràng Tiền's, Hoàn Kiếm's, the other department's officers and the administrator"],
    ] as const)('a %s dossier: %s', async (kind, _who) => {
      const wrong: string[] = [];
      for (const u of OFFICERS.filter((o) => !dossiers[kind].readers.includes(o))) wrong.push(...(await compare(kind, tokens[u], u)));
      expect(wrong).toEqual([]);
    });

    it('another citizen, on every dossier route of all three', async () => {
      const wrong: string[] = [];
      for (const kind of ['commune', 'district', 'department'] as const) wrong.push(...(await compare(kind, stranger.token, 'another citizen')));
      expect(wrong).toEqual([]);
    });

    it('officers who read a dossier only because its route passed them (the desk that sent it on) cannot act on it', async () => {
      const { code, fileId } = passedOn;
      const version = (await call('GET', `/api/v1/dossiers/${code}`, tokens['cv.sotnmt']).expect(200)).body.version as number;
      const wrong: string[] = [];
      for (const u of ['tn.hoankiem', 'cv.hoankiem', 'ld.hoankiem']) {
        await call('GET', `/api/v1/dossiers/${code}`, tokens[u]).expect(200);
        for (const r of dossierRequests(operations, { code, fileId, version, specialistId: officerIds['cv.hoankiem'] }).filter((x) => x.method !== 'GET')) {
          const res = await call(r.method, r.path, tokens[u], r.body);
          if (![403, 404].includes(res.status)) wrong.push(`${u} ${r.method} ${r.path}: ${res.status} ${JSON.stringify(res.body).slice(0, 120)}`);
        }
      }
      expect((await call('GET', `/api/v1/dossiers/${code}`, tokens['cv.sotnmt'])).body.version).toBe(version);
      expect(wrong).toEqual([]);
    });

    it("the dossiers' own officers and owner do reach them (the 404s above are about scope, not broken requests)", async () => {
      for (const d of Object.values(dossiers)) {
        for (const u of d.readers) await call('GET', `/api/v1/dossiers/${d.code}`, tokens[u]).expect(200);
      }
      await call('GET', `/api/v1/dossiers/${dossiers.commune.code}`, owner.token).expect(200);
      await call('GET', `/api/v1/dossiers/${dossiers.department.code}/history`, owner.token).expect(200);
    });
  });

  it("worklists, colleague lists, reports and files stay inside the caller's scope", async () => {
    for (const [kind, d] of Object.entries(dossiers)) {
      for (const u of OFFICERS) {
        const list = await call('GET', `/api/v1/dossiers?limit=100&q=${encodeURIComponent(d.code)}`, tokens[u]).expect(200);
        const listed = list.body.items.some((i: { code: string }) => i.code === d.code);
        expect({ u, kind, listed }).toEqual({ u, kind, listed: d.readers.includes(u) });
      }
    }
    const theirs = (await call('GET', '/api/v1/dossiers?limit=100', stranger.token).expect(200)).body.items.map((i: { code: string }) => i.code);
    expect(theirs.filter((c: string) => Object.values(dossiers).some((d) => d.code === c))).toEqual([]);

    const colleagues = (await call('GET', '/api/v1/officers', tokens['ld.hoankiem']).expect(200)).body.map((o: { username: string }) => o.username);
    expect(colleagues.sort()).toEqual(['cv.hoankiem', 'ld.hoankiem', 'tn.hoankiem']);

    const period = 'from=2026-01-01T00:00:00%2B07:00&to=2027-01-01T00:00:00%2B07:00';
    await call('GET', `/api/v1/reports/processing?unitCode=002&${period}`, tokens['ld.trangtien']).expect(404);
    await call('GET', `/api/v1/reports/processing?unitCode=01&${period}`, tokens['ld.hoankiem']).expect(404);
    await call('GET', `/api/v1/reports/processing?unitCode=00079&${period}`, tokens['ld.hoankiem']).expect(200);
    await call('GET', `/api/v1/reports/processing?unitCode=00079&${period}`, tokens['ld.trangtien']).expect(200);
    // A city department is one agency of the city: its leader reads neither the city nor its districts or communes.
    for (const leader of ['ld.stp', 'ld.sotnmt']) {
      for (const unit of ['01', '002', '00079']) await call('GET', `/api/v1/reports/processing?unitCode=${unit}&${period}`, tokens[leader]).expect(404);
    }
    await call('GET', `/api/v1/reports/processing?unitCode=002&${period}`, tokens['ld.hoankiem']).expect(200);
    await call('GET', `/api/v1/reports/processing?unitCode=01&${period}`, tokens.admin).expect(200);

    // A dossier's files: its owner and the officers who read it; anyone else gets the answer for a file that does not exist.
    const files: string[] = [];
    for (const [kind, d] of [
      ...Object.entries(dossiers),
      ['passed on', { ...passedOn, readers: ['tn.hoankiem', 'cv.hoankiem', 'ld.hoankiem', 'cv.sotnmt', 'ld.sotnmt'] as string[] }] as const,
    ]) {
      for (const [who, token] of [...OFFICERS.map((u) => [u, tokens[u]]), ['another citizen', stranger.token]]) {
        const res = await call('GET', `/api/v1/files/${d.fileId}`, token);
        const noneId = randomUUID();
        const none = await call('GET', `/api/v1/files/${noneId}`, token);
        const expected = d.readers.includes(who) ? 200 : 404;
        const sameAsNone = expected === 200 || JSON.stringify(res.body).split(d.fileId).join('<id>') === JSON.stringify(none.body).split(noneId).join('<id>');
        if (res.status !== expected || !sameAsNone) files.push(`${who} on a ${kind} dossier's file: ${res.status}, expected ${expected}`);
      }
    }
    expect(files).toEqual([]);
    await call('GET', `/api/v1/files/${dossiers.commune.fileId}`, owner.token).expect(200);
  });

  describe("the applicant's phone (notices and access by phone)", () => {
    const tableCounts = async () =>
      (
        await t.db.query(
          `SELECT (SELECT count(*)::int FROM dossiers) AS dossiers, (SELECT count(*)::int FROM dossier_events) AS events, (SELECT count(*)::int FROM outbox) AS outbox`,
        )
      )[0];

    it("online, the applicant's phone must be the signed-in citizen's: someone else's number is a 422 that writes nothing", async () => {
      const victim = `0${owner.phone.slice(2)}`;
      const body = await submissionFor(t.http, stranger.token, victim, {
        code: '1.001193',
        agencyCode: DESKS.trangTien,
        form: birthRegistrationForm(victim),
        components: ['TK', 'GCS', 'GTTT'],
      });
      const before = await tableCounts();
      const res = await call('POST', '/api/v1/dossiers', stranger.token, body).expect(422);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['applicant.phone']);
      expect(await tableCounts()).toEqual(before);
      // Any spelling of the citizen's own number is theirs.
      const own = await submissionFor(t.http, stranger.token, `+84${stranger.phone.slice(2)}`, {
        code: '1.001193',
        agencyCode: DESKS.trangTien,
        form: birthRegistrationForm(`0${stranger.phone.slice(2)}`),
        components: ['TK', 'GCS', 'GTTT'],
      });
      await call('POST', '/api/v1/dossiers', stranger.token, own).expect(201);
    });

    it('an online dossier is not reached through its applicant phone: only its owner reads, lists and withdraws it', async () => {
      // As if filed before the rule above, with the stranger's phone as the applicant's.
      const code = dossiers.district.code;
      const [{ applicant_phone: kept }] = await t.db.query(`SELECT applicant_phone FROM dossiers WHERE code = $1`, [code]);
      await t.db.query(`UPDATE dossiers SET applicant_phone = $2 WHERE code = $1`, [code, stranger.phone]);
      try {
        await call('GET', `/api/v1/dossiers/${code}`, stranger.token).expect(404);
        await call('GET', `/api/v1/dossiers/${code}/history`, stranger.token).expect(404);
        await call('GET', `/api/v1/dossiers/${code}/results`, stranger.token).expect(404);
        const version = (await call('GET', `/api/v1/dossiers/${code}`, owner.token).expect(200)).body.version as number;
        await call('POST', `/api/v1/dossiers/${code}/withdraw`, stranger.token, { version, reason: 'x' }).expect(404);
        const listed = (await call('GET', '/api/v1/dossiers?limit=100', stranger.token).expect(200)).body.items.map((i: { code: string }) => i.code);
        expect(listed).not.toContain(code);
        expect((await call('GET', `/api/v1/dossiers/${code}`, owner.token).expect(200)).body.version).toBe(version);
      } finally {
        await t.db.query(`UPDATE dossiers SET applicant_phone = $2 WHERE code = $1`, [code, kept]);
      }
    });

    it('a dossier registered at a desk is reached by the citizen whose phone the officer recorded, and by nobody else', async () => {
      await call('GET', `/api/v1/dossiers/${passedOn.code}`, owner.token).expect(200);
      const mine = (await call('GET', '/api/v1/dossiers?limit=100', owner.token).expect(200)).body.items.map((i: { code: string }) => i.code);
      expect(mine).toContain(passedOn.code);
      await call('GET', `/api/v1/dossiers/${passedOn.code}`, stranger.token).expect(404);
    });
  });

  describe('tokens', () => {
    it.each([
      ['an administrator', 'admin', ['/api/v1/auth/me', '/api/v1/dossiers', '/api/v1/admin/payments/mismatches']],
      ['a citizen', 'citizen', ['/api/v1/auth/me', '/api/v1/dossiers']],
    ])("every forgery of %s's token is a 401 on each route it opened", async (_label, whose, paths) => {
      const valid = whose === 'citizen' ? owner.token : tokens[whose];
      const wrong: string[] = [];
      for (const path of paths) {
        await call('GET', path, valid).expect(200);
        for (const { label, token } of await forgeriesOf(valid, t.app.get(JwtService))) {
          const res = await call('GET', path, token);
          if (res.status !== 401 || !String(res.headers['content-type']).startsWith('application/problem+json'))
            wrong.push(`${label} on ${path}: ${res.status}`);
        }
      }
      expect(wrong).toEqual([]);
    });

    it("an officer's unit and scope are the account's: a validly signed token claiming another scope is served as the account", async () => {
      const jwt = t.app.get(JwtService);
      const claims = jwt.decode(tokens['tn.trangtien']) as Record<string, unknown>;
      const { iat: _iat, exp: _exp, iss: _iss, ...bare } = claims;
      const other = await jwt.signAsync({ ...bare, scopeCode: '002', unitCode: '002' }, { expiresIn: 600 });
      await call('GET', `/api/v1/dossiers/${dossiers.district.code}`, other).expect(404);
      await call('GET', `/api/v1/dossiers/${dossiers.commune.code}`, other).expect(200);
      const me = (await call('GET', '/api/v1/auth/me', other).expect(200)).body;
      expect(me).toMatchObject({ scopeCode: '00079', unitCode: '00079' });
    });

    it('other schemes and shapes of the Authorization header are a 401', async () => {
      const valid = tokens['tn.trangtien'];
      for (const header of ['Basic dG4udHJhbmd0aWVuOlRlc3RAMTIzNDU=', valid, `Token ${valid}`, 'Bearer', 'Bearer  ', `Bearer ${valid}x`]) {
        requests += 1;
        await t.http.get('/api/v1/auth/me').set('Authorization', header).expect(401);
      }
    });

    it("a citizen's token on officer routes and an officer's on citizen routes are a 403", async () => {
      await call('GET', '/api/v1/officers', owner.token).expect(403);
      await call('GET', '/api/v1/admin/payments/mismatches', owner.token).expect(403);
      await call('POST', '/api/v1/desk/dossiers', owner.token, {}).expect(403);
      await call('POST', '/api/v1/dossiers', tokens['tn.trangtien'], {}).expect(403);
      await call('GET', '/api/v1/reports/usage?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z', tokens['ld.trangtien']).expect(403);
    });

    it("an officer's token stops working the moment the account is deactivated, or its roles or agency change", async () => {
      const username = `sec.${process.pid}.${randomUUID().slice(0, 8)}`;
      await t.db.query(
        `INSERT INTO officers (username, password_hash, full_name, roles, agency_code, active) VALUES ($1, $2, 'Kiểm thử bảo mật', '{receiving_officer}', $3, true)`,
        [username, await hashPassword(DEMO_PASSWORD_FOR_TESTS), DESKS.trangTien],
      );
      try {
        const fresh = async () => (await login(t.http, username)).accessToken;
        const probe = (token: string) => call('GET', `/api/v1/dossiers/${dossiers.commune.code}`, token);

        let token = await fresh();
        await probe(token).expect(200);
        await t.db.query(`UPDATE officers SET active = false WHERE username = $1`, [username]);
        await probe(token).expect(401);
        await call('GET', '/api/v1/auth/me', token).expect(401);
        await t.http.post('/api/v1/auth/officers/login').send({ username, password: DEMO_PASSWORD_FOR_TESTS }).expect(401);

        await t.db.query(`UPDATE officers SET active = true WHERE username = $1`, [username]);
        token = await fresh();
        await t.db.query(`UPDATE officers SET roles = '{specialist}' WHERE username = $1`, [username]);
        await probe(token).expect(401);
        token = await fresh();
        await t.db.query(`UPDATE officers SET agency_code = $2 WHERE username = $1`, [username, DESKS.hoanKiem]);
        await probe(token).expect(401);
        await probe(await fresh()).expect(404);
      } finally {
        await t.db.query(`DELETE FROM officers WHERE username = $1`, [username]);
      }
    });
  });

  describe('phone OTP', () => {
    const otp = (phone: string) => t.http.post('/api/v1/auth/citizens/otp').send({ phone });
    const verify = (phone: string, code: string) => t.http.post('/api/v1/auth/citizens/verify').send({ phone, code });
    /** Moves the last send back in time, as if the resend interval had passed. */
    const age = (normalised: string, seconds: number) =>
      t.db.query(`UPDATE otp_states SET issued_at = issued_at - make_interval(secs => $2) WHERE phone = $1`, [normalised, seconds]);

    it("five wrong guesses, whatever the phone's spelling, void that code but do not lock the owner out: a new code signs in", async () => {
      const phone = uniquePhone();
      // A stranger asks a code for the victim's phone and guesses five times.
      const normalised = (await otp(phone).expect(202)).body.phone as string;
      const spellings = [phone, `+84${phone.slice(1)}`, `84${phone.slice(1)}`, `+84 ${phone.slice(1, 4)} ${phone.slice(4, 7)} ${phone.slice(7)}`];
      let code = await lastOtpFor(t.db, normalised);
      const wrongCode = () => String((Number(code) + 1) % 1_000_000).padStart(6, '0');
      for (const spelling of spellings) await verify(spelling, wrongCode()).expect(401);
      const fifth = await verify(phone, wrongCode()).expect(401);
      expect(fifth.body.detail).toContain('ask for a new one');
      // That code is void, even when right.
      await verify(phone, code).expect(401);
      // The owner asks for a new code (only the resend interval applies) and signs in with it.
      await age(normalised, 61);
      await otp(phone).expect(202);
      code = await lastOtpFor(t.db, normalised);
      const signedIn = await verify(spellings[1], code).expect(200);
      expect(signedIn.body.citizen.phone).toBe(normalised);
      requests += 10;
    });

    it('guesses stay bounded: four wrong at a code still let the right one in, the fifth voids it', async () => {
      const phone = uniquePhone();
      const normalised = (await otp(phone).expect(202)).body.phone as string;
      const code = await lastOtpFor(t.db, normalised);
      const wrongCode = String((Number(code) + 7) % 1_000_000).padStart(6, '0');
      for (let i = 0; i < 4; i++) await verify(phone, wrongCode).expect(401);
      await verify(phone, code).expect(200);
      requests += 6;
    });

    it('a code is sent at most once a minute and five times an hour; refused requests write no SMS', async () => {
      const phone = uniquePhone();
      const normalised = (await otp(phone).expect(202)).body.phone as string;
      const sms = () =>
        t.db.getRepository(OutboxMessageEntity).createQueryBuilder('o').where(`o.kind = 'otp' AND o.payload->>'to' = :p`, { p: normalised }).getCount();
      await otp(phone).expect(429);
      for (let i = 2; i <= 5; i++) {
        await age(normalised, 61);
        await otp(phone).expect(202);
      }
      await age(normalised, 61);
      const sixth = await otp(phone).expect(429);
      expect(sixth.body.detail).toContain('Too many codes');
      expect(await sms()).toBe(5);
      requests += 12;
    });
  });

  describe('VNPay IPN forgery', () => {
    it('bad signature 97, changed amount 04, unknown order 01, replays 02: the payment is paid exactly once', async () => {
      const citizen = await citizenToken(t.http, t.db);
      const phone = `0${citizen.phone.slice(2)}`;
      const body = await submissionFor(t.http, citizen.token, phone, {
        code: '2.000635',
        agencyCode: DESKS.trangTien,
        form: transcriptForm(phone, 1),
        components: ['TK', 'GTTT'],
      });
      const created = (await t.http.post('/api/v1/dossiers').set(bearer(citizen.token)).send(body).expect(201)).body;
      await t.http.post(`/api/v1/dossiers/${created.code}/accept`).set(bearer(tokens['tn.trangtien'])).send({ version: created.version }).expect(200);
      const payment = (await t.http.post(`/api/v1/dossiers/${created.code}/payments`).set(bearer(citizen.token)).send({ gateway: 'vnpay' }).expect(201)).body;
      const base: Record<string, string> = {
        vnp_Amount: '800000',
        vnp_BankCode: 'NCB',
        vnp_OrderInfo: 'Thanh toan',
        vnp_PayDate: '20261125103000',
        vnp_ResponseCode: '00',
        vnp_TmnCode: TMN,
        vnp_TransactionNo: '77000001',
        vnp_TransactionStatus: '00',
        vnp_TxnRef: payment.txnRef,
      };
      const signed = (p: Record<string, string>, secret = VNPAY_SECRET) => ({ ...p, vnp_SecureHash: signVnpay(p, secret) });
      const ipn = async (p: Record<string, string>) => {
        requests += 1;
        return (await t.http.get('/api/v1/payments/vnpay/ipn').query(p).expect(200)).body.RspCode as string;
      };
      const status = async () => (await t.db.getRepository(PaymentEntity).findOneByOrFail({ txnRef: payment.txnRef })).status;

      const forged: [string, Record<string, string>, string][] = [
        ['no signature', base, '97'],
        ['signed with another secret', signed(base, 'guessed-secret-000000000000000000'), '97'],
        ['amount edited after signing', { ...signed(base), vnp_Amount: '100' }, '97'],
        ['response code edited after signing', { ...signed({ ...base, vnp_ResponseCode: '24' }), vnp_ResponseCode: '00' }, '97'],
        ['signature in upper case of another payload', { ...base, vnp_SecureHash: signVnpay({ ...base, vnp_Amount: '1' }, VNPAY_SECRET).toUpperCase() }, '97'],
        ['an extra parameter after signing', { ...signed(base), vnp_Extra: 'x' }, '97'],
        ['a different amount, correctly signed', signed({ ...base, vnp_Amount: '700000' }), '04'],
        ['an unknown order, correctly signed', signed({ ...base, vnp_TxnRef: 'DVC999999999999999' }), '01'],
      ];
      for (const [label, params, expected] of forged) {
        expect({ label, code: await ipn(params) }).toEqual({ label, code: expected });
        expect(await status()).toBe('awaiting');
      }
      expect(await ipn(signed(base))).toBe('00');
      const replays = await Promise.all([
        ipn(signed(base)),
        ipn(signed(base)),
        ipn(signed({ ...base, vnp_TransactionNo: '77000002' })),
        ipn(signed({ ...base, vnp_ResponseCode: '24', vnp_TransactionStatus: '02' })),
      ]);
      expect(replays).toEqual(['02', '02', '02', '02']);
      expect(await status()).toBe('paid');
      const paid = await t.db.query(
        `SELECT (SELECT count(*)::int FROM payments WHERE dossier_id = p.dossier_id AND status = 'paid') AS paid,
                (SELECT count(*)::int FROM dossier_events WHERE dossier_id = p.dossier_id AND action = 'confirm_payment') AS confirmations,
                p.gateway_transaction_no AS txn
         FROM payments p WHERE p.txn_ref = $1`,
        [payment.txnRef],
      );
      expect(paid[0]).toEqual({ paid: 1, confirmations: 1, txn: '77000001' });
    });
  });
});
