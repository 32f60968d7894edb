import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DomainError, DomainErrorCode } from '@dvc/core';
import { ContentGate } from './content-gate';

const PDF_HEAD = Buffer.from('%PDF-1.4\n');

async function run(chunks: Buffer[], maxBytes = 10_000): Promise<{ out: Buffer; gate: ContentGate }> {
  const gate = new ContentGate({ maxBytes, allowedMime: ['application/pdf', 'image/png'] });
  const received: Buffer[] = [];
  await pipeline(
    Readable.from(chunks),
    gate,
    new Writable({
      write(chunk: Buffer, _e, cb) {
        received.push(chunk);
        cb();
      },
    }),
  );
  return { out: Buffer.concat(received), gate };
}

describe('ContentGate', () => {
  it('passes an allowed file through unchanged, in small and large chunks', async () => {
    const body = Buffer.concat([PDF_HEAD, Buffer.alloc(9000, 0x41)]);
    const small = await run(Array.from({ length: Math.ceil(body.length / 7) }, (_, i) => body.subarray(i * 7, i * 7 + 7)));
    expect(small.out.equals(body)).toBe(true);
    expect(small.gate.type).toEqual({ mime: 'application/pdf', ext: 'pdf' });
    const whole = await run([body]);
    expect(whole.out.equals(body)).toBe(true);
  });

  it('decides at the end for a file shorter than the sniffing window', async () => {
    const { out, gate } = await run([PDF_HEAD]);
    expect(out.equals(PDF_HEAD)).toBe(true);
    expect(gate.type?.mime).toBe('application/pdf');
  });

  it.each([
    ['an executable', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(5000)])],
    ['text', Buffer.from('hello')],
    ['nothing', Buffer.alloc(0)],
  ])('refuses %s with 415 before letting a byte through', async (_label, body) => {
    const received: Buffer[] = [];
    const gate = new ContentGate({ maxBytes: 10_000, allowedMime: ['application/pdf'] });
    const error = await pipeline(
      Readable.from(body.length ? [body] : []),
      gate,
      new Writable({
        write(c: Buffer, _e, cb) {
          received.push(c);
          cb();
        },
      }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(DomainErrorCode.UnsupportedMediaType);
    expect(received).toEqual([]);
  });

  it('refuses with 413 one byte over the limit, and accepts exactly the limit', async () => {
    const atLimit = Buffer.concat([PDF_HEAD, Buffer.alloc(5000 - PDF_HEAD.length)]);
    await expect(run([atLimit], 5000)).resolves.toBeDefined();
    const over = Buffer.concat([atLimit, Buffer.from([0])]);
    const error = await run([over.subarray(0, 4200), over.subarray(4200)], 5000).catch((e: unknown) => e);
    expect((error as DomainError).code).toBe(DomainErrorCode.PayloadTooLarge);
  });
});
