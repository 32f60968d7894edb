import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditLog, type AuditActor } from '@dvc/audit';
import { DEFAULT_SMS_TEMPLATES, DomainError, isSmsTemplateKind, SMS_TEMPLATE_KINDS, validateTemplate, type SmsTemplate } from '@dvc/core';
import { SmsTemplateEntity } from './sms-template.entity';

export interface SmsTemplateView extends SmsTemplate {
  kind: string;
  required: readonly string[];
  allowed: readonly string[];
  source: 'stored' | 'default';
  updatedAt: string | null;
  updatedBy: string | null;
}

@Injectable()
export class SmsTemplatesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditLog,
  ) {}

  async list(): Promise<SmsTemplateView[]> {
    const stored = new Map((await this.db.getRepository(SmsTemplateEntity).find()).map((t) => [t.kind, t]));
    return Object.keys(SMS_TEMPLATE_KINDS).map((kind) => this.view(kind, stored.get(kind)));
  }

  /** The wording in force for a kind: the administrator's, or the built-in default. */
  async get(kind: string): Promise<SmsTemplate> {
    const row = await this.db.getRepository(SmsTemplateEntity).findOneBy({ kind });
    if (row) return { body: row.body, keepDiacritics: row.keepDiacritics };
    if (!isSmsTemplateKind(kind)) throw DomainError.notFound(`SMS template ${kind}`);
    return DEFAULT_SMS_TEMPLATES[kind];
  }

  async put(kind: string, body: string, keepDiacritics: boolean, by: AuditActor): Promise<SmsTemplateView> {
    if (!isSmsTemplateKind(kind)) throw DomainError.notFound(`SMS template ${kind}`);
    const errors = validateTemplate(kind, body);
    if (errors.length > 0) throw DomainError.validation(errors);
    const saved = await this.db.transaction(async (em) => {
      const stored = await em.getRepository(SmsTemplateEntity).findOne({ where: { kind }, lock: { mode: 'pessimistic_write' } });
      const before = stored
        ? { body: stored.body, keepDiacritics: stored.keepDiacritics, source: 'stored' }
        : { ...DEFAULT_SMS_TEMPLATES[kind], source: 'default' };
      const row = await em.getRepository(SmsTemplateEntity).save({ kind, body, keepDiacritics, updatedBy: by.username });
      await this.audit.record(em, {
        by,
        entity: 'sms_template',
        entityId: kind,
        action: stored ? 'update' : 'create',
        before,
        after: { body, keepDiacritics, source: 'stored' },
      });
      return row;
    });
    return this.view(kind, saved);
  }

  private view(kind: string, row?: SmsTemplateEntity): SmsTemplateView {
    const spec = SMS_TEMPLATE_KINDS[kind as keyof typeof SMS_TEMPLATE_KINDS];
    const fallback = DEFAULT_SMS_TEMPLATES[kind as keyof typeof DEFAULT_SMS_TEMPLATES];
    return {
      kind,
      body: row?.body ?? fallback.body,
      keepDiacritics: row?.keepDiacritics ?? fallback.keepDiacritics,
      required: spec.required,
      allowed: spec.allowed,
      source: row ? 'stored' : 'default',
      updatedAt: row?.updatedAt?.toISOString() ?? null,
      updatedBy: row?.updatedBy ?? null,
    };
  }
}
