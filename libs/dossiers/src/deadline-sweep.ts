import { DataSource } from 'typeorm';
import { isPausedSql, type WorkingCalendar } from '@dvc/core';

export interface SweepResult {
  nearlyDue: number;
  overdue: number;
  cleared: number;
}

/**
 * Flags open dossiers whose clock runs: overdue once the reference due time passed, nearly due when less than
 * `warnMinutes` of working time is left (by the city calendar). One waiting for the applicant carries no flag. One statement, idempotent: a second run changes nothing.
 * The flag is not a state change, so the dossier's version stays as officers last saw it.
 */
export async function sweepDeadlines(db: DataSource, calendar: WorkingCalendar, warnMinutes: number, now = new Date()): Promise<SweepResult> {
  const warnUntil = calendar.addWorkingTime(now, warnMinutes);
  const rows: { flag: string | null; n: number }[] = await db.query(
    `WITH target AS (
       SELECT id, CASE WHEN ${isPausedSql('status')} THEN NULL WHEN due_at < $1 THEN 'overdue' WHEN due_at <= $2 THEN 'nearly_due' END AS flag
       FROM dossiers WHERE closed_at IS NULL AND finished_at IS NULL AND due_at IS NOT NULL
     ), changed AS (
       UPDATE dossiers d SET deadline_flag = t.flag FROM target t
       WHERE d.id = t.id AND d.deadline_flag IS DISTINCT FROM t.flag RETURNING t.flag
     ), finished AS (
       UPDATE dossiers SET deadline_flag = NULL WHERE deadline_flag IS NOT NULL AND (closed_at IS NOT NULL OR finished_at IS NOT NULL) RETURNING NULL::text AS flag
     )
     SELECT flag, count(*)::int AS n FROM (SELECT flag FROM changed UNION ALL SELECT flag FROM finished) all_changes GROUP BY flag`,
    [now, warnUntil],
  );
  const count = (flag: string | null) => rows.find((r) => r.flag === flag)?.n ?? 0;
  return { nearlyDue: count('nearly_due'), overdue: count('overdue'), cleared: count(null) };
}
