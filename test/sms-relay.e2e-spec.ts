import type { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import { OutboxMessageEntity, PAYMENTS_QUEUE, SMS_BACKOFF } from '@dvc/outbox';
import { purgeSpentOtps, SmsMessageEntity } from '@dvc/sms';
import { lastOtpFor, PrivateRedis, startPrivateRedis, startTestApp, startTestWorker, TestApp, testEnv, uniquePhone, waitFor } from '@dvc/testing';

/** Relay and dispatch with the log provider, on a Redis of this suite's own that it can stop and start. */
describe('outbox relay and SMS dispatch', () => {
  let redis: PrivateRedis;
  let t: TestApp;
  let worker: INestApplicationContext;
  const env = () => ({
    REDIS_URL: redis.url,
    SMS_PROVIDER: 'log',
    OUTBOX_POLL_MS: '50',
    SMS_BACKOFF_MS: '50',
    SMS_QUIET_HOURS: '00:00-00:01',
    PAYMENT_JOB_ATTEMPTS: '7',
    PAYMENT_JOB_BACKOFF_MS: '1234',
  });
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
    await waitFor(
      async () => (await t.db.getRepository(OutboxMessageEntity).findOneByOrFail({ id: outbox.id })).dispatchedAt !== null,
      5000,
      'not relayed again',
    );
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
    expect(res.body.items[0]).toEqual(
      expect.objectContaining({ to: expect.any(String), text: expect.any(String), segments: expect.any(Number), encoding: 'GSM7', status: expect.any(String) }),
    );
    const officer = (await t.http.post('/api/v1/auth/officers/login').send({ username: 'tn.trangtien', password: 'Test@12345' })).body.accessToken;
    await t.http.get('/api/v1/sms/messages').set('Authorization', `Bearer ${officer}`).expect(403);
    await t.http.get('/admin/queues').expect(401);
    const board = await t.http.get(`/admin/queues?token=${admin}`).expect(200);
    expect(board.text).toContain('<');
  });

  it("no view shows a live OTP, administrators' message log included; once delivered or expired the code leaves sms_messages and the outbox", async () => {
    const admin = (await t.http.post('/api/v1/auth/officers/login').send({ username: 'admin', password: 'Test@12345' })).body.accessToken;
    const to = (await t.http.post('/api/v1/auth/citizens/otp').send({ phone: uniquePhone() }).expect(202)).body.phone as string;
    const code = await lastOtpFor(t.db, to);
    await waitFor(async () => (await messagesTo(to))[0]?.status === 'delivered', 10_000, 'the OTP was not delivered');
    const listed = (await t.http.get(`/api/v1/sms/messages?to=${to}`).set('Authorization', `Bearer ${admin}`).expect(200)).body.items;
    expect(listed).toHaveLength(1);
    expect(listed[0].text).not.toContain(code);
    expect(listed[0].text).toMatch(/ la \*{6}, /);

    // An OTP whose message was never delivered and whose code expired: the worker had no SMS centre for it.
    const stuck = (await t.http.post('/api/v1/auth/citizens/otp').send({ phone: uniquePhone() }).expect(202)).body.phone as string;
    await waitFor(async () => (await messagesTo(stuck))[0]?.status === 'delivered', 10_000, 'not delivered');
    await t.db.query(`UPDATE sms_messages SET status = 'sending', delivered_at = NULL, created_at = now() - interval '6 minutes' WHERE "to" = $1`, [stuck]);
    await t.db.query(`UPDATE outbox SET created_at = now() - interval '6 minutes' WHERE payload->>'to' = $1`, [stuck]);

    const result = await purgeSpentOtps(t.db, { ttlSeconds: 300, graceSeconds: 0 });
    expect(result.messages).toBeGreaterThanOrEqual(2);
    expect(result.expiredUnsent).toBeGreaterThanOrEqual(1);
    for (const phone of [to, stuck]) {
      const [message] = await messagesTo(phone);
      expect(message.text).not.toMatch(/[0-9]{4,}/);
      const [row] = await t.db.query(`SELECT payload FROM outbox WHERE payload->>'to' = $1`, [phone]);
      expect(row.payload.variables).toEqual({ ttlMinutes: 5 });
    }
    expect((await messagesTo(stuck))[0]).toMatchObject({ status: 'failed', lastError: 'the code expired before it was sent' });
    // A code still in use is kept: requested now, not delivered yet as far as the purge is concerned.
    const live = (await t.http.post('/api/v1/auth/citizens/otp').send({ phone: uniquePhone() }).expect(202)).body.phone as string;
    await purgeSpentOtps(t.db, { ttlSeconds: 300, graceSeconds: 3600 });
    expect(await lastOtpFor(t.db, live)).toMatch(/^\d{6}$/);
    // Nothing is left for a second run.
    expect(await purgeSpentOtps(t.db, { ttlSeconds: 300, graceSeconds: 0 })).toMatchObject({ expiredUnsent: 0 });
  });

  it('administrators edit templates; variables are checked', async () => {
    const admin = (await t.http.post('/api/v1/auth/officers/login').send({ username: 'admin', password: 'Test@12345' })).body.accessToken;
    const list = await t.http.get('/api/v1/admin/sms/templates').set('Authorization', `Bearer ${admin}`).expect(200);
    expect(list.body.map((x: { kind: string }) => x.kind)).toEqual(expect.arrayContaining(['otp', 'dossier_received', 'apology_new_date']));
    const bad = await t.http
      .put('/api/v1/admin/sms/templates/dossier_received')
      .set('Authorization', `Bearer ${admin}`)
      .send({ body: 'Ho so {{code}} {{password}}', keepDiacritics: false })
      .expect(422);
    expect(bad.body.errors[0].field).toBe('body');
    await t.http.put('/api/v1/admin/sms/templates/nope').set('Authorization', `Bearer ${admin}`).send({ body: 'x', keepDiacritics: false }).expect(404);
  });

  it("each topic's jobs carry that topic's retries: a payment job the payment settings, not the SMS ones", async () => {
    const [row] = await t.db.query(`INSERT INTO outbox (topic, kind, priority, payload) VALUES ('payment', 'refund_due', 5, $1) RETURNING id`, [
      JSON.stringify({ dossierId: '00000000-0000-4000-8000-000000000000', dossierCode: 'none', reason: 'withdrawn' }),
    ]);
    const queue = new Queue(PAYMENTS_QUEUE, { connection: { url: redis.url }, prefix: testEnv().REDIS_PREFIX });
    try {
      let job = await queue.getJob(row.id);
      await waitFor(async () => (job = await queue.getJob(row.id)) !== undefined, 10_000, 'the payment row was not relayed');
      expect(job!.opts).toMatchObject({ attempts: 7, backoff: { type: 'exponential', delay: 1234 } });
    } finally {
      await queue.close();
    }
    const phone = uniquePhone();
    const sent = await t.http.post('/api/v1/auth/citizens/otp').send({ phone }).expect(202);
    const [sms] = await t.db.query(`SELECT id FROM outbox WHERE topic = 'sms' AND payload->>'to' = $1`, [sent.body.phone]);
    await waitFor(async () => (await messagesTo(sent.body.phone))[0]?.status === 'delivered', 10_000, 'the OTP was not delivered');
    expect(sms).toBeDefined();
    const smsQueue = new Queue('sms', { connection: { url: redis.url }, prefix: testEnv().REDIS_PREFIX });
    try {
      const jobs = await smsQueue.getJobs(['completed', 'active', 'waiting', 'delayed'], 0, 200);
      const mine = jobs.find((j) => JSON.stringify(j.data).includes(sms.id));
      expect(mine?.opts).toMatchObject({ attempts: 8, backoff: { type: SMS_BACKOFF } });
    } finally {
      await smsQueue.close();
    }
  });
});
