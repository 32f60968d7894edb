import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Writable } from 'node:stream';
import pino from 'pino';
import pinoHttp, { type Options } from 'pino-http';
import request from 'supertest';
import { redactingLogOptions, RuntimeConfig } from '@dvc/config';
import type { Principal } from '@dvc/core';
import { loggerParams } from './logging';

/** The request log lines our pino-http options write: who asked, and nothing a citizen would not want in a log. */
describe('request logging', () => {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(
        ...chunk
          .toString()
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l)),
      );
      done();
    },
  });
  const runtime = Object.assign(new RuntimeConfig(), { logLevel: 'info' });
  const log = pinoHttp(loggerParams(runtime).pinoHttp as Options, sink);
  const server = createServer((req: IncomingMessage & { principal?: Principal }, res: ServerResponse) => {
    log(req, res);
    if (req.headers['x-who'] === 'officer')
      req.principal = {
        kind: 'officer',
        id: 'o1',
        username: 'tn.trangtien',
        agencyCode: '001.35.22.H26',
        roles: ['receiving_officer'],
      } as unknown as Principal;
    if (req.headers['x-who'] === 'citizen') req.principal = { kind: 'citizen', id: 'c1' } as unknown as Principal;
    req.log.info({ applicant: { phone: '0912345678', idNumber: '001099012345' }, otp: '123456' }, 'handling 0912345678');
    res.end('{}');
  });

  beforeEach(() => lines.splice(0));

  it.each([
    ['an anonymous tracking request', undefined, undefined],
    ['a citizen', 'citizen', { citizen: 'c1' }],
    ['an officer', 'officer', { officer: 'tn.trangtien', agency: '001.35.22.H26' }],
  ])('%s: the completion line names the principal (or none), and no phone, ID number, OTP or token is written', async (_name, who, principal) => {
    await request(server)
      .get('/api/v1/tracking/001.35.22.H26-261125-0001?phone=5678&token=abc.def.ghi')
      .set('authorization', 'Bearer abc.def.ghi')
      .set('x-who', who ?? '');
    const completed = lines.find((l) => l.msg === 'request completed')!;
    expect(completed.principal).toEqual(principal);
    expect((completed.req as { url: string }).url).toBe('/api/v1/tracking/001.35.22.H26-261125-0001?phone=[redacted]&token=[redacted]');
    const text = JSON.stringify(lines);
    for (const secret of ['0912345678', '001099012345', '123456', 'abc.def.ghi', '5678&']) expect(text).not.toContain(secret);
  });
});

describe("every program's log options", () => {
  it('mask the SMS recipient and secrets in job data logged by the worker', () => {
    const lines: string[] = [];
    const logger = pino(
      redactingLogOptions('info'),
      new Writable({
        write(chunk: Buffer, _enc, done) {
          lines.push(chunk.toString());
          done();
        },
      }),
    );
    logger.info({ job: { to: '84912345678', otp: '654321', variables: { code: '001.35.22.H26-261125-0001' } }, to: '84912345678' }, 'sending to 84912345678');
    expect(lines.join('')).not.toMatch(/84912345678|654321/);
  });
});
