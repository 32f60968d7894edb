import type { Queue } from 'bullmq';
import { DataSource, EntityManager } from 'typeorm';
import type { OutboxJob } from './queues';

export interface RelayJobOptions {
  attempts: number;
  backoffMs: number;
}

export interface RelayedRow {
  id: string;
  topic: string;
  kind: string;
  priority: number;
  dossier_code: string | null;
  payload: Record<string, unknown>;
}

/**
 * Work a topic does with its rows inside the relay's transaction before they are queued (e.g. the switchboard
 * renders and stores its messages in one statement). May return a delay per row id (quiet hours).
 */
export type RelayPreparer = (em: EntityManager, rows: RelayedRow[]) => Promise<Map<string, number> | void>;

/**
 * Moves committed outbox rows to their queues with jobId = outbox id, then marks them dispatched, all inside one
 * transaction holding the rows (SKIP LOCKED, so several relays share the work). If Redis refuses, the transaction
 * rolls back and the rows wait; if the commit fails after Redis accepted, the next run adds the same job ids,
 * which BullMQ ignores.
 */
export async function relayOutboxBatch(
  db: DataSource,
  queues: ReadonlyMap<string, Queue<OutboxJob>>,
  options: RelayJobOptions | ((topic: string) => RelayJobOptions),
  limit = 200,
  preparers: ReadonlyMap<string, RelayPreparer> = new Map(),
): Promise<number> {
  const topics = [...queues.keys()];
  if (topics.length === 0) return 0;
  return db.transaction(async (em) => {
    const rows: RelayedRow[] = await em.query(
      `SELECT id, topic, kind, priority, dossier_code, payload FROM outbox WHERE dispatched_at IS NULL AND topic = ANY($1)
       ORDER BY priority, created_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [topics, limit],
    );
    if (rows.length === 0) return 0;
    for (const topic of topics) {
      const batch = rows.filter((r) => r.topic === topic);
      if (batch.length === 0) continue;
      const delays = (await preparers.get(topic)?.(em, batch)) ?? new Map<string, number>();
      const jobOptions = typeof options === 'function' ? options(topic) : options;
      await queues.get(topic)!.addBulk(batch.map((r) => ({
        name: r.kind,
        data: { outboxId: r.id },
        opts: {
          jobId: r.id,
          ...(delays.get(r.id) ? { delay: delays.get(r.id) } : {}),
          priority: Math.max(1, r.priority),
          attempts: jobOptions.attempts,
          backoff: { type: 'exponential', delay: jobOptions.backoffMs },
          removeOnComplete: { age: 24 * 3600, count: 50_000 },
          removeOnFail: false,
        },
      })));
    }
    await em.query(`UPDATE outbox SET dispatched_at = now() WHERE id = ANY($1)`, [rows.map((r) => r.id)]);
    return rows.length;
  });
}
