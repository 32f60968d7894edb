import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { HttpBrandnameProvider } from './http-brandname.provider';
import { LogProvider } from './log.provider';
import { parseReceipt } from './smpp.provider';
import { SmsSendError } from './sms-provider';

describe('parseReceipt', () => {
  it.each([
    [
      { short_message: { message: 'id:abc123 sub:001 dlvrd:001 submit date:2611251030 done date:2611251031 stat:DELIVRD err:000 text:Ho so' } },
      { providerMessageId: 'abc123', status: 'delivered' },
    ],
    [
      { short_message: 'id:77 sub:001 dlvrd:000 submit date:2611251030 done date:2611251031 stat:UNDELIV err:001 text:' },
      { providerMessageId: '77', status: 'failed' },
    ],
    [
      { short_message: { message: 'stat:DELIVRD' }, receipted_message_id: 'tlv-9', message_state: 2 },
      { providerMessageId: 'tlv-9', status: 'delivered' },
    ],
    [{ short_message: { message: 'id:5 stat:EXPIRED err:000' } }, { providerMessageId: '5', status: 'failed' }],
    [
      { short_message: { message: 'ID:5188108 SUB:001 DLVRD:001 STAT:DELIVRD ERR:000 TEXT:' } },
      { providerMessageId: '5188108', status: 'delivered', alternativeIds: expect.arrayContaining(['4f2a0c', '4F2A0C']) },
    ],
    [{ short_message: { message: 'id:9 stat:rejectd' } }, { providerMessageId: '9', status: 'failed', detail: 'REJECTD' }],
  ])('%j → %j', (pdu, expected) => {
    expect(parseReceipt(pdu)).toMatchObject(expected);
  });

  it.each([[{ short_message: { message: 'hello' } }], [{ short_message: { message: 'id:5 stat:ENROUTE' } }]])('%j is not a final receipt', (pdu) => {
    expect(parseReceipt(pdu)).toBeNull();
  });
});

describe('HttpBrandnameProvider', () => {
  let server: Server;
  let answer: { status: number; body: unknown };
  let received: Record<string, unknown>[] = [];
  let provider: HttpBrandnameProvider;
  const sms = { reference: 'ref-1', to: '84912345678', sender: 'HANOI-DVC', text: 'Ho so da duoc tiep nhan', encoding: 'GSM7' as const, segments: 1 };

  beforeAll(async () => {
    server = createServer((req, res) => {
      let data = '';
      req.on('data', (c) => (data += c));
      req.on('end', () => {
        received.push(JSON.parse(data));
        res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    provider = new HttpBrandnameProvider({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/send`, username: 'u', password: 'p' });
  });
  afterAll(() => new Promise((r) => server.close(r)));
  beforeEach(() => (received = []));

  it('sends the VNPT JSON with our reference as requestId', async () => {
    answer = { status: 200, body: { errorCode: '000', messageId: 'm-1' } };
    await expect(provider.send(sms)).resolves.toEqual({ providerMessageId: 'm-1' });
    expect(received[0]).toMatchObject({ username: 'u', password: 'p', brandname: 'HANOI-DVC', phone: '84912345678', requestId: 'ref-1', unicode: 0 });
  });

  it.each([
    [{ status: 200, body: { errorCode: '429' } }, true, true],
    [{ status: 200, body: { errorCode: '401', errorMessage: 'bad credentials' } }, false, false],
    [{ status: 503, body: {} }, true, false],
    [{ status: 200, body: { errorCode: '099' } }, true, false],
  ])('%j → retryable %s, throttled %s', async (a, retryable, throttled) => {
    answer = a;
    const error = await provider.send(sms).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SmsSendError);
    expect(error).toMatchObject({ retryable, throttled });
  });
});

describe('LogProvider', () => {
  it('reports every message delivered', async () => {
    const provider = new LogProvider();
    const receipts: unknown[] = [];
    provider.onReceipt((r) => receipts.push(r));
    const { providerMessageId } = await provider.send({ reference: 'r', to: '84912345678', sender: 'X', text: 'hi', encoding: 'GSM7', segments: 1 });
    await new Promise((r) => setImmediate(r));
    expect(receipts).toEqual([{ providerMessageId, status: 'delivered', detail: 'LOGGED' }]);
  });
});
