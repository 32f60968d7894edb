import { EntityManager } from 'typeorm';
import { insertSql, SqlParams } from '@dvc/database';
import { OutboxMessageEntity } from './outbox-message.entity';
import type { OutboxEntry } from './outbox-topics';

export const PRIORITY_URGENT = 1;
export const PRIORITY_NORMAL = 5;

const rowOf = (e: OutboxEntry) => ({
  topic: e.topic,
  kind: e.kind,
  payload: e.payload,
  dossierCode: e.dossierCode ?? null,
  priority: e.priority ?? PRIORITY_NORMAL,
  payloadSql: e.payloadSql,
});

/** The INSERT of these rows, to be one part of a larger statement (see insertSql). */
export function outboxInsertSql(em: EntityManager, entries: readonly OutboxEntry[], params: SqlParams): string {
  return insertSql(em.connection.getMetadata(OutboxMessageEntity), entries.map(rowOf), params, {
    payload: (placeholder, row) => {
      const merged = Object.entries(row.payloadSql ?? {});
      if (merged.length === 0) return placeholder;
      return `${placeholder}::jsonb || jsonb_build_object(${merged.map(([key, sql]) => `${params.add(key)}::text, ${sql}`).join(', ')})`;
    },
  });
}

/** Writes side effects in the caller's transaction: they exist exactly when the business change commits. */
export async function writeOutbox(em: EntityManager, entries: OutboxEntry | OutboxEntry[]): Promise<string[]> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length === 0) return [];
  if (list.some((e) => e.payloadSql)) throw new Error('writeOutbox: payloadSql needs a statement that provides it (outboxInsertSql)');
  const params = new SqlParams();
  const rows: { id: string }[] = await em.query(`${outboxInsertSql(em, list, params)} RETURNING id`, params.values);
  return rows.map((r) => r.id);
}
