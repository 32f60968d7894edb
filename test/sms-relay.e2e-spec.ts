import type { INestApplicationContext } from '@nestjs/common';
import { OutboxMessageEntity } from '@dvc/notifications';
import { SmsMessageEntity } from '@dvc/sms';
import { lastOtpFor, PrivateRedis, startPrivateRedis, startTestApp, startTestWorker, TestApp, uniquePhone, waitFor } from '@dvc/testing';

/** Relay and dispatch with the log provider, on a Redis of this suite's own that it can stop and start. */
describe('outbox relay and SMS dispatch', () => {
  let redis: PrivateRedis;
  let t: TestApp;
  let worker: INestApplicationContext;
  const env = () => ({ REDIS_URL: redis.url, SMS_PROVIDER: 'log', OUTBOX_POLL_MS: '50', SMS_BACKOFF_MS: '50', SMS_QUIET_HOURS: '00:00-00:01' });
  const messagesTo = (to: string) => t.db.getRepository(SmsMessageEntity).find({ where: { to } });

  beforeAll(async () => {
    redis = await startPrivateRedis();
    t = await startTestApp(env());
    worker = await startTestWorker(env());
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await redis?.stop();
  });

  it('an OTP requested through the API is rendered without diacritics, sent and delivered exactly once', async () => {
    const phone = uniquePhone();
    const sent = await t.http.post('/api/v1/auth/citizens/otp').send({ phone }).expect(202);
    const to = sent.body.phone as string;
    const code = await lastOtpFor(t.db, to);
    await waitFor(async () => (await messagesTo(to))[0]?.status === 'delivered', 10_000, 'the OTP was not delivered');
    const [message] = await messagesTo(to);
    expect(message).toMatchObject({ kind: 'otp', encoding: 'GSM7', segments: 1, provider: 'log', priority: 1, attempts: 1 });
    expect(message.text).toContain(code);
    expect(message.text).toMatch(/^[\x20-\x7E]+$/);
    expect(message.costVnd).toBeGreaterThan(0);
  });

  it('relaying a row again (a lost commit) neither duplicates the job nor the SMS', async () => {
    const phone = uniquePhone();
    const to = (await t.http.post('/api/v1/auth/citizens/otp').send({ phone }).expect(202)).body.phone as string;
    await waitFor(async () => (await messagesTo(to))[0]?.status === 'delivered', 10_000, 'not delivered');
    const outbox = await t.db.getRepository(OutboxMessageEntity).createQueryBuilder('o').where(`o.payload->>'to' = :to`, { to }).getOneOrFail();
    await t.db.query('UPDATE outbox SET dispatched_at = NULL WHERE id = $1', [outbox.id]);
    await waitFor(async () => (await t.db.getRepository(OutboxMessageEntity).findOneByOrFail({ id: outbox.id })).dispatchedAt !== null, 5000, 'not relayed again');
    await new Promise((r) => setTimeout(r, 300));
    const messages = await messagesTo(to);
    expect(messages).toHaveLength(1);
    expect(messages[0].attempts).toBe(1);
  });

  it('while Redis is down the rows wait in PostgreSQL, and go out when it is back', async () => {
    await redis.stop();
    const phone = uniquePhone();
    const to = (await t.http.post('/api/v1/auth/citizens/otp').send({ phone }).expect(202)).body.phone as string;
    await new Promise((r) => setTimeout(r, 700));
    const waiting = await t.db.getRepository(OutboxMessageEntity).createQueryBuilder('o').where(`o.payload->>'to' = :to`, { to }).getOneOrFail();
    expect(waiting.dispatchedAt).toBeNull();
    await t.http.get('/health/ready').expect(503);
    await redis.start();
    await waitFor(async () => (await messagesTo(to))[0]?.status === 'delivered', 20_000, 'not delivered after Redis came back');
    expect(await messagesTo(to)).toHaveLength(1);
    await waitFor(async () => (await t.http.get('/health/ready')).status === 200, 10_000, 'API not ready again');
  });

  it('administrators read the message log; others may not', async () => {
    const admin = (await t.http.post('/api/v1/auth/officers/login').send({ username: 'admin', password: 'Test@12345' })).body.accessToken;
    const res = await t.http.get('/api/v1/sms/messages?limit=5').set('Authorization', `Bearer ${admin}`).expect(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    expect(res.body.items[0]).toEqual(expect.objectContaining({ to: expect.any(String), text: expect.any(String), segments: expect.any(Number), encoding: 'GSM7', status: expect.any(String) }));
    const officer = (await t.http.post('/api/v1/auth/officers/login').send({ username: 'tn.trangtien', password: 'Test@12345' })).body.accessToken;
    await t.http.get('/api/v1/sms/messages').set('Authorization', `Bearer ${officer}`).expect(403);
    await t.http.get('/admin/queues').expect(401);
    const board = await t.http.get(`/admin/queues?token=${admin}`).expect(200);
    expect(board.text).toContain('<');
  });

  it('administrators edit templates; variables are checked', async () => {
    const admin = (await t.http.post('/api/v1/auth/officers/login').send({ username: 'admin', password: 'Test@12345' })).body.accessToken;
    const list = await t.http.get('/api/v1/admin/sms/templates').set('Authorization', `Bearer ${admin}`).expect(200);
    expect(list.body.map((x: { kind: string }) => x.kind)).toEqual(expect.arrayContaining(['otp', 'dossier_received', 'apology_new_date']));
    const bad = await t.http.put('/api/v1/admin/sms/templates/dossier_received').set('Authorization', `Bearer ${admin}`)
      .send({ body: 'Ho so {{code}} {{password}}', keepDiacritics: false }).expect(422);
    expect(bad.body.errors[0].field).toBe('body');
    await t.http.put('/api/v1/admin/sms/templates/nope').set('Authorization', `Bearer ${admin}`).send({ body: 'x', keepDiacritics: false }).expect(404);
  });
});
