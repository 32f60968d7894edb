import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SmsConfig } from '@dvc/config';
import { PhoneNumber, prepareSmsText, renderTemplate, smsCost } from '@dvc/core';
import { payloadOf, type RelayedRow } from '@dvc/outbox';
import { AgencyEntity } from '@dvc/units';
import { SmsMessageEntity } from './sms-message.entity';
import { SmsTemplatesService } from './sms-templates.service';

const CACHE_MS = 10_000;

/**
 * An outbox row as the SMS it becomes: the template rendered (GSM-7 or UCS-2, segments, cost), the sender name of
 * the agency; a row that cannot be rendered is a failed message with the reason, not a lost one.
 */
@Injectable()
export class SmsRenderer {
  private readonly templateCache = new Map<string, { at: number; template: { body: string; keepDiacritics: boolean } }>();
  private readonly senderCache = new Map<string, { at: number; sender: string }>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly templates: SmsTemplatesService,
    private readonly config: SmsConfig,
  ) {}

  async render(row: RelayedRow, notBefore: Date | null): Promise<Partial<SmsMessageEntity>> {
    const payload = payloadOf('sms', row);
    const phone = PhoneNumber.parse(payload.to);
    const base = {
      outboxId: row.id,
      kind: row.kind,
      to: phone?.value ?? String(payload.to).slice(0, 15),
      carrier: phone?.carrier ?? 'unknown',
      priority: row.priority,
      dossierCode: row.dossier_code,
      agencyCode: payload.agencyCode ?? null,
      sender: await this.senderFor(payload.agencyCode ?? undefined),
      notBefore,
      attempts: 0,
    };
    try {
      if (!phone) throw new Error(`${payload.to} is not a Vietnamese mobile number`);
      const template = await this.templateOf(payload.template ?? row.kind);
      const prepared = prepareSmsText(renderTemplate(template.body, payload.variables ?? {}), { keepDiacritics: template.keepDiacritics });
      return {
        ...base,
        text: prepared.text,
        encoding: prepared.encoding,
        segments: prepared.segments,
        costVnd: smsCost(phone.carrier, prepared.segments),
        status: 'queued',
      };
    } catch (error) {
      return {
        ...base,
        text: '',
        encoding: 'GSM7',
        segments: 0,
        costVnd: 0,
        status: 'failed',
        failedAt: new Date(),
        lastError: `cannot render: ${(error as Error).message}`,
      };
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
