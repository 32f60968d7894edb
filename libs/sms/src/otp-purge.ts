import type { DataSource } from 'typeorm';
import { OTP_DIGITS_SQL, OTP_MASK } from '@dvc/core';

export interface OtpPurgeResult {
  /** OTP messages whose stored text was masked. */
  messages: number;
  /** Outbox rows whose code was removed from the payload. */
  outbox: number;
  /** OTP messages still unsent when their code expired: failed, never sent late. */
  expiredUnsent: number;
}

/**
 * Personal-data minimisation (Decree 13/2023): an OTP is kept only while it can still be used. Once its message
 * is delivered or failed, or its code has expired, the code goes from the SMS text (masked as maskOtpText does)
 * and from the outbox payload. A delivered message is left `graceSeconds` first, so that a test or an operator
 * reading the code the moment it was sent still finds it. Idempotent; the partial indexes hold only live codes.
 */
export async function purgeSpentOtps(db: DataSource, o: { ttlSeconds: number; graceSeconds: number }): Promise<OtpPurgeResult> {
  // TypeORM answers an UPDATE with [rows, count].
  const count = (result: [unknown[], number]) => result[1];
  return db.transaction(async (em) => {
    const expiredUnsent = count(
      await em.query(
        `UPDATE sms_messages SET status = 'failed', failed_at = now(), last_error = 'the code expired before it was sent', updated_at = now()
       WHERE kind = 'otp' AND text ~ '${OTP_DIGITS_SQL}' AND status IN ('queued', 'sending') AND created_at < now() - make_interval(secs => $1)
       RETURNING id`,
        [o.ttlSeconds],
      ),
    );
    const messages = count(
      await em.query(
        `UPDATE sms_messages SET text = regexp_replace(text, '${OTP_DIGITS_SQL}', $3, 'g'), updated_at = now()
       WHERE kind = 'otp' AND text ~ '${OTP_DIGITS_SQL}'
         AND (created_at < now() - make_interval(secs => $1)
              OR (status IN ('delivered', 'failed') AND coalesce(delivered_at, failed_at, updated_at) < now() - make_interval(secs => $2)))
       RETURNING id`,
        [o.ttlSeconds, o.graceSeconds, OTP_MASK],
      ),
    );
    const outbox = count(
      await em.query(
        `UPDATE outbox o SET payload = o.payload #- '{variables,code}'
       WHERE o.kind = 'otp' AND (o.payload #> '{variables,code}') IS NOT NULL
         AND (o.created_at < now() - make_interval(secs => $1)
              OR EXISTS (SELECT 1 FROM sms_messages m WHERE m.outbox_id = o.id AND m.text !~ '${OTP_DIGITS_SQL}'))
       RETURNING o.id`,
        [o.ttlSeconds],
      ),
    );
    return { messages, outbox, expiredUnsent };
  });
}
