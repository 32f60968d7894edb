import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { DeliveryReceipt } from './providers/sms-provider';

const RECEIPT_FLUSH_MS = 25;
const RECEIPT_BATCH = 500;
/** While PostgreSQL is away (a restart), receipts wait and are applied once it answers. */
const DB_RETRY_MS = 500;
const EARLY_RECEIPT_TRIES = 20;
const EARLY_RECEIPT_RETRY_MS = 250;

/**
 * Delivery receipts from the SMS centre, buffered and applied to their messages in batches. A receipt that overtakes
 * the record of its own send waits for it, and one whose message is not stored yet is kept and applied again.
 */
@Injectable()
export class SmsReceipts {
  private readonly logger = new Logger('SmsReceipts');
  private pending: DeliveryReceipt[] = [];
  /** Provider ids accepted by a run of this process that has not stored them yet: their receipts wait for it. */
  private readonly unrecorded = new Set<string>();
  /** Receipts that found no message yet, by provider id: how often they were tried. */
  private readonly earlyTries = new Map<string, number>();
  private flushTimer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** A send the provider accepted, not yet recorded: its receipt waits until `recorded`. */
  accepted(providerMessageId: string): void {
    this.unrecorded.add(providerMessageId);
  }

  /** The run has stored these ids (or given up): receipts held for them are applied. */
  recorded(providerMessageIds: string[]): void {
    for (const id of providerMessageIds) this.unrecorded.delete(id);
    if (this.pending.length > 0) void this.flush();
  }

  /** No more retry timers; what is buffered is applied by the final flush. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.flush();
  }

  queue(receipt: DeliveryReceipt): void {
    this.pending.push(receipt);
    if (this.pending.length >= RECEIPT_BATCH) void this.flush();
    else this.flushTimer ??= setTimeout(() => void this.flush(), RECEIPT_FLUSH_MS);
  }

  /**
   * Applies the buffered receipts in one statement; those whose message does not know its provider id yet are
   * kept in sms_receipts and applied again, so whichever of sender and receipt commits last settles it.
   */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      if (this.flushTimer) clearTimeout(this.flushTimer);
      this.flushTimer = null;
      // A receipt that overtook its own run's record waits for it (in this process), so it applies in one statement.
      const batch = this.pending.filter((r) => !this.unrecorded.has(r.providerMessageId));
      this.pending = this.pending.filter((r) => this.unrecorded.has(r.providerMessageId));
      if (batch.length === 0) return;
      try {
        await this.resolveAlternativeIds(batch);
      } catch {
        // Applied under the id as received; the statement below meets the same outage and keeps them.
      }
      const ids = batch.map((r) => r.providerMessageId);
      const statuses = batch.map((r) => r.status);
      const details = batch.map((r) => r.detail);
      try {
        // TypeORM answers an UPDATE with [rows, count].
        const [updated]: [{ provider_message_id: string }[], number] = await this.db.query(
          `UPDATE sms_messages m SET status = v.status,
             delivered_at = CASE WHEN v.status = 'delivered' THEN now() ELSE m.delivered_at END,
             failed_at = CASE WHEN v.status = 'failed' THEN now() ELSE m.failed_at END,
             last_error = CASE WHEN v.status = 'failed' THEN v.detail ELSE m.last_error END, updated_at = now()
           FROM unnest($1::text[], $2::text[], $3::text[]) AS v(pid, status, detail)
           WHERE m.provider_message_id = v.pid AND m.status IN ('queued', 'sending', 'sent')
           RETURNING m.provider_message_id`,
          [ids, statuses, details],
        );
        const done = new Set(updated.map((u) => u.provider_message_id));
        const early = batch.filter((r) => !done.has(r.providerMessageId));
        for (const r of batch) if (done.has(r.providerMessageId)) this.earlyTries.delete(r.providerMessageId);
        if (early.length === 0) return;
        // A receipt can also overtake its record when it arrives in the same read as the submit's answer (before
        // the run notes the id): it is stored below and, besides, tried again from memory for a few seconds.
        for (const r of early) {
          const tries = (this.earlyTries.get(r.providerMessageId) ?? 0) + 1;
          if (tries > EARLY_RECEIPT_TRIES) this.earlyTries.delete(r.providerMessageId);
          else {
            this.earlyTries.set(r.providerMessageId, tries);
            this.pending.push(r);
          }
        }
        if (!this.stopped && this.pending.length > 0) this.flushTimer ??= setTimeout(() => void this.flush(), EARLY_RECEIPT_RETRY_MS).unref();
        await this.db.query(
          `INSERT INTO sms_receipts (provider_message_id, status, detail) SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) ON CONFLICT DO NOTHING`,
          [early.map((r) => r.providerMessageId), early.map((r) => r.status), early.map((r) => r.detail)],
        );
        await this.db.query(
          `UPDATE sms_messages m SET status = r.status,
             delivered_at = CASE WHEN r.status = 'delivered' THEN r.received_at ELSE m.delivered_at END,
             failed_at = CASE WHEN r.status = 'failed' THEN r.received_at ELSE m.failed_at END,
             last_error = CASE WHEN r.status = 'failed' THEN r.detail ELSE m.last_error END, updated_at = now()
           FROM sms_receipts r WHERE r.provider_message_id = m.provider_message_id AND r.provider_message_id = ANY($1) AND m.status IN ('queued', 'sending', 'sent')`,
          [early.map((r) => r.providerMessageId)],
        );
      } catch (error) {
        // Kept, not dropped: a receipt lost here would leave its message "sent" for ever.
        this.logger.warn(`${batch.length} delivery receipts not applied yet: ${(error as Error).message}`);
        this.pending = [...batch, ...this.pending];
        if (!this.stopped) this.flushTimer ??= setTimeout(() => void this.flush(), DB_RETRY_MS).unref();
      }
    });
    return this.flushing;
  }

  /**
   * A receipt may spell the id differently from submit_sm_resp (hex or decimal, either case): one indexed lookup
   * finds which spelling a stored message has, and the receipt takes it. Receipts whose id is stored as received,
   * or not stored yet, keep theirs.
   */
  private async resolveAlternativeIds(batch: DeliveryReceipt[]): Promise<void> {
    const withAlternatives = batch.filter((r) => r.alternativeIds && r.alternativeIds.length > 0);
    if (withAlternatives.length === 0) return;
    const spellings = withAlternatives.flatMap((r) => [r.providerMessageId, ...r.alternativeIds!]);
    const rows: { provider_message_id: string }[] = await this.db.query(
      `SELECT provider_message_id FROM sms_messages WHERE provider_message_id = ANY($1::text[]) AND status IN ('queued', 'sending', 'sent')`,
      [spellings],
    );
    const stored = new Set(rows.map((r) => r.provider_message_id));
    for (const receipt of withAlternatives) {
      if (stored.has(receipt.providerMessageId)) continue;
      const found = receipt.alternativeIds!.find((id) => stored.has(id));
      if (found) receipt.providerMessageId = found;
    }
  }
}
