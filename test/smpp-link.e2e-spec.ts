import type { INestApplicationContext } from '@nestjs/common';
import { prepareSmsText } from '@dvc/core';
import { SmppProvider, SmsMessageEntity, type DeliveryReceipt } from '@dvc/sms';
import { PrivateRedis, startPrivateRedis, startTestApp, startTestWorker, TestApp, uniquePhone, waitFor } from '@dvc/testing';
import { createSmsSimulator, SmsSimulator } from '../apps/sms-simulator/src/sms-simulator';

jest.setTimeout(60_000);

/** A long notice: 400 GSM-7 characters are three concatenated parts (153 + 153 + 94). */
const LONG = prepareSmsText(`Ho so 001.35.22.H26-261125-0001 ${'da duoc tiep nhan va chuyen xu ly theo quy dinh, '.repeat(8)}`.slice(0, 400), {
  keepDiacritics: false,
});

describe('the SMPP 3.4 link against the SMS-centre simulator', () => {
  describe('provider on its own', () => {
    let sim: SmsSimulator;
    let port: number;
    const providers: SmppProvider[] = [];
    const provider = (longMessages: 'payload' | 'udh') => {
      const p = new SmppProvider({ host: '127.0.0.1', port, systemId: 'dvc', password: 'dvcpass', longMessages });
      providers.push(p);
      return p;
    };

    beforeAll(async () => {
      sim = createSmsSimulator({ smppPort: 0, httpPort: 0, seed: 7, faults: { dlrDelayMs: 10 } });
      port = (await sim.start()).smppPort;
    });
    afterAll(async () => {
      for (const p of providers) await p.close();
      await sim?.stop();
    });

    it('binds announcing interface_version 0x34 (SMPP 3.4), not 0x50', async () => {
      provider('payload').open();
      await waitFor(async () => sim.binds().length > 0, 5000, 'no bind');
      expect(sim.binds().map((b) => b.interfaceVersion)).toEqual([0x34]);
    });

    it.each([
      ['payload', 1],
      ['udh', 3],
    ] as const)('SMPP_LONG_MESSAGES=%s: a three-part notice arrives whole, as %d submit_sm, with one receipt for the message', async (mode, submits) => {
      expect(LONG.segments).toBe(3);
      const p = provider(mode);
      const receipts: DeliveryReceipt[] = [];
      p.onReceipt((r) => receipts.push(r));
      const to = `84${uniquePhone().slice(1)}`;
      const { providerMessageId } = await p.send({
        reference: `ref-${mode}`,
        to,
        sender: 'HANOI-DVC',
        text: LONG.text,
        encoding: LONG.encoding,
        segments: LONG.segments,
      });
      await waitFor(async () => sim.inbox.list({ to }).length === 1 && receipts.length > 0, 5000, 'not delivered');
      const [message] = sim.inbox.list({ to });
      expect(message.text).toBe(LONG.text);
      expect(message.messageIds).toHaveLength(submits);
      expect(message.messageId).toBe(providerMessageId);
      await new Promise((r) => setTimeout(r, 100));
      expect(receipts.map((r) => [r.providerMessageId, r.status])).toEqual([[providerMessageId, 'delivered']]);
    });
  });

  describe('receipts in upper case with decimal ids, through the worker', () => {
    let redis: PrivateRedis;
    let sim: SmsSimulator;
    let t: TestApp;
    let worker: INestApplicationContext;

    beforeAll(async () => {
      redis = await startPrivateRedis();
      sim = createSmsSimulator({ smppPort: 0, httpPort: 0, seed: 8, faults: { dlrDelayMs: 20 }, receiptStyle: 'upper-decimal' });
      const { smppPort } = await sim.start();
      const env = {
        REDIS_URL: redis.url,
        SMS_PROVIDER: 'smpp',
        SMPP_HOST: '127.0.0.1',
        SMPP_PORT: String(smppPort),
        SMPP_LONG_MESSAGES: 'udh',
        OUTBOX_POLL_MS: '50',
        SMS_BACKOFF_MS: '50',
        SMS_QUIET_HOURS: '00:00-00:01',
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

    it('"ID:<decimal> … STAT:DELIVRD" settles the message submit_sm_resp named in hex', async () => {
      const to = (await t.http.post('/api/v1/auth/citizens/otp').send({ phone: uniquePhone() }).expect(202)).body.phone as string;
      const message = () => t.db.getRepository(SmsMessageEntity).findOneBy({ to });
      await waitFor(async () => (await message())?.status === 'delivered', 15_000, 'the receipt did not settle the message');
      const stored = (await message())!;
      expect(stored.providerMessageId).toMatch(/^[0-9a-f]{16}$/);
      expect(sim.inbox.list({ to })[0].messageId).toBe(stored.providerMessageId);
    });
  });
});
