import { Writable } from 'node:stream';
import pino from 'pino';
import pinoHttp from 'pino-http';
import { QueryFailedError } from 'typeorm';
import { redactingLogOptions } from './log-redaction';
import { serializeErrorForLog } from './log-error-serializer';

const PHONE = '84912345678';
const ID_NUMBER = '001090012345';

/** What pg raises on a unique violation: the row's values are in `detail`. */
function uniqueViolation(): QueryFailedError {
  const driverError = Object.assign(new Error('duplicate key value violates unique constraint "uq_citizens_phone"'), {
    code: '23505',
    severity: 'ERROR',
    table: 'citizens',
    constraint: 'uq_citizens_phone',
    detail: `Key (phone)=(${PHONE}) already exists.`,
    where: `SQL statement "INSERT INTO citizens VALUES ('${PHONE}')"`,
  });
  return new QueryFailedError(
    'INSERT INTO "citizens"("phone", "id_number") VALUES ($1, $2)',
    [PHONE, ID_NUMBER, { applicant: { phone: `0${PHONE.slice(2)}` } }],
    driverError,
  );
}

describe('error serialiser of every log', () => {
  it("keeps what failed (type, code, table, constraint, SQL text) and drops parameters and the driver's row values", () => {
    const out = serializeErrorForLog(uniqueViolation()) as Record<string, unknown>;
    expect(out).toMatchObject({
      type: 'QueryFailedError',
      code: '23505',
      table: 'citizens',
      constraint: 'uq_citizens_phone',
      query: 'INSERT INTO "citizens"("phone", "id_number") VALUES ($1, $2)',
      driverError: { code: '23505', table: 'citizens' },
    });
    expect(out).not.toHaveProperty('parameters');
    expect(JSON.stringify(out)).not.toMatch(/912345678|001090012345/);
  });

  it.each([
    ['pino', (sink: Writable) => pino(redactingLogOptions('info'), sink)],
    ["pino-http (the API's request logger)", (sink: Writable) => pinoHttp(redactingLogOptions('info'), sink).logger],
  ])('through %s, under err and error, nothing personal reaches the line', (_label, make) => {
    const lines: string[] = [];
    const logger = make(
      new Writable({
        write(chunk: Buffer, _enc, done) {
          lines.push(chunk.toString());
          done();
        },
      }),
    );
    logger.error({ err: uniqueViolation(), url: '/api/v1/auth/citizens/otp' }, 'Unhandled error');
    logger.error({ error: uniqueViolation() }, 'job failed');
    logger.error(uniqueViolation());
    const text = lines.join('');
    expect(text).toContain('uq_citizens_phone');
    expect(text).not.toMatch(/912345678|001090012345/);
  });

  it('an error nested as cause is cleaned too, and a cycle does not loop', () => {
    const outer: Error & { cause?: unknown; self?: unknown } = new Error('sending failed', { cause: uniqueViolation() });
    outer.self = outer;
    expect(JSON.stringify(serializeErrorForLog(outer))).not.toMatch(/912345678/);
  });
});
