import { Inject, Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { SmsConfig } from '@dvc/config';
import { isUrgentSmsKind, quietHoursRelease } from '@dvc/core';
import type { RelayedRow } from '@dvc/outbox';
import { SMS_PROVIDER, SmsProvider, SmsSendError } from './providers/sms-provider';
import { SmsMessageEntity } from './sms-message.entity';
import { SmsReceipts } from './sms-receipts';
import { SmsRenderer } from './sms-renderer';

/** What became of a job's messages; the processor turns it into BullMQ's language. */
export interface BatchOutcome {
  /** Accepted by the provider in this run. */
  sent: number;
  /** Refused for good (e.g. invalid number): stored as failed, not retried. */
  failedPermanently: number;
  /** Still to send because of a retryable error, or because another run holds them right now. */
  retry: number;
  /** The provider asked us to slow down (the rest of the batch was not tried). */
  throttled: boolean;
  /** The first error, for the job's failure reason. */
  firstError: string | null;
  /** The earliest quiet-hours release among the messages that must wait. */
  heldUntil: Date | null;
  /** Messages another run holds: when the last of those claims lapses (a run that died leaves its claim behind). */
  busyUntil: Date | null;
}

/** Supplies send permits (the per-provider rate limit); the default grants all. */
export type Permits = (wanted: number) => Promise<number>;

interface ClaimRow {
  id: string;
  outbox_id: string;
  to: string;
  sender: string;
  text: string;
  encoding: 'GSM7' | 'UCS2';
  segments: number;
  status: string;
  not_before: Date | null;
  /** For a message in 'sending': when its run claimed it. */
  claimed_at: Date;
  mine: boolean;
}

/**
 * A run claims its messages ('sending') so that two jobs naming the same row never both send it. A claim older
 * than this belongs to a run that died (its BullMQ lock, 30 s, has expired too) and may be taken over.
 */
const CLAIM_LEASE_SECONDS = 30;

/** While PostgreSQL is away (a restart), a sent message keeps trying to be recorded. */
const DB_RETRY_MS = 500;
const RECORD_PATIENCE_MS = 120_000;

/**
 * Turns outbox rows into SMS, exactly one per row. The relay renders and stores the messages of a batch in one
 * statement (unique outbox id), and quiet hours become a delay on the job; a job then reads its message, sends
 * it once it has not been sent, and stores the provider id. Delivery receipts are applied in batches.
 */
@Injectable()
export class SmsDispatchService implements OnModuleInit, OnApplicationShutdown {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(SMS_PROVIDER) private readonly provider: SmsProvider,
    private readonly renderer: SmsRenderer,
    private readonly receipts: SmsReceipts,
    private readonly config: SmsConfig,
  ) {}

  onModuleInit(): void {
    this.provider.onReceipt((receipt) => this.receipts.queue(receipt));
    // Bound from the start: receipts the SMS centre kept for us (e.g. during a restart) arrive only on a session.
    this.provider.open?.();
  }

  /**
   * Closes the carrier session (unbind: receipts it had already pushed arrive before the answer), then stores what
   * arrived; a receipt the SMS centre could not push is pushed again at the next bind. The worker calls this once
   * its jobs have stopped, while the database is still open (shutdown hooks of deeper modules, such as the
   * database's, may run before this module's).
   */
  async stop(): Promise<void> {
    await this.provider.close();
    await this.receipts.stop();
  }

  onApplicationShutdown(): Promise<void> {
    return this.stop();
  }

  /** Relay hook: stores the batch's messages; returns the quiet-hours delay of the rows that must wait. */
  async prepareBatch(em: EntityManager, rows: RelayedRow[], now = new Date()): Promise<Map<string, number>> {
    const delays = new Map<string, number>();
    const values: Partial<SmsMessageEntity>[] = [];
    for (const row of rows) {
      const release = isUrgentSmsKind(row.kind) ? null : quietHoursRelease(now, this.config.quietHours);
      if (release) delays.set(row.id, release.getTime() - now.getTime());
      values.push(await this.renderer.render(row, release));
    }
    if (values.length > 0) {
      await em.createQueryBuilder().insert().into(SmsMessageEntity).values(values).orIgnore().execute();
    }
    return delays;
  }

  /**
   * Sends the messages of the given outbox rows that are still to send, each at most once however often the job
   * runs: claims them, sends them in parallel as permits allow, then records every outcome in one statement.
   */
  async dispatchBatch(outboxIds: string[], permits: Permits = async (n) => n): Promise<BatchOutcome> {
    let rows = await this.claim(outboxIds);
    const unknown = outboxIds.filter((id) => !rows.some((r) => r.outbox_id === id));
    if (unknown.length > 0) {
      // Queued without their message rows (the relay's preparer did not run for them): make them now.
      const outbox: RelayedRow[] = await this.db.query(
        `SELECT id, topic, kind, priority, dossier_code, payload FROM outbox WHERE id = ANY($1) AND topic = 'sms'`,
        [unknown],
      );
      if (outbox.length > 0) {
        await this.prepareBatch(this.db.manager, outbox);
        rows = [...rows, ...(await this.claim(outbox.map((r) => r.id)))];
      }
    }
    const outcome: BatchOutcome = { sent: 0, failedPermanently: 0, retry: 0, throttled: false, firstError: null, heldUntil: null, busyUntil: null };
    for (const row of rows) {
      if (row.mine) continue;
      const held = row.status === 'queued' && row.not_before !== null && row.not_before.getTime() > Date.now();
      if (held && (!outcome.heldUntil || row.not_before! < outcome.heldUntil)) outcome.heldUntil = row.not_before;
      else if (row.status === 'sending') {
        const lapses = new Date(row.claimed_at.getTime() + CLAIM_LEASE_SECONDS * 1000);
        if (!outcome.busyUntil || lapses > outcome.busyUntil) outcome.busyUntil = lapses;
      } else if (row.status === 'queued') outcome.retry += 1;
    }
    const mine = rows.filter((r) => r.mine);
    if (mine.length === 0) return outcome;

    const results = new Map<string, { providerMessageId: string } | { error: string; permanent: boolean; throttled: boolean }>();
    let next = 0;
    while (next < mine.length && !outcome.throttled) {
      const chunk = mine.slice(next, next + (await permits(mine.length - next)));
      next += chunk.length;
      await Promise.all(
        chunk.map(async (m) => {
          try {
            const accepted = await this.provider.send({
              reference: m.id,
              to: m.to,
              sender: m.sender,
              text: m.text,
              encoding: m.encoding,
              segments: m.segments,
            });
            this.receipts.accepted(accepted.providerMessageId);
            results.set(m.id, accepted);
          } catch (error) {
            const throttled = error instanceof SmsSendError && error.throttled;
            if (throttled) outcome.throttled = true;
            results.set(m.id, {
              error: error instanceof Error ? error.message : String(error),
              permanent: error instanceof SmsSendError && !error.retryable,
              throttled,
            });
          }
        }),
      );
    }
    try {
      await this.untilWritten(() => this.record(mine, results));
    } finally {
      this.receipts.recorded([...results.values()].flatMap((r) => ('providerMessageId' in r ? [r.providerMessageId] : [])));
    }
    for (const m of mine) {
      const r = results.get(m.id);
      if (r && 'providerMessageId' in r) outcome.sent += 1;
      else if (r?.permanent) outcome.failedPermanently += 1;
      else {
        outcome.retry += 1;
        if (r && !outcome.firstError) outcome.firstError = r.error;
      }
    }
    return outcome;
  }

  /** Claims the messages that are due and free; returns every message of these rows, saying which are ours. */
  private claim(outboxIds: string[]): Promise<ClaimRow[]> {
    return this.db.query(
      `WITH claimed AS (
         UPDATE sms_messages SET status = 'sending', updated_at = now()
         WHERE outbox_id = ANY($1::uuid[]) AND (not_before IS NULL OR not_before <= now())
           AND (status = 'queued' OR (status = 'sending' AND updated_at < now() - make_interval(secs => $2)))
         RETURNING id)
       SELECT m.id, m.outbox_id, m."to", m.sender, m.text, m.encoding, m.segments, m.status, m.not_before, m.updated_at AS claimed_at, c.id IS NOT NULL AS mine
       FROM sms_messages m LEFT JOIN claimed c ON c.id = m.id WHERE m.outbox_id = ANY($1::uuid[])`,
      [outboxIds, CLAIM_LEASE_SECONDS],
    );
  }

  /**
   * One statement for the whole run: accepted messages get their provider id (and a receipt that overtook them),
   * refused ones their error; those not tried (throttled) go back to queued without counting an attempt.
   */
  private async record(
    mine: ClaimRow[],
    results: Map<string, { providerMessageId: string } | { error: string; permanent: boolean; throttled: boolean }>,
  ): Promise<void> {
    const ids: string[] = [];
    const pids: (string | null)[] = [];
    const errors: (string | null)[] = [];
    const permanent: boolean[] = [];
    const tried: boolean[] = [];
    for (const m of mine) {
      const r = results.get(m.id);
      ids.push(m.id);
      pids.push(r && 'providerMessageId' in r ? r.providerMessageId : null);
      errors.push(r && 'error' in r ? r.error : null);
      permanent.push(Boolean(r && 'error' in r && r.permanent));
      tried.push(r !== undefined);
    }
    await this.db.query(
      `UPDATE sms_messages m SET
         provider = CASE WHEN v.pid IS NOT NULL THEN $6 ELSE m.provider END,
         provider_message_id = COALESCE(v.pid, m.provider_message_id),
         sent_at = CASE WHEN v.pid IS NOT NULL THEN now() ELSE m.sent_at END,
         attempts = m.attempts + CASE WHEN v.tried THEN 1 ELSE 0 END,
         last_error = CASE WHEN v.tried THEN v.error ELSE m.last_error END,
         status = CASE WHEN v.pid IS NOT NULL THEN COALESCE(r.status, 'sent') WHEN v.permanent THEN 'failed' ELSE 'queued' END,
         delivered_at = CASE WHEN r.status = 'delivered' THEN r.received_at ELSE m.delivered_at END,
         failed_at = CASE WHEN r.status = 'failed' THEN r.received_at WHEN v.pid IS NULL AND v.permanent THEN now() ELSE m.failed_at END,
         updated_at = now()
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::boolean[], $5::boolean[]) AS v(id, pid, error, permanent, tried)
         LEFT JOIN sms_receipts r ON r.provider_message_id = v.pid
       WHERE m.id = v.id`,
      [ids, pids, errors, permanent, tried, this.provider.name],
    );
  }

  /**
   * A message the provider accepted must be recorded, or a later run sends it again (SMPP has no key to drop a
   * duplicate): the write is tried again while PostgreSQL is away, for up to two minutes.
   */
  private async untilWritten<T>(write: () => Promise<T>): Promise<T> {
    const deadline = Date.now() + RECORD_PATIENCE_MS;
    for (;;) {
      try {
        return await write();
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((r) => setTimeout(r, DB_RETRY_MS));
      }
    }
  }

  /** After the last attempt: what is still unsent is failed for good and stays visible to administrators. */
  async markFailed(outboxIds: string[], reason: string): Promise<void> {
    await this.db.query(
      `UPDATE sms_messages SET status = 'failed', failed_at = now(), last_error = $2, updated_at = now()
       WHERE outbox_id = ANY($1::uuid[]) AND status NOT IN ('sent', 'delivered', 'failed')`,
      [outboxIds, reason],
    );
  }
}
