import { createHash } from 'node:crypto';
import type { Queue } from 'bullmq';
import { DataSource, EntityManager } from 'typeorm';
import type { OutboxJob } from './queues';

/** A job of several outbox rows (see RelayJobOptions.rowsPerJob). */
export interface OutboxBatchJob {
  outboxIds: string[];
}

export interface RelayJobOptions {
  attempts: number;
  backoffMs: number;
  /** BullMQ backoff type (default 'exponential'); any other must be known to the consumer's worker. */
  backoffType?: string;
  /**
   * Rows per job. 1 (the default): one job per row, jobId = outbox id. More: the rows of a relay batch that share
   * priority and delay go out as jobs of up to this many rows ({ outboxIds }), and the consumer keeps per-row
   * idempotency itself (the SMS switchboard does, through its message rows).
   */
  rowsPerJob?: number;
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
  queues: ReadonlyMap<string, Queue<OutboxJob | OutboxBatchJob>>,
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
      const common = {
        attempts: jobOptions.attempts,
        backoff: { type: jobOptions.backoffType ?? 'exponential', delay: jobOptions.backoffMs },
        removeOnComplete: { age: 24 * 3600, count: 50_000 },
        removeOnFail: false,
      };
      const perJob = jobOptions.rowsPerJob ?? 1;
      const jobs = groupRows(batch, delays, perJob).map(({ rows: group, priority, delay }) => {
        const opts = { ...common, priority, ...(delay ? { delay } : {}) };
        if (perJob === 1) return { name: group[0].kind, data: { outboxId: group[0].id }, opts: { ...opts, jobId: group[0].id } };
        // Named by all its rows: relaying the same group again after a lost commit adds nothing, and a different
        // group is always added — named by its first row alone, a later group starting with a row already relayed
        // alone would be dropped as a duplicate with all its other rows. Overlaps are sent once by the consumer's claims.
        const ids = group.map((r) => r.id);
        return { name: 'batch', data: { outboxIds: ids }, opts: { ...opts, jobId: batchJobId(ids) } };
      });
      await queues.get(topic)!.addBulk(jobs);
    }
    await em.query(`UPDATE outbox SET dispatched_at = now() WHERE id = ANY($1)`, [rows.map((r) => r.id)]);
    return rows.length;
  });
}

/** A batch job's id: the same rows give the same id, any other set of rows another. */
export function batchJobId(outboxIds: readonly string[]): string {
  return `batch-${createHash('sha1').update(outboxIds.join(',')).digest('hex')}`;
}

/** Rows in relay order, cut into jobs of at most `size` rows that share priority and delay. */
export function groupRows(rows: RelayedRow[], delays: ReadonlyMap<string, number>, size: number) {
  const groups = new Map<string, { rows: RelayedRow[]; priority: number; delay: number }[]>();
  for (const row of rows) {
    const priority = Math.max(1, row.priority);
    const delay = delays.get(row.id) ?? 0;
    const key = `${priority}/${delay}`;
    const list = groups.get(key) ?? [];
    const last = list[list.length - 1];
    if (last && last.rows.length < size) last.rows.push(row);
    else list.push({ rows: [row], priority, delay });
    groups.set(key, list);
  }
  return [...groups.values()].flat();
}
