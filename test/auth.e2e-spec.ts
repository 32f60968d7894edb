import { JwtService } from '@nestjs/jwt';
import { OtpStateEntity } from '@dvc/identity';
import { OutboxMessageEntity } from '@dvc/outbox';
import { DEMO_PASSWORD_FOR_TESTS, lastOtpFor, startTestApp, TestApp, uniquePhone } from '@dvc/testing';

describe('sign-in', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  describe('officers', () => {
    it.each([
      ['tn.trangtien', ['receiving_officer'], '001.35.22.H26', '00079'],
      ['cv.trangtien', ['specialist'], '002.35.22.H26', '00079'],
      ['ld.trangtien', ['leader'], '000.35.22.H26', '00079'],
      ['tn.hoankiem', ['receiving_officer'], '000.01.22.H26', '002'],
      ['cv.hoankiem', ['specialist'], '000.03.22.H26', '002'],
      ['ld.hoankiem', ['leader'], '000.00.22.H26', '002'],
      ['tn.stp', ['receiving_officer'], '000.00.01.H26', '01'],
      ['cv.stp', ['specialist'], '000.00.01.H26', '01'],
      ['ld.stp', ['leader'], '000.00.01.H26', '01'],
      ['admin', ['admin'], '000.00.00.H26', '01'],
    ])('%s signs in as %j of %s', async (username, roles, agencyCode, unitCode) => {
      const res = await t.http.post('/api/v1/auth/officers/login').send({ username, password: DEMO_PASSWORD_FOR_TESTS }).expect(200);
      expect(res.body.officer).toMatchObject({ username, roles, agencyCode, unitCode });
      expect(res.body.accessToken).toEqual(expect.any(String));
      const me = await t.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${res.body.accessToken}`).expect(200);
      expect(me.body).toMatchObject({ kind: 'officer', username, agencyCode, unitCode });
    });

    it.each([
      ['tn.trangtien', 'wrong-password'],
      ['nobody', DEMO_PASSWORD_FOR_TESTS],
      ['TN.TRANGTIEN', 'demo@2026'],
    ])('%s / %s is 401 with the same message', async (username, password) => {
      const res = await t.http.post('/api/v1/auth/officers/login').send({ username, password }).expect(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body).toMatchObject({ status: 401, detail: 'Wrong username or password.' });
    });
  });

  describe('colleagues', () => {
    it('an officer lists the specialists of their own scope only', async () => {
      const token = (await t.http.post('/api/v1/auth/officers/login').send({ username: 'ld.trangtien', password: DEMO_PASSWORD_FOR_TESTS })).body.accessToken;
      const res = await t.http.get('/api/v1/officers?role=specialist').set('Authorization', `Bearer ${token}`).expect(200);
      expect(res.body.map((o: { username: string }) => o.username)).toEqual(['cv.trangtien']);
      const all = await t.http.get('/api/v1/officers').set('Authorization', `Bearer ${token}`).expect(200);
      expect(all.body.map((o: { username: string }) => o.username).sort()).toEqual(['cv.trangtien', 'ld.trangtien', 'tn.trangtien']);
      await t.http.get('/api/v1/officers').expect(401);
    });
  });

  describe('tokens', () => {
    it('a route that needs sign-in refuses no token, a malformed header, a tampered and an expired token', async () => {
      await t.http.get('/api/v1/auth/me').expect(401);
      await t.http.get('/api/v1/auth/me').set('Authorization', 'Basic abc').expect(401);
      const login = await t.http.post('/api/v1/auth/officers/login').send({ username: 'tn.trangtien', password: DEMO_PASSWORD_FOR_TESTS });
      const [h, p, s] = (login.body.accessToken as string).split('.');
      const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
      const forged = Buffer.from(JSON.stringify({ ...claims, roles: ['admin'] })).toString('base64url');
      await t.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${h}.${forged}.${s}`).expect(401);
      const { exp: _exp, iat: _iat, ...unsigned } = claims;
      const otherKey = await new JwtService({ secret: 'x'.repeat(40) }).signAsync(unsigned as Record<string, unknown>);
      await t.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${otherKey}`).expect(401);
      const jwt = t.app.get(JwtService);
      const expired = await jwt.signAsync(
        {
          sub: claims.sub,
          kind: 'officer',
          username: claims.username,
          roles: claims.roles,
          agencyCode: claims.agencyCode,
          unitCode: claims.unitCode,
          scopeCode: claims.scopeCode,
        },
        { expiresIn: -10 },
      );
      const res = await t.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${expired}`).expect(401);
      expect(res.body.detail).toBe('The access token is invalid or has expired.');
      const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${p}.`;
      await t.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${none}`).expect(401);
    });
  });

  describe('citizens by phone OTP', () => {
    it('sends a code through the outbox, in the same transaction, and signs in with it', async () => {
      const phone = uniquePhone();
      const sent = await t.http.post('/api/v1/auth/citizens/otp').send({ phone }).expect(202);
      const normalised = `84${phone.slice(1)}`;
      expect(sent.body.phone).toBe(normalised);
      const rows = await t.db.getRepository(OutboxMessageEntity).createQueryBuilder('o').where(`o.payload->>'to' = :p`, { p: normalised }).getMany();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ topic: 'sms', kind: 'otp', priority: 1 });
      const state = await t.db.getRepository(OtpStateEntity).findOneByOrFail({ phone: normalised });
      const code = await lastOtpFor(t.db, normalised);
      expect(state.codeHash).toMatch(/^[0-9a-f]{64}$/);
      expect(state.codeHash).not.toContain(code);
      const res = await t.http
        .post('/api/v1/auth/citizens/verify')
        .send({ phone: `+84 ${phone.slice(1)}`, code })
        .expect(200);
      expect(res.body.citizen).toMatchObject({ phone: normalised });
      const me = await t.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${res.body.accessToken}`).expect(200);
      expect(me.body).toMatchObject({ kind: 'citizen', phone: normalised });
      // used once only
      await t.http.post('/api/v1/auth/citizens/verify').send({ phone, code }).expect(401);
    });

    it('an expired code is refused', async () => {
      const phone = uniquePhone();
      const sent = await t.http.post('/api/v1/auth/citizens/otp').send({ phone }).expect(202);
      const code = await lastOtpFor(t.db, sent.body.phone);
      await t.db.getRepository(OtpStateEntity).update({ phone: sent.body.phone }, { expiresAt: new Date(Date.now() - 1000) });
      const res = await t.http.post('/api/v1/auth/citizens/verify').send({ phone, code }).expect(401);
      expect(res.body.detail).toBe('The code is wrong or has expired.');
    });

    it('five wrong codes void that code (even the right one is then refused) without locking the phone: a new code is sent and works', async () => {
      const phone = uniquePhone();
      const sent = await t.http.post('/api/v1/auth/citizens/otp').send({ phone }).expect(202);
      const code = await lastOtpFor(t.db, sent.body.phone);
      const wrong = code === '000000' ? '111111' : '000000';
      for (let i = 0; i < 4; i++) await t.http.post('/api/v1/auth/citizens/verify').send({ phone, code: wrong }).expect(401);
      const fifth = await t.http.post('/api/v1/auth/citizens/verify').send({ phone, code: wrong }).expect(401);
      expect(fifth.body.detail).toBe('The code is wrong; it was the last try for this code, so ask for a new one.');
      await t.http.post('/api/v1/auth/citizens/verify').send({ phone, code }).expect(401);
      await t.db.getRepository(OtpStateEntity).update({ phone: sent.body.phone }, { issuedAt: new Date(Date.now() - 61_000) });
      await t.http.post('/api/v1/auth/citizens/otp').send({ phone }).expect(202);
      await t.http
        .post('/api/v1/auth/citizens/verify')
        .send({ phone, code: await lastOtpFor(t.db, sent.body.phone) })
        .expect(200);
    });

    it('concurrent wrong guesses cannot exceed the limit per code (row lock per phone)', async () => {
      const phone = uniquePhone();
      const sent = await t.http.post('/api/v1/auth/citizens/otp').send({ phone }).expect(202);
      const code = await lastOtpFor(t.db, sent.body.phone);
      const guesses = Array.from({ length: 20 }, (_, i) => String((Number(code) + i + 1) % 1_000_000).padStart(6, '0'));
      const results = await Promise.all(guesses.map((g) => t.http.post('/api/v1/auth/citizens/verify').send({ phone, code: g })));
      expect(results.filter((r) => r.status === 401)).toHaveLength(20);
      const state = await t.db.getRepository(OtpStateEntity).findOneByOrFail({ phone: sent.body.phone });
      expect(state.failedAttempts).toBe(5);
      expect(state.codeHash).toBeNull();
      await t.http.post('/api/v1/auth/citizens/verify').send({ phone, code }).expect(401);
    });

    it('a resend within a minute is refused and writes no second SMS', async () => {
      const phone = uniquePhone();
      const first = await t.http.post('/api/v1/auth/citizens/otp').send({ phone }).expect(202);
      const again = await t.http.post('/api/v1/auth/citizens/otp').send({ phone }).expect(429);
      expect(Number(again.headers['retry-after'])).toBeGreaterThan(0);
      const count = await t.db.getRepository(OutboxMessageEntity).createQueryBuilder('o').where(`o.payload->>'to' = :p`, { p: first.body.phone }).getCount();
      expect(count).toBe(1);
    });

    it.each(['0212345678', '12345', '+1 202 555 0100'])('%s is not a Vietnamese mobile number → 422', async (phone) => {
      const res = await t.http.post('/api/v1/auth/citizens/otp').send({ phone }).expect(422);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'phone' })]);
    });
  });

  describe('malformed requests', () => {
    it.each([
      [{}, ['username', 'password']],
      [{ username: 'a' }, ['password']],
      [{ username: 5, password: true }, ['username', 'password']],
      [{ username: 'a', password: 'b', admin: true }, ['admin']],
      [[1, 2], ['body']],
    ])('login body %j → 422 listing %j', async (body, fields) => {
      const res = await t.http
        .post('/api/v1/auth/officers/login')
        .send(body as object)
        .expect(422);
      expect(res.body.type).toContain('/problems/validation-failed');
      for (const field of fields) expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    });

    it('a verify without a 6-digit code is a 422', async () => {
      const res = await t.http.post('/api/v1/auth/citizens/verify').send({ phone: '0912345678', code: '12ab' }).expect(422);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'code' })]);
    });

    it('broken JSON is a 400 problem', async () => {
      const res = await t.http.post('/api/v1/auth/officers/login').set('Content-Type', 'application/json').send('{"username": ').expect(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    });

    it('a body that is not JSON is a 415 problem', async () => {
      const res = await t.http.post('/api/v1/auth/officers/login').set('Content-Type', 'application/xml').send('<a/>').expect(415);
      expect(res.body.status).toBe(415);
    });

    it('a body over the limit is a 413 problem', async () => {
      const res = await t.http
        .post('/api/v1/auth/officers/login')
        .send({ username: 'x', password: 'y'.repeat(2_000_000) })
        .expect(413);
      expect(res.body.status).toBe(413);
    });
  });
});

describe('sign-in rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '3' });
  });
  afterAll(() => t.close());

  it('the fourth attempt in a minute from one address is a 429 problem', async () => {
    for (let i = 0; i < 3; i++) await t.http.post('/api/v1/auth/officers/login').send({ username: 'x', password: 'y' }).expect(401);
    const res = await t.http.post('/api/v1/auth/officers/login').send({ username: 'x', password: 'y' }).expect(429);
    expect(res.body).toMatchObject({ status: 429, title: 'Too Many Requests' });
  });
});
