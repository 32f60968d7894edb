import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SmsConfig } from '@dvc/config';
import { isUrgentSmsKind, PhoneNumber, prepareSmsText, quietHoursRelease, renderTemplate, smsCost } from '@dvc/core';
import { OutboxMessageEntity } from '@dvc/notifications';
import { AgencyEntity } from '@dvc/units';
import { SMS_PROVIDER, SmsProvider, SmsSendError, type DeliveryReceipt } from './providers/sms-provider';
import { SmsMessageEntity } from './sms-message.entity';
import { SmsReceiptEntity } from './sms-receipt.entity';
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

/**
 * Turns an outbox row into exactly one SMS: the message row is created once (unique outbox id), rendered, sent
 * through the provider, and its provider id stored. A job that runs again finds the row already sent and stops.
 */
@Injectable()
export class SmsDispatchService implements OnModuleInit {
  private readonly logger = new Logger('SmsDispatch');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(SMS_PROVIDER) private readonly provider: SmsProvider,
    private readonly templates: SmsTemplatesService,
    private readonly config: SmsConfig,
  ) {}

  onModuleInit(): void {
    this.provider.onReceipt((receipt) => {
      this.applyReceipt(receipt).catch((error: Error) => this.logger.error(`receipt ${receipt.providerMessageId} not applied: ${error.message}`));
    });
  }

  async dispatch(outboxId: string, now = new Date()): Promise<DispatchResult> {
    const message = await this.ensureMessage(outboxId);
    if (!message) return { outcome: 'missing' };
    if (message.status === 'sent' || message.status === 'delivered' || message.status === 'failed') return { outcome: 'already_done' };

    if (!isUrgentSmsKind(message.kind)) {
      const until = quietHoursRelease(now, this.config.quietHours);
      if (until) {
        await this.db.getRepository(SmsMessageEntity).update({ id: message.id }, { notBefore: until });
        return { outcome: 'held', until };
      }
    }

    await this.db.query(`UPDATE sms_messages SET status = 'sending', attempts = attempts + 1, updated_at = now() WHERE id = $1`, [message.id]);
    try {
      const { providerMessageId } = await this.provider.send({
        reference: message.id, to: message.to, sender: message.sender, text: message.text, encoding: message.encoding, segments: message.segments,
      });
      await this.db.query(
        `UPDATE sms_messages SET status = 'sent', provider = $2, provider_message_id = $3, sent_at = now(), last_error = NULL, updated_at = now() WHERE id = $1`,
        [message.id, this.provider.name, providerMessageId],
      );
      // A receipt may have overtaken us (the carrier can answer before we stored its id).
      await this.applyStoredReceipt(providerMessageId);
      return { outcome: 'sent' };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (error instanceof SmsSendError && !error.retryable) {
        await this.markFailed(message.id, reason);
        return { outcome: 'failed_permanently' };
      }
      await this.db.query(`UPDATE sms_messages SET status = 'queued', last_error = $2, updated_at = now() WHERE id = $1`, [message.id, reason]);
      throw error;
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

  async applyReceipt(receipt: DeliveryReceipt): Promise<void> {
    const result: [unknown[], number] = await this.db.query(
      `UPDATE sms_messages SET status = $2::varchar,
         delivered_at = CASE WHEN $2::varchar = 'delivered' THEN now() ELSE delivered_at END,
         failed_at = CASE WHEN $2::varchar = 'failed' THEN now() ELSE failed_at END,
         last_error = CASE WHEN $2::varchar = 'failed' THEN $3::text ELSE last_error END, updated_at = now()
       WHERE provider_message_id = $1 AND status IN ('sending', 'sent')`,
      [receipt.providerMessageId, receipt.status, receipt.detail],
    );
    if (result[1] > 0) return;
    await this.db.createQueryBuilder().insert().into(SmsReceiptEntity)
      .values({ providerMessageId: receipt.providerMessageId, status: receipt.status, detail: receipt.detail }).orIgnore().execute();
    // The sender may have stored the id between our update and our insert; whichever commits last applies it.
    await this.applyStoredReceipt(receipt.providerMessageId);
  }

  private async applyStoredReceipt(providerMessageId: string): Promise<void> {
    await this.db.query(
      `UPDATE sms_messages m SET status = r.status,
         delivered_at = CASE WHEN r.status = 'delivered' THEN r.received_at ELSE m.delivered_at END,
         failed_at = CASE WHEN r.status = 'failed' THEN r.received_at ELSE m.failed_at END,
         last_error = CASE WHEN r.status = 'failed' THEN r.detail ELSE m.last_error END, updated_at = now()
       FROM sms_receipts r
       WHERE r.provider_message_id = m.provider_message_id AND m.provider_message_id = $1 AND m.status IN ('sending', 'sent')`,
      [providerMessageId],
    );
  }

  /** Creates the message row for an outbox row once; later calls return it. */
  private async ensureMessage(outboxId: string): Promise<SmsMessageEntity | null> {
    const existing = await this.db.getRepository(SmsMessageEntity).findOneBy({ outboxId });
    if (existing) return existing;
    const row = await this.db.getRepository(OutboxMessageEntity).findOneBy({ id: outboxId });
    if (!row || row.topic !== 'sms') return null;
    const payload = row.payload as unknown as SmsPayload;
    const phone = PhoneNumber.parse(payload.to);
    const base = {
      outboxId, kind: row.kind, to: phone?.value ?? String(payload.to).slice(0, 15), carrier: phone?.carrier ?? 'unknown', priority: row.priority,
      dossierCode: row.dossierCode, agencyCode: payload.agencyCode ?? null, sender: await this.senderFor(payload.agencyCode),
    };
    let values: Partial<SmsMessageEntity>;
    try {
      if (!phone) throw new Error(`${payload.to} is not a Vietnamese mobile number`);
      const template = await this.templates.get(payload.template ?? row.kind);
      const prepared = prepareSmsText(renderTemplate(template.body, payload.variables ?? {}), { keepDiacritics: template.keepDiacritics });
      values = { ...base, text: prepared.text, encoding: prepared.encoding, segments: prepared.segments, costVnd: smsCost(phone.carrier, prepared.segments), status: 'queued' };
    } catch (error) {
      values = { ...base, text: '', encoding: 'GSM7', segments: 0, costVnd: 0, status: 'failed', failedAt: new Date(), lastError: `cannot render: ${(error as Error).message}` };
    }
    await this.db.createQueryBuilder().insert().into(SmsMessageEntity).values(values).orIgnore().execute();
    return this.db.getRepository(SmsMessageEntity).findOneByOrFail({ outboxId });
  }

  private async senderFor(agencyCode: string | undefined): Promise<string> {
    if (!agencyCode) return this.config.brandname;
    const agency = await this.db.getRepository(AgencyEntity).findOne({ where: { code: agencyCode }, select: { code: true, smsBrandname: true } });
    return agency?.smsBrandname ?? this.config.brandname;
  }
}
