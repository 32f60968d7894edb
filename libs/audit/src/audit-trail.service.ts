import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError, isUuid } from '@dvc/core';
import type { AuditQuery, AuditRecordView } from './audit-entry';

/** Newest first; the cursor is the last id seen. $1 actor id, $2 username, … $8 cursor, $9 limit. */
const LIST = `SELECT id, at, actor_id, actor_username, address, entity, entity_id, action, before, after FROM audit_log
  WHERE ($1::uuid IS NULL OR actor_id = $1) AND ($2::text IS NULL OR actor_username = $2)
    AND ($3::text IS NULL OR entity = $3) AND ($4::text IS NULL OR entity_id = $4) AND ($5::text IS NULL OR action = $5)
    AND ($6::timestamptz IS NULL OR at >= $6) AND ($7::timestamptz IS NULL OR at < $7)
    AND ($8::bigint IS NULL OR id < $8)
  ORDER BY id DESC LIMIT $9`;

interface Row {
  id: string;
  at: Date;
  actor_id: string | null;
  actor_username: string;
  address: string | null;
  entity: string;
  entity_id: string;
  action: string;
  before: unknown;
  after: unknown;
}

/** The audit log as auditors read it, newest first, a page at a time. */
@Injectable()
export class AuditTrail {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(query: AuditQuery): Promise<{ items: AuditRecordView[]; nextCursor: string | null }> {
    if (query.cursor !== undefined && !/^[1-9]\d{0,17}$/.test(query.cursor))
      throw DomainError.validation([{ field: 'cursor', message: 'is not a cursor of this list' }]);
    const byId = query.actor !== undefined && isUuid(query.actor);
    const rows: Row[] = await this.db.query(LIST, [
      byId ? query.actor : null,
      !byId ? (query.actor ?? null) : null,
      query.entity ?? null,
      query.entityId ?? null,
      query.action ?? null,
      query.from ?? null,
      query.to ?? null,
      query.cursor ?? null,
      query.limit + 1,
    ]);
    const page = rows.slice(0, query.limit);
    return { items: page.map(viewOf), nextCursor: rows.length > query.limit ? String(page[page.length - 1].id) : null };
  }
}

function viewOf(r: Row): AuditRecordView {
  return {
    id: String(r.id),
    at: new Date(r.at).toISOString(),
    actor: { id: r.actor_id, username: r.actor_username },
    address: r.address,
    entity: r.entity,
    entityId: r.entity_id,
    action: r.action,
    before: r.before,
    after: r.after,
  };
}
