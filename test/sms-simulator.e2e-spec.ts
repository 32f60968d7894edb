import * as smpp from 'smpp';
import { createSmsSimulator, type InboxMessage, type SmsSimulator } from '../apps/sms-simulator/src/sms-simulator';

/** The bundled SMS-centre simulator, in-process on ephemeral ports, driven with the node-smpp client. */

const ESME_ROK = 0x00;
const ESME_RINVBNDSTS = 0x04;
const ESME_RSYSERR = 0x08;
const ESME_RBINDFAIL = 0x0d;
const ESME_RTHROTTLED = 0x58;
const CREDENTIALS = { system_id: 'dvc', password: 'dvcpass' };

type Fields = Record<string, unknown>;

interface Client {
  session: smpp.Session;
  receipts: smpp.PDU[];
  call(
    command: 'bind_transceiver' | 'bind_transmitter' | 'bind_receiver' | 'submit_sm' | 'unbind' | 'enquire_link' | 'query_sm',
    fields?: Fields,
  ): Promise<smpp.PDU>;
  nextReceipt(timeoutMs?: number): Promise<smpp.PDU>;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('SMS-centre simulator', () => {
  let sim: SmsSimulator;
  let smppPort: number;
  let base: string;
  const clients: Client[] = [];

  async function connect(): Promise<Client> {
    const session = await new Promise<smpp.Session>((resolve, reject) => {
      const s = smpp.connect({ host: '127.0.0.1', port: smppPort }, () => resolve(s));
      s.once('error', reject);
    });
    session.on('error', () => undefined);
    const receipts: smpp.PDU[] = [];
    const waiters: ((pdu: smpp.PDU) => void)[] = [];
    session.on('deliver_sm', (pdu: smpp.PDU) => {
      session.send(pdu.response());
      const waiter = waiters.shift();
      if (waiter) waiter(pdu);
      else receipts.push(pdu);
    });
    const client: Client = {
      session,
      receipts,
      call: (command, fields = {}) => new Promise((resolve) => session[command](fields, resolve)),
      nextReceipt: (timeoutMs = 3000) =>
        new Promise((resolve, reject) => {
          const ready = receipts.shift();
          if (ready) return resolve(ready);
          const timer = setTimeout(() => {
            waiters.splice(waiters.indexOf(onReceipt), 1);
            reject(new Error(`no deliver_sm within ${timeoutMs} ms`));
          }, timeoutMs);
          const onReceipt = (pdu: smpp.PDU) => {
            clearTimeout(timer);
            resolve(pdu);
          };
          waiters.push(onReceipt);
        }),
      close: () =>
        new Promise((resolve) => {
          if (session.socket.destroyed) return resolve();
          session.destroy(() => resolve());
        }),
    };
    clients.push(client);
    return client;
  }

  async function bound(mode: 'bind_transceiver' | 'bind_transmitter' | 'bind_receiver' = 'bind_transceiver'): Promise<Client> {
    const client = await connect();
    expect((await client.call(mode, CREDENTIALS)).command_status).toBe(ESME_ROK);
    return client;
  }

  const receiptText = (pdu: smpp.PDU) => {
    const sm = pdu.short_message;
    return typeof sm === 'string' ? sm : Buffer.isBuffer(sm) ? sm.toString() : String(sm?.message);
  };

  async function messagesTo(to: string): Promise<InboxMessage[]> {
    const res = await fetch(`${base}/messages?to=${encodeURIComponent(to)}`);
    expect(res.status).toBe(200);
    return (await res.json()) as InboxMessage[];
  }

  const sendBrandname = async (body: Fields) => {
    const res = await fetch(`${base}/brandname/send`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(res.status).toBe(200);
    return (await res.json()) as { errorCode: string; errorMessage: string; messageId?: string; requestId?: string };
  };
  const brandname = (phone: string, requestId: string, message = 'Ma xac thuc Cong DVC Ha Noi cua ban la 123456') => ({
    username: 'dvc',
    password: 'dvcpass',
    brandname: 'UBNDHANOI',
    phone,
    message,
    requestId,
    unicode: 0,
  });

  beforeAll(async () => {
    sim = createSmsSimulator({ smppPort: 0, httpPort: 0, host: '127.0.0.1', seed: 20261123, faults: { dlrDelayMs: 50 } });
    const ports = await sim.start();
    smppPort = ports.smppPort;
    base = `http://127.0.0.1:${ports.httpPort}`;
  });

  beforeEach(() => sim.reset());

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
  });

  afterAll(async () => {
    await sim?.stop();
  });

  it('answers /health', async () => {
    expect(await (await fetch(`${base}/health`)).json()).toEqual({ status: 'ok' });
  });

  it('refuses a bind with a wrong password, and submits before a bind', async () => {
    const client = await connect();
    expect((await client.call('bind_transceiver', { system_id: 'dvc', password: 'wrong' })).command_status).toBe(ESME_RBINDFAIL);
    expect((await client.call('submit_sm', { destination_addr: '84912345678', short_message: 'x' })).command_status).toBe(ESME_RINVBNDSTS);
    expect((await client.call('bind_transceiver', CREDENTIALS)).command_status).toBe(ESME_ROK);
    expect((await client.call('enquire_link')).command_status).toBe(ESME_ROK);
  });

  it('accepts a GSM text, sends a DELIVRD receipt, and shows the message in the inbox', async () => {
    const client = await bound();
    const text = 'Ho so 000.00.12.H26-261123-0001 da duoc tiep nhan. Ngay hen tra: 26/11/2026 {@}';
    const resp = await client.call('submit_sm', {
      source_addr: 'UBNDHANOI',
      source_addr_ton: 5,
      destination_addr: '84912345001',
      dest_addr_ton: 1,
      dest_addr_npi: 1,
      registered_delivery: 1,
      data_coding: 0,
      short_message: text,
    });
    expect(resp.command_status).toBe(ESME_ROK);
    const id = resp.message_id as string;
    expect(id).toMatch(/^[0-9a-f]{16}$/);

    const receipt = await client.nextReceipt();
    expect(receipt.esm_class).toBe(0x04);
    expect(receipt.source_addr).toBe('84912345001');
    expect(receipt.destination_addr).toBe('UBNDHANOI');
    expect(receipt.receipted_message_id).toBe(id);
    expect(receipt.message_state).toBe(2);
    expect(receiptText(receipt)).toMatch(
      new RegExp(`^id:${id} sub:001 dlvrd:001 submit date:\\d{10} done date:\\d{10} stat:DELIVRD err:000 text:Ho so 000\\.00\\.12\\.H26-$`),
    );

    const [message, ...rest] = await messagesTo('84912345001');
    expect(rest).toHaveLength(0);
    expect(message).toMatchObject({ to: '84912345001', from: 'UBNDHANOI', text, messageId: id, via: 'smpp', segments: 1 });
    expect(new Date(message.receivedAt).toISOString()).toBe(message.receivedAt);
    expect((await client.call('query_sm', { message_id: id })).message_state).toBe(2);
  });

  it('decodes a Vietnamese UCS-2 text (data_coding 8) and strips the + of the destination', async () => {
    const client = await bound();
    const text = 'Hồ sơ 000.00.12.H26-261123-0002 đã được tiếp nhận. Ngày hẹn trả: 26/11/2026';
    const resp = await client.call('submit_sm', {
      source_addr: 'UBNDHANOI',
      destination_addr: '+84912345002',
      registered_delivery: 1,
      data_coding: 8,
      short_message: text,
    });
    expect(resp.command_status).toBe(ESME_ROK);
    expect(receiptText(await client.nextReceipt())).toMatch(/stat:DELIVRD err:000 text:Ho so 000\.00\.12\.H26-$/);
    const [message] = await messagesTo('84912345002');
    expect(message).toMatchObject({ to: '84912345002', text, dataCoding: 8, segments: 2 });
  });

  it('reads a 300-character text from the message_payload TLV', async () => {
    const client = await bound();
    const text = Array.from({ length: 30 }, (_, i) => `Phan ${String(i).padStart(3, '0')}.`)
      .join('')
      .padEnd(300, 'x');
    expect(text).toHaveLength(300);
    const resp = await client.call('submit_sm', {
      source_addr: 'UBNDHANOI',
      destination_addr: '84912345003',
      registered_delivery: 1,
      data_coding: 0,
      message_payload: text,
    });
    expect(resp.command_status).toBe(ESME_ROK);
    await client.nextReceipt();
    const [message] = await messagesTo('84912345003');
    expect(message).toMatchObject({ text, segments: 2 });
  });

  it('reassembles a two-part UDH-concatenated message and stores it once', async () => {
    const client = await bound();
    const part = (seq: number, message: string) =>
      client.call('submit_sm', {
        source_addr: 'UBNDHANOI',
        destination_addr: '84912345004',
        registered_delivery: 1,
        data_coding: 8,
        short_message: { udh: Buffer.from([0x05, 0x00, 0x03, 0x7b, 0x02, seq]), message },
      });
    const first = await part(1, 'Phần một của tin nhắn, ');
    expect(first.command_status).toBe(ESME_ROK);
    await client.nextReceipt();
    expect(await messagesTo('84912345004')).toEqual([]);
    const second = await part(2, 'phần hai.');
    expect(second.command_status).toBe(ESME_ROK);
    expect(second.message_id).not.toBe(first.message_id);
    await client.nextReceipt();
    const messages = await messagesTo('84912345004');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      text: 'Phần một của tin nhắn, phần hai.',
      segments: 2,
      messageId: first.message_id,
      messageIds: [first.message_id, second.message_id],
    });
  });

  it('failureRate 1 answers ESME_RSYSERR and stores nothing', async () => {
    const client = await bound();
    sim.setFaults({ failureRate: 1 });
    const resp = await client.call('submit_sm', { destination_addr: '84912345005', registered_delivery: 1, short_message: 'x' });
    expect(resp.command_status).toBe(ESME_RSYSERR);
    expect(resp.message_id).toBeUndefined();
    await sleep(150);
    expect(await messagesTo('84912345005')).toEqual([]);
    expect(client.receipts).toHaveLength(0);
    expect(sim.stats()).toMatchObject({ submitted: 1, failed: 1, accepted: 0 });
  });

  it('throttlePerSecond 2 throttles the third quick submit', async () => {
    const client = await bound();
    const put = await fetch(`${base}/faults`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ throttlePerSecond: 2 }),
    });
    expect(await put.json()).toMatchObject({ throttlePerSecond: 2 });
    const submit = () => client.call('submit_sm', { destination_addr: '84912345006', short_message: 'x' });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await submit()).command_status);
    expect(statuses).toEqual([ESME_ROK, ESME_ROK, ESME_RTHROTTLED]);
    expect(await (await fetch(`${base}/stats`)).json()).toMatchObject({ submitted: 3, accepted: 2, throttled: 1 });
  });

  it('neverDeliverRate 1 gives an id but no inbox entry and no receipt', async () => {
    const client = await bound();
    sim.setFaults({ neverDeliverRate: 1 });
    const resp = await client.call('submit_sm', { destination_addr: '84912345007', registered_delivery: 1, short_message: 'lost' });
    expect(resp.command_status).toBe(ESME_ROK);
    expect(resp.message_id).toBeTruthy();
    await expect(client.nextReceipt(500)).rejects.toThrow(/no deliver_sm/);
    expect(await messagesTo('84912345007')).toEqual([]);
    expect(sim.stats()).toMatchObject({ accepted: 1, neverDelivered: 1, delivered: 0 });
  });

  it('failDlrRate 1 reports UNDELIV and stores nothing', async () => {
    const client = await bound();
    sim.setFaults({ failDlrRate: 1 });
    const resp = await client.call('submit_sm', { destination_addr: '84912345008', registered_delivery: 1, short_message: 'bounced' });
    const receipt = await client.nextReceipt();
    expect(receiptText(receipt)).toMatch(new RegExp(`^id:${resp.message_id} .* stat:UNDELIV err:001 `));
    expect(receipt.message_state).toBe(5);
    expect(await messagesTo('84912345008')).toEqual([]);
  });

  it('sends the receipt of a transmitter session to a receiver of the same system_id, or when one binds', async () => {
    const transmitter = await bound('bind_transmitter');
    const a = await transmitter.call('submit_sm', { destination_addr: '84912345009', registered_delivery: 1, short_message: 'queued' });
    await sleep(150);
    const receiver = await bound('bind_receiver');
    expect((await receiver.nextReceipt()).receipted_message_id).toBe(a.message_id);
    const b = await transmitter.call('submit_sm', { destination_addr: '84912345009', registered_delivery: 1, short_message: 'routed' });
    expect((await receiver.nextReceipt()).receipted_message_id).toBe(b.message_id);
    expect(transmitter.receipts).toHaveLength(0);
  });

  it('the brandname HTTP API sends, checks credentials and is idempotent by requestId', async () => {
    const ok = await sendBrandname(brandname('0912345010', 'req-1'));
    expect(ok).toMatchObject({ errorCode: '000', errorMessage: 'Success', requestId: 'req-1' });
    expect(ok.messageId).toBeTruthy();
    const again = await sendBrandname(brandname('0912345010', 'req-1'));
    expect(again).toMatchObject({ errorCode: '000', messageId: ok.messageId });

    const denied = await sendBrandname({ ...brandname('84912345010', 'req-2'), password: 'nope' });
    expect(denied.errorCode).toBe('401');
    expect(denied.messageId).toBeUndefined();

    await sim.inbox.waitFor({ to: '84912345010' }, 2000);
    await sleep(100);
    const messages = await messagesTo('84912345010');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ to: '84912345010', from: 'UBNDHANOI', via: 'http', messageId: ok.messageId, segments: 1 });
    const status = await (await fetch(`${base}/brandname/status?messageId=${ok.messageId}`)).json();
    expect(status).toEqual({ messageId: ok.messageId, status: 'DELIVERED' });
    expect(sim.stats()).toMatchObject({ submitted: 1, accepted: 1, delivered: 1, duplicatesByRequestId: 1 });
  });

  it('the brandname API reports injected failures and throttling', async () => {
    sim.setFaults({ failureRate: 1 });
    expect((await sendBrandname(brandname('84912345011', 'req-f'))).errorCode).toBe('099');
    sim.setFaults({ failureRate: 0, throttlePerSecond: 1 });
    expect((await sendBrandname(brandname('84912345011', 'req-f'))).errorCode).toBe('000');
    expect((await sendBrandname(brandname('84912345011', 'req-t'))).errorCode).toBe('429');
  });

  it('POST /reset and DELETE /messages clear the inbox; faults return to the start values', async () => {
    await sendBrandname(brandname('84912345012', 'req-r'));
    await sim.inbox.waitFor({ to: '84912345012' }, 2000);
    await fetch(`${base}/messages`, { method: 'DELETE' });
    expect(await messagesTo('84912345012')).toEqual([]);
    sim.setFaults({ latencyMs: 5 });
    await fetch(`${base}/reset`, { method: 'POST' });
    expect(await (await fetch(`${base}/faults`)).json()).toMatchObject({ latencyMs: 0, dlrDelayMs: 50 });
    expect(sim.stats().submitted).toBe(0);
    expect((await fetch(`${base}/faults`, { method: 'PUT', body: '{"failureRate": 3}' })).status).toBe(400);
  });

  it('unbind is answered and the session is closed', async () => {
    const client = await bound();
    const closed = new Promise<void>((resolve) => client.session.once('close', () => resolve()));
    expect((await client.call('unbind')).command_status).toBe(ESME_ROK);
    await closed;
  });
});

describe('SMS-centre simulator stop()', () => {
  it('closes both ports and every open session', async () => {
    const sim = createSmsSimulator({ smppPort: 0, httpPort: 0, host: '127.0.0.1', seed: 1 });
    const { smppPort, httpPort } = await sim.start();
    const session = await new Promise<smpp.Session>((resolve) => {
      const s = smpp.connect({ host: '127.0.0.1', port: smppPort }, () => resolve(s));
    });
    session.on('error', () => undefined);
    await new Promise((resolve) => session.bind_transceiver(CREDENTIALS, resolve));
    // A submitted message whose delivery is still pending must not keep a timer alive.
    await new Promise((resolve) => session.submit_sm({ destination_addr: '84912345099', registered_delivery: 1, short_message: 'x' }, resolve));
    const closed = new Promise<void>((resolve) => session.once('close', () => resolve()));
    await sim.stop();
    await closed;
    await expect(fetch(`http://127.0.0.1:${httpPort}/health`)).rejects.toThrow();
    const refused = await new Promise<boolean>((resolve) => {
      const s = smpp.connect({ host: '127.0.0.1', port: smppPort }, () => {
        s.destroy();
        resolve(false);
      });
      s.on('error', () => resolve(true));
    });
    expect(refused).toBe(true);
  });
});
