import { Writable } from 'node:stream';
import { APPLICANT, asOwner, birthRegistrationForm, citizenToken, DESKS, startTestApp, submissionFor, TestApp, uniquePhone } from '@dvc/testing';

/**
 * Reads everything the API logs while PostgreSQL refuses statements that carry personal data (triggers raising on
 * rows for phones reserved by this file, quoting the row's values in the error's DETAIL as pg does for a unique
 * violation), and checks that no phone, ID number or OTP reaches the log: TypeORM errors carry the statement's
 * parameters and the driver's detail, and pino's default serialiser copied both.
 */
describe('log scan: unhandled database errors', () => {
  let t: TestApp;
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  const otpRefused = uniquePhone();
  const outboxRefused = uniquePhone();
  const intl = (p: string) => `84${p.slice(1)}`;
  let submitter: { token: string; phone: string };

  beforeAll(async () => {
    // Listening, as in production: Nest keeps its own loggers' lines (the problem filter's) buffered until listen.
    t = await startTestApp({ SMS_PROVIDER: 'log', LOG_LEVEL: 'info' }, { logStream: sink, listen: true });
    submitter = await citizenToken(t.http, t.db);
    // Triggers are DDL: as the schema's owner (the app's role owns nothing).
    await asOwner(async (query) => {
      await query(`CREATE FUNCTION log_scan_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF to_jsonb(NEW)->>'phone' = ANY(TG_ARGV) OR to_jsonb(NEW)->>'applicant_phone' = ANY(TG_ARGV) OR to_jsonb(NEW)->'payload'->>'to' = ANY(TG_ARGV) THEN
            RAISE EXCEPTION 'refused by the log scan' USING ERRCODE = '23514', DETAIL = 'Failing row contains ' || to_jsonb(NEW)::text;
          END IF;
          RETURN NEW;
        END $$`);
      const phones = [intl(otpRefused), intl(outboxRefused), submitter.phone].map((p) => `'${p}'`).join(', ');
      await query(`CREATE TRIGGER log_scan_otp BEFORE INSERT OR UPDATE ON otp_states FOR EACH ROW EXECUTE FUNCTION log_scan_refuse(${intl(otpRefused)})`);
      await query(`CREATE TRIGGER log_scan_outbox BEFORE INSERT ON outbox FOR EACH ROW EXECUTE FUNCTION log_scan_refuse(${phones})`);
      await query(`CREATE TRIGGER log_scan_dossiers BEFORE INSERT ON dossiers FOR EACH ROW EXECUTE FUNCTION log_scan_refuse(${submitter.phone})`);
    });
  }, 60_000);

  afterAll(async () => {
    await asOwner(async (query) => {
      for (const table of ['otp_states', 'outbox', 'dossiers']) await query(`DROP TRIGGER IF EXISTS log_scan_${table.split('_')[0]} ON ${table}`);
      await query(`DROP FUNCTION IF EXISTS log_scan_refuse()`);
    });
    await t?.close();
  });

  it('an OTP request, an OTP whose SMS cannot be written and a submission fail with 500, and the log names the error without the data', async () => {
    await t.http.post('/api/v1/auth/citizens/otp').send({ phone: otpRefused }).expect(500);
    await t.http.post('/api/v1/auth/citizens/otp').send({ phone: outboxRefused }).expect(500);
    const local = `0${submitter.phone.slice(2)}`;
    const body = await submissionFor(t.http, submitter.token, local, {
      code: '1.001193',
      agencyCode: DESKS.trangTien,
      form: birthRegistrationForm(local),
      components: ['TK', 'GCS', 'GTTT'],
    });
    const failed = await t.http.post('/api/v1/dossiers').set('Authorization', `Bearer ${submitter.token}`).send(body).expect(500);
    expect(failed.headers['content-type']).toMatch(/^application\/problem\+json/);

    const text = lines.join('');
    const unhandled = lines
      .flatMap((l) => l.split('\n'))
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { msg?: string; err?: { type?: string; code?: string } })
      .filter((l) => l.msg === 'Unhandled error');
    // The scan means something only if the errors were logged, as what they are.
    expect(unhandled.map((l) => [l.err?.type, l.err?.code])).toEqual([
      ['QueryFailedError', '23514'],
      ['QueryFailedError', '23514'],
      ['QueryFailedError', '23514'],
    ]);

    const personal = [otpRefused, outboxRefused, local].flatMap((p) => [p, intl(p), p.slice(1)]).concat([APPLICANT.idNumber]);
    expect(personal.filter((p) => text.includes(p))).toEqual([]);
    // Any phone or ID number at all, and the OTP's variables (its code is never known here: the transaction rolled back).
    expect(text.match(/(?<![\d.])(?:\+?84|0)(?:3|5|7|8|9)\d{8}(?!\d)|(?<!\d)\d{12}(?!\d)|ttlMinutes/g)).toBeNull();
  });
});
