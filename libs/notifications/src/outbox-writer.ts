import { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { OutboxMessageEntity, OutboxTopic } from './outbox-message.entity';

export const PRIORITY_URGENT = 1;
export const PRIORITY_NORMAL = 5;

export interface OutboxEntry {
  topic: OutboxTopic;
  kind: string;
  payload: Record<string, unknown>;
  dossierCode?: string | null;
  priority?: number;
}

/** Writes side effects in the caller's transaction: they exist exactly when the business change commits. */
export async function writeOutbox(em: EntityManager, entries: OutboxEntry | OutboxEntry[]): Promise<string[]> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length === 0) return [];
  const result = await em.createQueryBuilder().insert().into(OutboxMessageEntity)
    .values(list.map((e) => ({ topic: e.topic, kind: e.kind, payload: e.payload, dossierCode: e.dossierCode ?? null, priority: e.priority ?? PRIORITY_NORMAL })) as QueryDeepPartialEntity<OutboxMessageEntity>[])
    .returning(['id']).execute();
  return result.identifiers.map((r) => r.id as string);
}
