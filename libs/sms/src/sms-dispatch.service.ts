import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { SmsConfig } from '@dvc/config';
import { isUrgentSmsKind, PhoneNumber, prepareSmsText, quietHoursRelease, renderTemplate, smsCost } from '@dvc/core';
import type { RelayedRow } from '@dvc/notifications';
import { AgencyEntity } from '@dvc/units';
import { SMS_PROVIDER, SmsProvider, SmsSendError, type DeliveryReceipt } from './providers/sms-provider';
import { SmsMessageEntity } from './sms-message.entity';
import { SmsTemplatesService } from './sms-templates.service';

export type DispatchResult =
  | { outcome: 'sent' | 'already_done' | 'failed_permanently' | 'missing' }
  | { outcome: 'held'; until: Date };

interface SmsPayload {
  to: string;
  template: string;
  agencyCode?: string;
  variables?: Record<string, string | number>;
}

const CACHE_MS = 10_000;
const RECEIPT_FLUSH_MS = 25;
const RECEIPT_BATCH = 500;
/** While PostgreSQL is away (a restart), receipts wait and sent messages keep trying to be recorded. */
const DB_RETRY_MS = 500;
const RECORD_PATIENCE_MS = 120_000;

/**
 * Turns outbox rows into SMS, exactly one per row. The relay renders and stores the messages of a batch in one
 * statement (unique outbox id), and quiet hours become a delay on the job; a job then reads its message, sends
 * it once it has not been sent, and stores the provider id. Delivery receipts are applied in batches.
 */
@Injectable()
export class SmsDispatchService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('SmsDispatch');
  private readonly templateCache = new Map<string, { at: number; template: { body: string; keepDiacritics: boolean } }>();
  private readonly senderCache = new Map<string, { at: number; sender: string }>();
  private pendingReceipts: DeliveryReceipt[] = [];
  private flushTimer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(SMS_PROVIDER) private readonly provider: SmsProvider,
    private readonly templates: SmsTemplatesService,
    private readonly config: SmsConfig,
  ) {}

  onModuleInit(): void {
    this.provider.onReceipt((receipt) => this.queueReceipt(receipt));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.flushReceipts();
    this.stopped = true;
  }

  /** Relay hook: stores the batch's messages; returns the quiet-hours delay of the rows that must wait. */
  async prepareBatch(em: EntityManager, rows: RelayedRow[], now = new Date()): Promise<Map<string, number>> {
    const delays = new Map<string, number>();
    const values: Partial<SmsMessageEntity>[] = [];
    for (const row of rows) {
      const release = isUrgentSmsKind(row.kind) ? null : quietHoursRelease(now, this.config.quietHours);
      if (release) delays.set(row.id, release.getTime() - now.getTime());
      values.push(await this.render(row, release));
    }
    if (values.length > 0) {
      await em.createQueryBuilder().insert().into(SmsMessageEntity).values(values).orIgnore().execute();
    }
    return delays;
  }

  async dispatch(outboxId: string, now = new Date()): Promise<DispatchResult> {
    let message = await this.db.getRepository(SmsMessageEntity).findOneBy({ outboxId });
    if (!message) {
      // Relayed without its message (a relay older than this one): make it now.
      const rows: RelayedRow[] = await this.db.query(`SELECT id, topic, kind, priority, dossier_code, payload FROM outbox WHERE id = $1 AND topic = 'sms'`, [outboxId]);
      if (rows.length === 0) return { outcome: 'missing' };
      await this.prepareBatch(this.db.manager, rows, now);
      message = await this.db.getRepository(SmsMessageEntity).findOneByOrFail({ outboxId });
    }
    if (message.status === 'sent' || message.status === 'delivered' || message.status === 'failed') return { outcome: 'already_done' };
    if (message.notBefore && message.notBefore > now) return { outcome: 'held', until: message.notBefore };

    try {
      const { providerMessageId } = await this.provider.send({
        reference: message.id, to: message.to, sender: message.sender, text: message.text, encoding: message.encoding, segments: message.segments,
      });
      // Stores the provider id and applies a receipt that overtook us, in one statement.
      await this.untilWritten(() => this.db.query(
        `UPDATE sms_messages m SET provider = $2, provider_message_id = $3, sent_at = now(), last_error = NULL, updated_at = now(),
           attempts = m.attempts + 1, status = COALESCE(r.status, 'sent'),
           delivered_at = CASE WHEN r.status = 'delivered' THEN r.received_at END,
           failed_at = CASE WHEN r.status = 'failed' THEN r.received_at END
         FROM (SELECT 1) one LEFT JOIN sms_receipts r ON r.provider_message_id = $3
         WHERE m.id = $1`,
        [message.id, this.provider.name, providerMessageId],
      ));
      return { outcome: 'sent' };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const permanent = error instanceof SmsSendError && !error.retryable;
      await this.db.query(
        `UPDATE sms_messages SET attempts = attempts + 1, last_error = $2, updated_at = now(),
           status = CASE WHEN $3::boolean THEN 'failed' ELSE status END, failed_at = CASE WHEN $3::boolean THEN now() ELSE failed_at END
         WHERE id = $1`,
        [message.id, reason, permanent],
      );
      if (permanent) return { outcome: 'failed_permanently' };
      throw error;
    }
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

  /** After the last attempt: the message is failed for good and stays visible to administrators. */
  async markFailed(messageIdOrOutboxId: string, reason: string): Promise<void> {
    await this.db.query(
      `UPDATE sms_messages SET status = 'failed', failed_at = now(), last_error = $2, updated_at = now()
       WHERE (id::text = $1 OR outbox_id::text = $1) AND status NOT IN ('sent', 'delivered')`,
      [messageIdOrOutboxId, reason],
    );
  }

  private queueReceipt(receipt: DeliveryReceipt): void {
    this.pendingReceipts.push(receipt);
    if (this.pendingReceipts.length >= RECEIPT_BATCH) void this.flushReceipts();
    else this.flushTimer ??= setTimeout(() => void this.flushReceipts(), RECEIPT_FLUSH_MS);
  }

  /**
   * Applies the buffered receipts in one statement; those whose message does not know its provider id yet are
   * kept in sms_receipts and applied again, so whichever of sender and receipt commits last settles it.
   */
  private flushReceipts(): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      if (this.flushTimer) clearTimeout(this.flushTimer);
      this.flushTimer = null;
      const batch = this.pendingReceipts;
      this.pendingReceipts = [];
      if (batch.length === 0) return;
      const ids = batch.map((r) => r.providerMessageId);
      const statuses = batch.map((r) => r.status);
      const details = batch.map((r) => r.detail);
      try {
        const updated: { provider_message_id: string }[] = await this.db.query(
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
        if (early.length === 0) return;
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
        this.pendingReceipts = [...batch, ...this.pendingReceipts];
        if (!this.stopped) this.flushTimer ??= setTimeout(() => void this.flushReceipts(), DB_RETRY_MS).unref();
      }
    });
    return this.flushing;
  }

  private async render(row: RelayedRow, notBefore: Date | null): Promise<Partial<SmsMessageEntity>> {
    const payload = row.payload as unknown as SmsPayload;
    const phone = PhoneNumber.parse(payload.to);
    const base = {
      outboxId: row.id, kind: row.kind, to: phone?.value ?? String(payload.to).slice(0, 15), carrier: phone?.carrier ?? 'unknown', priority: row.priority,
      dossierCode: row.dossier_code, agencyCode: payload.agencyCode ?? null, sender: await this.senderFor(payload.agencyCode), notBefore, attempts: 0,
    };
    try {
      if (!phone) throw new Error(`${payload.to} is not a Vietnamese mobile number`);
      const template = await this.templateOf(payload.template ?? row.kind);
      const prepared = prepareSmsText(renderTemplate(template.body, payload.variables ?? {}), { keepDiacritics: template.keepDiacritics });
      return { ...base, text: prepared.text, encoding: prepared.encoding, segments: prepared.segments, costVnd: smsCost(phone.carrier, prepared.segments), status: 'queued' };
    } catch (error) {
      return { ...base, text: '', encoding: 'GSM7', segments: 0, costVnd: 0, status: 'failed', failedAt: new Date(), lastError: `cannot render: ${(error as Error).message}` };
    }
  }

  /** Templates change rarely; a short cache spares a query per message. */
  private async templateOf(kind: string) {
    const cached = this.templateCache.get(kind);
    if (cached && Date.now() - cached.at < CACHE_MS) return cached.template;
    const template = await this.templates.get(kind);
    this.templateCache.set(kind, { at: Date.now(), template });
    return template;
  }

  private async senderFor(agencyCode: string | undefined): Promise<string> {
    if (!agencyCode) return this.config.brandname;
    const cached = this.senderCache.get(agencyCode);
    if (cached && Date.now() - cached.at < CACHE_MS) return cached.sender;
    const agency = await this.db.getRepository(AgencyEntity).findOne({ where: { code: agencyCode }, select: { code: true, smsBrandname: true } });
    const sender = agency?.smsBrandname ?? this.config.brandname;
    this.senderCache.set(agencyCode, { at: Date.now(), sender });
    return sender;
  }
}
