import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { redactSecrets } from '@dvc/core';
import type { AuditEntry } from './audit-entry';

const INSERT = `INSERT INTO audit_log (actor_id, actor_username, address, entity, entity_id, action, before, after)
  VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb)`;

/** Many rows in one statement (an import writes thousands). */
const INSERT_MANY = `INSERT INTO audit_log (actor_id, actor_username, address, entity, entity_id, action, before, after)
  SELECT r.actor_id, r.actor_username, r.address, r.entity, r.entity_id, r.action, r.before, r.after
  FROM jsonb_to_recordset($1::jsonb) AS r(ord int, actor_id uuid, actor_username text, address text, entity text, entity_id text, action text, before jsonb, after jsonb)
  ORDER BY r.ord`;

const CHUNK = 1000;

const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(redactSecrets(value)));

/**
 * The administration's audit log. `record(manager, entry)` writes one row through the caller's transaction manager,
 * so the row commits or rolls back with the change it describes; call it inside the change's `db.transaction`,
 * after the write succeeded. Secrets in before/after are redacted here.
 */
@Injectable()
export class AuditLog {
  async record(manager: EntityManager, entry: AuditEntry): Promise<void> {
    assertInTransaction(manager);
    await manager.query(INSERT, [
      entry.by.officerId,
      entry.by.username,
      entry.by.address,
      entry.entity,
      entry.entityId,
      entry.action,
      json(entry.before),
      json(entry.after),
    ]);
  }

  /** `record` for many entries at once, in their order. */
  async recordMany(manager: EntityManager, entries: readonly AuditEntry[]): Promise<void> {
    assertInTransaction(manager);
    for (let start = 0; start < entries.length; start += CHUNK) {
      const rows = entries.slice(start, start + CHUNK).map((e, i) => ({
        ord: i,
        actor_id: e.by.officerId,
        actor_username: e.by.username,
        address: e.by.address,
        entity: e.entity,
        entity_id: e.entityId,
        action: e.action,
        before: e.before === undefined || e.before === null ? null : redactSecrets(e.before),
        after: e.after === undefined || e.after === null ? null : redactSecrets(e.after),
      }));
      await manager.query(INSERT_MANY, [JSON.stringify(rows)]);
    }
  }
}

function assertInTransaction(manager: EntityManager): void {
  if (!manager.queryRunner?.isTransactionActive) throw new Error('AuditLog.record must run inside the transaction of the change it records');
}
