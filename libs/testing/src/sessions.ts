import type request from 'supertest';
import { DataSource } from 'typeorm';
import { OutboxMessageEntity } from '@dvc/outbox';
import { DEMO_PASSWORD_FOR_TESTS } from './test-env';

export async function officerToken(http: ReturnType<typeof request>, username: string): Promise<string> {
  const res = await http.post('/api/v1/auth/officers/login').send({ username, password: DEMO_PASSWORD_FOR_TESTS });
  if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.accessToken as string;
}

/** The last OTP written to the outbox for a phone (84… form): what the SMS would carry. */
export async function lastOtpFor(db: DataSource, phone: string): Promise<string> {
  const row = await db
    .getRepository(OutboxMessageEntity)
    .createQueryBuilder('o')
    .where(`o.kind = 'otp' AND o.payload->>'to' = :phone`, { phone })
    .orderBy('o.created_at', 'DESC')
    .getOne();
  if (!row) throw new Error(`no OTP in the outbox for ${phone}`);
  return (row.payload.variables as { code: string }).code;
}

let lastPhone = -1;
/**
 * A distinct valid mobile number per call: the worker id keeps parallel test files apart, and the seven digits after
 * it never repeat in a process and follow the clock (milliseconds), so a later test file of the same worker, whose
 * module state starts afresh, continues past them. The clock alone would repeat a number when a burst of calls lands
 * in one millisecond, as it does under load.
 */
export function uniquePhone(): string {
  const worker = Number(process.env.JEST_WORKER_ID ?? 1) % 10;
  lastPhone = Math.max(lastPhone + 1, Date.now() % 10_000_000);
  return `09${worker}${String(lastPhone % 10_000_000).padStart(7, '0')}`;
}

export async function citizenToken(http: ReturnType<typeof request>, db: DataSource, phone = uniquePhone()): Promise<{ token: string; phone: string }> {
  const sent = await http.post('/api/v1/auth/citizens/otp').send({ phone });
  if (sent.status !== 202) throw new Error(`OTP request failed: ${sent.status} ${JSON.stringify(sent.body)}`);
  const normalised = sent.body.phone as string;
  const res = await http.post('/api/v1/auth/citizens/verify').send({ phone, code: await lastOtpFor(db, normalised) });
  if (res.status !== 200) throw new Error(`OTP verify failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { token: res.body.accessToken as string, phone: normalised };
}
