import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isSecretSmsKind, maskOtpText, PhoneNumber, toIsoWithOffset } from '@dvc/core';
import { SmsMessageEntity, SmsStatus } from './sms-message.entity';

export interface SmsListQuery {
  to?: string;
  dossierCode?: string;
  status?: SmsStatus;
  limit: number;
  before?: string;
}

const iso = (d: Date | null) => (d ? toIsoWithOffset(d) : null);

@Injectable()
export class SmsQueryService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Newest first; `before` is the id of the last item of the previous page. */
  async list(query: SmsListQuery) {
    const qb = this.db.getRepository(SmsMessageEntity).createQueryBuilder('m');
    if (query.to) qb.andWhere('m.to = :to', { to: PhoneNumber.parse(query.to)?.value ?? query.to });
    if (query.dossierCode) qb.andWhere('m.dossier_code = :code', { code: query.dossierCode });
    if (query.status) qb.andWhere('m.status = :status', { status: query.status });
    if (query.before) {
      qb.andWhere('(m.created_at, m.id) < (SELECT created_at, id FROM sms_messages WHERE id = :before)', { before: query.before });
    }
    const rows = await qb
      .orderBy('m.created_at', 'DESC')
      .addOrderBy('m.id', 'DESC')
      .limit(query.limit + 1)
      .getMany();
    const items = rows.slice(0, query.limit).map((m) => ({
      id: m.id,
      kind: m.kind,
      to: m.to,
      carrier: m.carrier,
      sender: m.sender,
      // Nobody reads a live code here, administrators included; the purge removes it from the table once spent.
      text: isSecretSmsKind(m.kind) ? maskOtpText(m.text) : m.text,
      segments: m.segments,
      encoding: m.encoding,
      costVnd: m.costVnd,
      status: m.status,
      attempts: m.attempts,
      provider: m.provider,
      providerMessageId: m.providerMessageId,
      dossierCode: m.dossierCode,
      lastError: m.lastError,
      notBefore: iso(m.notBefore),
      createdAt: iso(m.createdAt),
      sentAt: iso(m.sentAt),
      deliveredAt: iso(m.deliveredAt),
      failedAt: iso(m.failedAt),
    }));
    return { items, nextBefore: rows.length > query.limit ? items[items.length - 1].id : null };
  }
}
