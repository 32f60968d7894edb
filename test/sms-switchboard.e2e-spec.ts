import type { INestApplicationContext } from '@nestjs/common';
import { formatDdMmYyyy, toLocalParts } from '@dvc/core';
import { SmsMessageEntity } from '@dvc/sms';
import {
  birthRegistrationForm,
  citizenToken,
  DESKS,
  officerToken,
  PrivateRedis,
  startPrivateRedis,
  startTestApp,
  startTestWorker,
  submissionFor,
  TestApp,
  uniquePhone,
  waitFor,
} from '@dvc/testing';
import { createSmsSimulator, SmsSimulator } from '../apps/sms-simulator/src/sms-simulator';

/** A quiet-hours window twelve hours away, so notices are never held during the test. */
function quietHoursAwayFromNow(): string {
  const { hour, minute } = toLocalParts(new Date(Date.now() + 12 * 3600_000));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(hour)}:${pad(minute)}-${pad(hour)}:${pad((minute + 1) % 60)}`;
}

// These wait on queues and retries; under a full parallel run on two cores they need more room than the default.
jest.setTimeout(120_000);

describe('SMS switchboard against the SMS-centre simulator (SMPP 3.4)', () => {
  let redis: PrivateRedis;
  let sim: SmsSimulator;
  let t: TestApp;
  let worker: INestApplicationContext;
  let env: Record<string, string>;

  beforeAll(async () => {
    redis = await startPrivateRedis();
    sim = createSmsSimulator({ smppPort: 0, httpPort: 0, seed: 42, faults: { dlrDelayMs: 20 } });
    const { smppPort } = await sim.start();
    env = {
      REDIS_URL: redis.url,
      SMS_PROVIDER: 'smpp',
      SMPP_HOST: '127.0.0.1',
      SMPP_PORT: String(smppPort),
      SMPP_SYSTEM_ID: 'dvc',
      SMPP_PASSWORD: 'dvcpass',
      OUTBOX_POLL_MS: '50',
      SMS_BACKOFF_MS: '50',
      SMS_MAX_ATTEMPTS: '25',
      SMS_QUIET_HOURS: quietHoursAwayFromNow(),
      SMS_RATE_PER_SECOND: '200',
    };
    t = await startTestApp(env);
    worker = await startTestWorker(env);
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await sim?.stop();
    await redis?.stop();
  });
  beforeEach(() => sim.setFaults({ failureRate: 0, throttlePerSecond: 0, latencyMs: 0, neverDeliverRate: 0 }));

  const requestOtps = async (n: number) => {
    const phones: string[] = [];
    for (let i = 0; i < n; i++) phones.push((await t.http.post('/api/v1/auth/citizens/otp').send({ phone: uniquePhone() }).expect(202)).body.phone);
    return phones;
  };
  const delivered = async (phones: string[]) => {
    const rows = await t.db.getRepository(SmsMessageEntity).createQueryBuilder('m').where('m.to IN (:...phones)', { phones }).getMany();
    return rows.filter((r) => r.status === 'delivered').length;
  };
  const inboxCounts = (phones: string[]) => phones.map((to) => sim.inbox.list({ to }).length);

  it('an OTP arrives in the SMS centre within seconds and the delivery receipt marks it delivered', async () => {
    const [to] = await requestOtps(1);
    await waitFor(async () => (await delivered([to])) === 1, 10_000, 'OTP not delivered');
    const [received] = sim.inbox.list({ to });
    expect(received).toMatchObject({ to, from: 'HANOI-DVC', via: 'smpp' });
    expect(received.text).toMatch(/^Ma xac thuc Cong DVC Ha Noi cua ban la \d{6}/);
    const row = await t.db.getRepository(SmsMessageEntity).findOneByOrFail({ to });
    expect(row).toMatchObject({ status: 'delivered', provider: 'smpp', providerMessageId: received.messageId });
    expect(row.deliveredAt).not.toBeNull();
  });

  it('a dossier received through the API sends the "received" SMS with its code and due date', async () => {
    const citizen = await citizenToken(t.http, t.db);
    await waitFor(async () => (await delivered([citizen.phone])) >= 1, 10_000, 'sign-in OTP not delivered');
    const phone = `0${citizen.phone.slice(2)}`;
    const body = await submissionFor(t.http, citizen.token, phone, {
      code: '1.001193',
      agencyCode: DESKS.trangTien,
      form: birthRegistrationForm(phone),
      components: ['TK', 'GCS', 'GTTT'],
    });
    const created = await t.http.post('/api/v1/dossiers').set('Authorization', `Bearer ${citizen.token}`).send(body).expect(201);
    const desk = await officerToken(t.http, 'tn.trangtien');
    const accepted = await t.http.post(`/api/v1/dossiers/${created.body.code}/accept`).set('Authorization', `Bearer ${desk}`).send({ version: 1 }).expect(200);
    const expected = `Ho so ${created.body.code} da duoc tiep nhan. Ngay hen tra: ${formatDdMmYyyy(new Date(accepted.body.dueAt))}.`;
    await waitFor(async () => sim.inbox.list({ to: citizen.phone }).some((m) => m.text === expected), 10_000, `"${expected}" not received`);
  });

  it('with 30% of submits failing, every message is delivered and none twice', async () => {
    sim.setFaults({ failureRate: 0.3 });
    const phones = await requestOtps(30);
    await waitFor(async () => (await delivered(phones)) === 30, 60_000, 'not all delivered');
    expect(inboxCounts(phones)).toEqual(Array(30).fill(1));
    const rows = await t.db.getRepository(SmsMessageEntity).createQueryBuilder('m').where('m.to IN (:...phones)', { phones }).getMany();
    expect(rows.some((r) => r.attempts > 1)).toBe(true);
  });

  it('throttling (ESME_RTHROTTLED) is honoured: everything goes out, later, once', async () => {
    sim.setFaults({ throttlePerSecond: 5 });
    const before = sim.stats().throttled;
    const phones = await requestOtps(15);
    await waitFor(async () => (await delivered(phones)) === 15, 60_000, 'not all delivered');
    expect(sim.stats().throttled).toBeGreaterThan(before);
    expect(inboxCounts(phones)).toEqual(Array(15).fill(1));
  });

  it('a worker stopped mid-batch and started again loses nothing and doubles nothing', async () => {
    sim.setFaults({ latencyMs: 300 });
    const phones = await requestOtps(40);
    await waitFor(async () => (await delivered(phones)) >= 2, 10_000, 'nothing delivered');
    await worker.close();
    const midway = await delivered(phones);
    expect(midway).toBeLessThan(40);
    worker = await startTestWorker(env);
    await waitFor(async () => (await delivered(phones)) === 40, 60_000, 'not all delivered after the restart');
    expect(inboxCounts(phones)).toEqual(Array(40).fill(1));
  });
});
