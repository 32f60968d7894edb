import type request from 'supertest';
import { DataSource } from 'typeorm';
import { OutboxMessageEntity } from '@dvc/notifications';
import { DEMO_PASSWORD_FOR_TESTS } from './test-env';

export async function officerToken(http: ReturnType<typeof request>, username: string): Promise<string> {
  const res = await http.post('/api/v1/auth/officers/login').send({ username, password: DEMO_PASSWORD_FOR_TESTS });
  if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.accessToken as string;
}

/** The last OTP written to the outbox for a phone (84… form): what the SMS would carry. */
export async function lastOtpFor(db: DataSource, phone: string): Promise<string> {
  const row = await db.getRepository(OutboxMessageEntity).createQueryBuilder('o')
    .where(`o.kind = 'otp' AND o.payload->>'to' = :phone`, { phone }).orderBy('o.created_at', 'DESC').getOne();
  if (!row) throw new Error(`no OTP in the outbox for ${phone}`);
  return (row.payload.variables as { code: string }).code;
}

let phoneCounter = 0;
/** A distinct valid mobile number per call in this process (the worker id keeps parallel test files apart). */
export function uniquePhone(): string {
  const worker = Number(process.env.JEST_WORKER_ID ?? 1) % 10;
  phoneCounter += 1;
  const tail = String((Date.now() % 100000) * 10 + (phoneCounter % 10)).padStart(6, '0').slice(-6);
  return `09${worker}${String(phoneCounter % 10)}${tail}`;
}

export async function citizenToken(http: ReturnType<typeof request>, db: DataSource, phone = uniquePhone()): Promise<{ token: string; phone: string }> {
  const sent = await http.post('/api/v1/auth/citizens/otp').send({ phone });
  if (sent.status !== 202) throw new Error(`OTP request failed: ${sent.status} ${JSON.stringify(sent.body)}`);
  const normalised = sent.body.phone as string;
  const res = await http.post('/api/v1/auth/citizens/verify').send({ phone, code: await lastOtpFor(db, normalised) });
  if (res.status !== 200) throw new Error(`OTP verify failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { token: res.body.accessToken as string, phone: normalised };
}
