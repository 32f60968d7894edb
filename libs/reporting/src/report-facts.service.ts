import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { addExcluded, FACT_COLUMNS, FACT_LIST, sumsOf } from './report-fact-columns';

export interface FactMismatch {
  unitCode: string;
  day: string;
  column: string;
  facts: number;
  rows: number;
}

/**
 * Upkeep of the report facts. The triggers (migration ReportFacts) write deltas in each change's own transaction;
 * here they are folded into the daily and monthly tables, compared with a recount of the raw rows, and rebuilt
 * from the rows when an operator asks (after a manual data repair, say).
 */
@Injectable()
export class ReportFactsService {
  private readonly logger = new Logger(ReportFactsService.name);

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Folds up to `batch` deltas, oldest first, into the daily and monthly facts in one transaction; returns how many
   * it folded. Deltas another compactor holds are skipped, so two running at once never wait on or double each other.
   */
  async compact(batch = 50_000): Promise<number> {
    const rows: { folded: string }[] = await this.db.query(
      `WITH moved AS (
         DELETE FROM report_fact_deltas WHERE id IN (SELECT id FROM report_fact_deltas ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
         RETURNING unit_code, day, ${FACT_LIST}
       ), daily AS (
         SELECT m.unit_code, m.day, ${sumsOf('m')} FROM moved m GROUP BY m.unit_code, m.day
       ), into_daily AS (
         INSERT INTO report_daily_facts (unit_code, day, ${FACT_LIST}) SELECT * FROM daily ORDER BY unit_code, day
         ON CONFLICT (unit_code, day) DO UPDATE SET ${addExcluded('report_daily_facts')}
       ), into_monthly AS (
         INSERT INTO report_monthly_facts (unit_code, month, ${FACT_LIST})
         SELECT d.unit_code, date_trunc('month', d.day)::date AS month, ${sumsOf('d')} FROM daily d GROUP BY 1, 2 ORDER BY 1, 2
         ON CONFLICT (unit_code, month) DO UPDATE SET ${addExcluded('report_monthly_facts')}
       )
       SELECT count(*) AS folded FROM moved`,
      [batch],
    );
    return Number(rows[0].folded);
  }

  /** Compacts until nothing is left (or another compactor holds the rest). */
  async compactAll(batch = 50_000): Promise<number> {
    let total = 0;
    for (;;) {
      const folded = await this.compact(batch);
      total += folded;
      if (folded < batch) return total;
    }
  }

  /**
   * Every (unit, day, column) where the facts (consolidated plus pending deltas) differ from a recount of the rows,
   * and every month whose monthly facts differ from the sum of its days. Empty when all is well.
   */
  async verify(): Promise<FactMismatch[]> {
    const diff = (left: string, right: string) => FACT_COLUMNS.map((c) => `('${c}', COALESCE(${left}.${c}, 0), COALESCE(${right}.${c}, 0))`).join(', ');
    const byDay: FactMismatch[] = await this.db.query(
      `WITH facts AS (
         SELECT x.unit_code, x.day, ${sumsOf('x')}
         FROM (SELECT unit_code, day, ${FACT_LIST} FROM report_daily_facts UNION ALL SELECT unit_code, day, ${FACT_LIST} FROM report_fact_deltas) x
         GROUP BY x.unit_code, x.day
       )
       SELECT COALESCE(f.unit_code, r.unit_code) AS "unitCode", COALESCE(f.day, r.day)::text AS day, v.col AS column, v.facts::bigint AS facts, v.rows::bigint AS rows
       FROM facts f FULL JOIN report_fact_recount r ON r.unit_code = f.unit_code AND r.day = f.day
       CROSS JOIN LATERAL (VALUES ${diff('f', 'r')}) AS v(col, facts, rows)
       WHERE v.facts <> v.rows
       ORDER BY 1, 2, 3 LIMIT 1000`,
    );
    const byMonth: FactMismatch[] = await this.db.query(
      `WITH days AS (
         SELECT unit_code, date_trunc('month', day)::date AS month, ${sumsOf('d')} FROM report_daily_facts d GROUP BY 1, 2
       )
       SELECT COALESCE(m.unit_code, d.unit_code) AS "unitCode", COALESCE(m.month, d.month)::text AS day, 'monthly.' || v.col AS column, v.facts::bigint AS facts, v.rows::bigint AS rows
       FROM report_monthly_facts m FULL JOIN days d ON d.unit_code = m.unit_code AND d.month = m.month
       CROSS JOIN LATERAL (VALUES ${diff('m', 'd')}) AS v(col, facts, rows)
       WHERE v.facts <> v.rows
       ORDER BY 1, 2, 3 LIMIT 1000`,
    );
    const all = [...byDay, ...byMonth].map((m) => ({ ...m, facts: Number(m.facts), rows: Number(m.rows) }));
    if (all.length > 0) this.logger.error({ mismatches: all.length, first: all[0] }, 'report facts differ from the rows');
    return all;
  }

  /**
   * Recomputes all facts from the rows. The tables are locked first, so changes committing meanwhile either are in
   * the recount or write their deltas after it.
   */
  async rebuild(): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query('LOCK TABLE report_fact_deltas, report_daily_facts, report_monthly_facts IN EXCLUSIVE MODE');
      await tx.query('DELETE FROM report_fact_deltas');
      await tx.query('DELETE FROM report_daily_facts');
      await tx.query('DELETE FROM report_monthly_facts');
      await tx.query(`INSERT INTO report_daily_facts (unit_code, day, ${FACT_LIST}) SELECT unit_code, day, ${FACT_LIST} FROM report_fact_recount`);
      await tx.query(`INSERT INTO report_monthly_facts (unit_code, month, ${FACT_LIST})
        SELECT d.unit_code, date_trunc('month', d.day)::date, ${sumsOf('d')} FROM report_daily_facts d GROUP BY 1, 2`);
    });
  }
}
