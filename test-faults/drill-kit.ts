import { isSecretSmsKind, maskOtpText, toLocalParts } from '@dvc/core';
import { birthRegistrationForm, citizenToken, DESKS, submissionFor, uniquePhone, waitFor } from '@dvc/testing';
import type request from 'supertest';
import type { DataSource } from 'typeorm';
import type { SmsSimulator } from '../apps/sms-simulator/src/sms-simulator';

type Http = ReturnType<typeof request>;

/** A quiet-hours window twelve hours away, so that no notice is held during a drill. */
export function quietHoursAwayFromNow(): string {
  const { hour, minute } = toLocalParts(new Date(Date.now() + 12 * 3600_000));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(hour)}:${pad(minute)}-${pad(hour)}:${pad((minute + 1) % 60)}`;
}

/** Worker settings for drills: fast polling and retries, a rate limit far above what the drills send. */
export function fastSmsEnv(): Record<string, string> {
  return {
    OUTBOX_POLL_MS: '50',
    SMS_BACKOFF_MS: '50',
    SMS_MAX_ATTEMPTS: '30',
    SMS_RATE_PER_SECOND: '2000',
    SMS_CONCURRENCY: '20',
    SMS_QUIET_HOURS: quietHoursAwayFromNow(),
  };
}

/** The drill's counts on one line, e.g. `[redis-outage] accepted=1000 stored=1000 sms_delivered=1020 duplicates=0`. */
export function printCounts(drill: string, counts: Record<string, number | string>): void {
  process.stdout.write(
    `[${drill}] ${Object.entries(counts)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ')}\n`,
  );
}

/** Runs fn(0..n-1) with at most `concurrency` calls in flight; results in index order. */
export async function inParallel<T>(n: number, concurrency: number, fn: (i: number) => Promise<T>): Promise<T[]> {
  const results = new Array<T>(n);
  let next = 0;
  const lane = async () => {
    while (next < n) {
      const i = next++;
      results[i] = await fn(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(n, concurrency) }, lane));
  return results;
}

export interface Citizen {
  token: string;
  phone: string;
  /** A complete birth-registration submission at Phường Tràng Tiền, its files uploaded once and reused. */
  body: Record<string, unknown>;
}

/** OTP requests for n new phones (one SMS each); returns the phones in 84… form. */
export async function requestOtps(http: Http, n: number, concurrency = 8): Promise<string[]> {
  return inParallel(n, concurrency, async () => {
    const res = await http.post('/api/v1/auth/citizens/otp').send({ phone: uniquePhone() });
    if (res.status !== 202) throw new Error(`OTP request failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.phone as string;
  });
}

/** Signs citizens in (OTP through the outbox) and uploads one set of files each. */
export async function citizensWithSubmissions(http: Http, db: DataSource, n: number): Promise<Citizen[]> {
  return inParallel(n, 5, async () => {
    const { token, phone } = await citizenToken(http, db);
    const local = `0${phone.slice(2)}`;
    const body = await submissionFor(http, token, local, {
      code: '1.001193',
      agencyCode: DESKS.trangTien,
      form: birthRegistrationForm(local),
      components: ['TK', 'GCS', 'GTTT'],
    });
    return { token, phone, body };
  });
}

export interface SmsCounts {
  /** Rows in sms_messages for the phones. */
  messages: number;
  delivered: number;
  /** Messages that reached the handset more than once (counted per message). */
  duplicates: number;
  /** Messages not (yet) in the simulator's inbox. */
  missing: number;
  inbox: number;
}

/**
 * Each stored SMS for these phones against the simulator's inbox, matched by recipient and text. `done` are the
 * final statuses: 'delivered' over SMPP (receipts), 'sent' too over the HTTP API (it has no receipts).
 */
export async function smsCounts(db: DataSource, sim: SmsSimulator, phones: string[], done: string[] = ['delivered']): Promise<SmsCounts> {
  const rows: { to: string; kind: string; text: string; status: string }[] = await db.query(
    `SELECT "to", kind, text, status FROM sms_messages WHERE "to" = ANY($1)`,
    [phones],
  );
  const wanted = new Set(phones);
  const received = new Map<string, number>();
  let inbox = 0;
  // The worker masks the code of a delivered OTP in sms_messages (purgeSpentOtps): OTPs are matched masked.
  const receivedOtp = new Map<string, number>();
  for (const m of sim.inbox.list((x) => wanted.has(x.to))) {
    inbox++;
    received.set(`${m.to}\u0000${m.text}`, (received.get(`${m.to}\u0000${m.text}`) ?? 0) + 1);
    const masked = `${m.to}\u0000${maskOtpText(m.text)}`;
    receivedOtp.set(masked, (receivedOtp.get(masked) ?? 0) + 1);
  }
  let duplicates = 0;
  let missing = 0;
  for (const r of rows) {
    const n = isSecretSmsKind(r.kind) ? (receivedOtp.get(`${r.to}\u0000${maskOtpText(r.text)}`) ?? 0) : (received.get(`${r.to}\u0000${r.text}`) ?? 0);
    if (n === 0) missing++;
    if (n > 1) duplicates++;
  }
  return { messages: rows.length, delivered: rows.filter((r) => done.includes(r.status)).length, duplicates, missing, inbox };
}

/** Waits until every stored SMS for the phones is delivered and in the inbox (at least `expected` of them). */
export async function waitForSms(
  db: DataSource,
  sim: SmsSimulator,
  phones: string[],
  expected: number,
  timeoutMs: number,
  done?: string[],
): Promise<SmsCounts> {
  let last: SmsCounts | null = null;
  try {
    await waitFor(
      async () => {
        last = await smsCounts(db, sim, phones, done);
        return last.messages >= expected && last.delivered === last.messages && last.missing === 0;
      },
      timeoutMs,
      'SMS not all delivered',
    );
  } catch (error) {
    const stuck = await db.query(
      `SELECT m.status, m.attempts, m.last_error, m.created_at, m.sent_at, o.dispatched_at FROM sms_messages m JOIN outbox o ON o.id = m.outbox_id
       WHERE m."to" = ANY($1) AND m.status <> ALL($2) LIMIT 5`,
      [phones, done ?? ['delivered']],
    );
    throw new Error(`${(error as Error).message}: ${JSON.stringify(last)} (expected ${expected}); not delivered: ${JSON.stringify(stuck)}`);
  }
  return last!;
}

export interface DossierIntegrity {
  stored: number;
  /** Dossiers without their submit event, or whose status differs from their last event's. */
  withoutEvents: number;
  /** Dossiers without the national-portal row their submission writes. */
  withoutOutbox: number;
}

/** What the dossiers of these owners hold, checked for half-written state. */
export async function dossierIntegrity(db: DataSource, citizenPhones: string[]): Promise<DossierIntegrity> {
  const [row] = await db.query(
    `SELECT count(*)::int AS stored,
       count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM dossier_events e WHERE e.dossier_id = d.id AND e.action = 'submit')
         OR d.status <> (SELECT e.to_status FROM dossier_events e WHERE e.dossier_id = d.id ORDER BY e.at DESC, e.id DESC LIMIT 1))::int AS without_events,
       count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM outbox o WHERE o.dossier_code = d.code AND o.topic = 'national_portal'))::int AS without_outbox
     FROM dossiers d WHERE d.applicant_phone = ANY($1)`,
    [citizenPhones],
  );
  return { stored: row.stored, withoutEvents: row.without_events, withoutOutbox: row.without_outbox };
}

/** The API answers without a restart: readiness (PostgreSQL and Redis) and an authenticated read. */
export async function waitForApi(http: Http, token: string, timeoutMs = 20_000): Promise<void> {
  await waitFor(async () => (await http.get('/health/ready')).status === 200, timeoutMs, 'the API is not ready again');
  await waitFor(
    async () => (await http.get('/api/v1/dossiers?limit=1').set('Authorization', `Bearer ${token}`)).status === 200,
    timeoutMs,
    'the API does not serve again',
  );
}
