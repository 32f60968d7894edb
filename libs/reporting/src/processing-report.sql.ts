import { isPausedSql, resolvedBeforeDueDaySql, resolvedLateSql, resolvedNotLateSql, timelinessColumns, workingDaySql } from '@dvc/core';
import { FACT_LIST } from './report-fact-columns';

/**
 * The statistics report's SQL. Parameters: $1 unit, $2 from, $3 to (instants), $4 holidays, $5 working weekend days,
 * $6 the map date, $7 the instant the in-progress figures are taken at: min(now, to).
 * Every query yields, per child unit: carried_over, online, direct, post, early, on_time, late, within_deadline,
 * overdue, paused, supplement_pending, withdrawn, refused, collected, refunded, very_satisfied, satisfied, unsatisfied.
 * The timeliness rule comes from libs/core (timeliness-sql.ts), the same the facts' triggers, the sweep and the
 * worklist use.
 */

/**
 * Which child of the unit (on the map of the given date) each unit's dossiers count under; old codes follow their
 * successors. CTEs: versions, valid, mapped, scope (unit_code → child_code), children (code, name, ord: 0 the unit itself).
 */
export const reportScopeSql = (unit: string, map: string) => `
  versions AS (
    SELECT code, name, parent_code, valid_from, valid_to FROM units
    UNION ALL SELECT code, name, parent_code, valid_from, valid_to FROM unit_versions
  ), valid AS (
    SELECT * FROM versions WHERE valid_from <= ${map}::date AND (valid_to IS NULL OR valid_to >= ${map}::date)
  ), mapped AS (
    SELECT code AS unit_code, code AS at_code FROM valid
    UNION ALL SELECT s.old_code, s.new_code FROM unit_successions s
    WHERE s.receives_dossiers AND s.effective_date <= ${map}::date AND s.old_code NOT IN (SELECT code FROM valid)
  ), scope AS (
    SELECT m.unit_code,
      CASE WHEN v.code = ${unit} THEN v.code WHEN v.parent_code = ${unit} THEN v.code WHEN p.parent_code = ${unit} THEN p.code END AS child_code
    FROM mapped m JOIN valid v ON v.code = m.at_code LEFT JOIN valid p ON p.code = v.parent_code
  ), children AS (
    SELECT code, name, 1 AS ord FROM valid WHERE parent_code = ${unit}
    UNION ALL SELECT code, name, 0 FROM valid WHERE code = ${unit}
  )`;

const SCOPE = reportScopeSql('$1', '$6');

// Local days of the bounds, folded to constants when the query is planned (report_local_day is immutable).
const FROM_DAY = 'report_local_day($2)';
const TO_DAY = 'report_local_day($3)';
const FROM_MONTH = `date_trunc('month', ${FROM_DAY})::date`;
const WORKING_DAY = (day: string) => workingDaySql(day, '$4', '$5');
const LOCAL_DAY = (t: string) => `(${t} AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`;
const ROW = timelinessColumns('x');

const RESULT = `
  SELECT c.code, c.name, c.ord, k.carried_over, k.online, k.direct, k.post, k.early, k.on_time, k.late, k.withdrawn, k.refused,
    k.very_satisfied, k.satisfied, k.unsatisfied, g.within_deadline, g.overdue, g.paused,
    COALESCE(f.collected, 0) AS collected, COALESCE(f.refunded, 0) AS refunded, COALESCE(sp.supplement_pending, 0) AS supplement_pending
  FROM children c LEFT JOIN counts k ON k.child_code = c.code LEFT JOIN progress g ON g.child_code = c.code
  LEFT JOIN fees f ON f.child_code = c.code LEFT JOIN pending sp ON sp.child_code = c.code
  ORDER BY c.ord, c.code`;

/** Waiting for the applicant's supplement is a state of now, read from the live rows (a partial index keeps it small). */
const PENDING = `
  pending AS (
    SELECT s.child_code, count(*) AS supplement_pending
    FROM dossiers x JOIN scope s ON s.unit_code = x.receiving_unit_code
    WHERE x.status = 'supplement_requested' AND (x.received_at IS NULL OR x.received_at < $3) AND s.child_code IS NOT NULL
    GROUP BY s.child_code
  )`;

/**
 * In progress as of now ($7 = now < to): the live rows of open dossiers (idx_dossiers_in_progress). One waiting for
 * the applicant is paused, never overdue.
 */
const PROGRESS_NOW = `
  progress AS (
    SELECT s.child_code,
      count(*) FILTER (WHERE NOT x.paused AND (x.due_at IS NULL OR x.due_at >= $7)) AS within_deadline,
      count(*) FILTER (WHERE NOT x.paused AND x.due_at < $7) AS overdue,
      count(*) FILTER (WHERE x.paused) AS paused
    FROM (SELECT receiving_unit_code, due_at, ${isPausedSql('status')} AS paused FROM dossiers WHERE received_at IS NOT NULL AND finished_at IS NULL) x
    JOIN scope s ON s.unit_code = x.receiving_unit_code WHERE s.child_code IS NOT NULL
    GROUP BY s.child_code
  )`;

/**
 * In progress at the end of a past period ($7 = to ≤ now): open at `to` by its due time (the counts), less the dossiers
 * that were waiting for the applicant at `to` (dossier_pauses), which count as paused.
 */
const PROGRESS_AT_END = `
  paused_at_end AS (
    SELECT s.child_code, count(DISTINCT x.id) AS paused, count(DISTINCT x.id) FILTER (WHERE x.due_at < $7) AS paused_overdue
    FROM dossier_pauses p JOIN dossiers x ON x.id = p.dossier_id JOIN scope s ON s.unit_code = x.receiving_unit_code
    WHERE tstzrange(p.started_at, p.ended_at, '[)') @> $7::timestamptz AND x.received_at < $7 AND (x.finished_at IS NULL OR x.finished_at >= $7)
      AND s.child_code IS NOT NULL
    GROUP BY s.child_code
  ), progress AS (
    SELECT k.child_code,
      COALESCE(k.open_at_end, 0) - COALESCE(k.overdue_at_end, 0) - COALESCE(e.paused, 0) + COALESCE(e.paused_overdue, 0) AS within_deadline,
      COALESCE(k.overdue_at_end, 0) - COALESCE(e.paused_overdue, 0) AS overdue,
      COALESCE(e.paused, 0) AS paused
    FROM counts k LEFT JOIN paused_at_end e ON e.child_code = k.child_code
  )`;

const progressOf = (live: boolean) => (live ? PROGRESS_NOW : PROGRESS_AT_END).trim();

/** From the rows themselves: exact for any instants, and the reference the facts are checked against. */
const rawReportSqlFor = (live: boolean) => `
WITH ${SCOPE}, d AS (
  SELECT s.child_code, x.*, ${LOCAL_DAY('x.finished_at')} AS finished_day, (x.rating->>'ratedAt')::timestamptz AS rated_at
  FROM dossiers x JOIN scope s ON s.unit_code = x.receiving_unit_code WHERE s.child_code IS NOT NULL
), fees AS (
  SELECT s.child_code,
    sum(p.amount_vnd) FILTER (WHERE p.paid_at >= $2 AND p.paid_at < $3 AND p.status IN ('paid', 'refund_pending', 'refunded'))::bigint AS collected,
    sum(p.amount_vnd) FILTER (WHERE p.refunded_at >= $2 AND p.refunded_at < $3 AND p.status = 'refunded')::bigint AS refunded
  FROM payments p JOIN dossiers x ON x.id = p.dossier_id JOIN scope s ON s.unit_code = x.receiving_unit_code
  WHERE s.child_code IS NOT NULL
  GROUP BY s.child_code
), counts AS (
  SELECT child_code,
    count(*) FILTER (WHERE received_at < $2 AND (finished_at IS NULL OR finished_at >= $2)) AS carried_over,
    count(*) FILTER (WHERE received_at >= $2 AND received_at < $3 AND channel = 'online') AS online,
    count(*) FILTER (WHERE received_at >= $2 AND received_at < $3 AND channel = 'direct') AS direct,
    count(*) FILTER (WHERE received_at >= $2 AND received_at < $3 AND channel = 'post') AS post,
    count(*) FILTER (WHERE in_period AND ${resolvedBeforeDueDaySql(ROW, LOCAL_DAY)} AND ${WORKING_DAY('finished_day')}) AS early,
    count(*) FILTER (WHERE in_period AND ${resolvedNotLateSql(ROW)} AND NOT (${resolvedBeforeDueDaySql(ROW, LOCAL_DAY)} AND ${WORKING_DAY('finished_day')})) AS on_time,
    count(*) FILTER (WHERE in_period AND ${resolvedLateSql(ROW)}) AS late,
    count(*) FILTER (WHERE open_at_end) AS open_at_end,
    count(*) FILTER (WHERE open_at_end AND due_at < $3) AS overdue_at_end,
    count(*) FILTER (WHERE status = 'withdrawn' AND in_period) AS withdrawn,
    count(*) FILTER (WHERE status = 'refused' AND in_period) AS refused,
    count(*) FILTER (WHERE rated_in_period AND rating->>'rating' = 'very_satisfied') AS very_satisfied,
    count(*) FILTER (WHERE rated_in_period AND rating->>'rating' = 'satisfied') AS satisfied,
    count(*) FILTER (WHERE rated_in_period AND rating->>'rating' = 'unsatisfied') AS unsatisfied
  FROM (
    SELECT d.*,
      (finished_at >= $2 AND finished_at < $3) AS in_period,
      (rated_at >= $2 AND rated_at < $3) AS rated_in_period,
      (received_at < $3 AND (finished_at IS NULL OR finished_at >= $3)) AS open_at_end
    FROM d
  ) x GROUP BY child_code
), ${PENDING}, ${progressOf(live)}
${RESULT}`;

/**
 * From the facts (report-facts.entity.ts), for periods that start and end at local midnight. Running totals before
 * a day come from the monthly facts of earlier months plus the daily facts of the rest: carried over = received −
 * finished before `from`; open at the end likewise before `to`; overdue at the end = dossiers due before `to` −
 * those finished by their due time − those finished late before `to` (one finished late before `to` was due
 * before it, and one finished in time and due before `to` finished before it). This relies on a dossier being
 * due and finished no earlier than received, which the table's check constraints guarantee.
 */
const factsReportSqlFor = (live: boolean) => `
WITH ${SCOPE}, f AS (
  SELECT unit_code, month AS day, ${FACT_LIST}
  FROM report_monthly_facts WHERE month < ${FROM_MONTH}
  UNION ALL SELECT unit_code, day, ${FACT_LIST}
  FROM report_daily_facts WHERE day >= ${FROM_MONTH} AND day < ${TO_DAY}
  UNION ALL SELECT unit_code, day, ${FACT_LIST}
  FROM report_fact_deltas WHERE day < ${TO_DAY}
), sums AS (
  SELECT s.child_code,
    sum(received_online + received_direct + received_post - finished_received) FILTER (WHERE day < ${FROM_DAY}) AS carried_over,
    sum(received_online) FILTER (WHERE day >= ${FROM_DAY}) AS online,
    sum(received_direct) FILTER (WHERE day >= ${FROM_DAY}) AS direct,
    sum(received_post) FILTER (WHERE day >= ${FROM_DAY}) AS post,
    sum(resolved_before_due_day) FILTER (WHERE day >= ${FROM_DAY} AND ${WORKING_DAY('day')}) AS early,
    sum(resolved_not_late) FILTER (WHERE day >= ${FROM_DAY}) AS not_late,
    sum(resolved_late) FILTER (WHERE day >= ${FROM_DAY}) AS late,
    sum(received_online + received_direct + received_post - finished_received) AS open_at_end,
    sum(due_total - due_met - finished_after_due) AS overdue_at_end,
    sum(withdrawn) FILTER (WHERE day >= ${FROM_DAY}) AS withdrawn,
    sum(refused) FILTER (WHERE day >= ${FROM_DAY}) AS refused,
    sum(rated_very_satisfied) FILTER (WHERE day >= ${FROM_DAY}) AS very_satisfied,
    sum(rated_satisfied) FILTER (WHERE day >= ${FROM_DAY}) AS satisfied,
    sum(rated_unsatisfied) FILTER (WHERE day >= ${FROM_DAY}) AS unsatisfied,
    sum(fees_collected) FILTER (WHERE day >= ${FROM_DAY}) AS collected,
    sum(fees_refunded) FILTER (WHERE day >= ${FROM_DAY}) AS refunded
  FROM f JOIN scope s ON s.unit_code = f.unit_code WHERE s.child_code IS NOT NULL
  GROUP BY s.child_code
), counts AS (
  SELECT child_code, carried_over, online, direct, post, early, COALESCE(not_late, 0) - COALESCE(early, 0) AS on_time, late,
    open_at_end, overdue_at_end, withdrawn, refused, very_satisfied, satisfied, unsatisfied
  FROM sums
), fees AS (
  SELECT child_code, collected, refunded FROM sums
), ${PENDING}, ${progressOf(live)}
${RESULT}`;

/** Both variants built once: in progress as of now (`live`, the period has not ended) or at the period's end. */
const RAW = { live: rawReportSqlFor(true), ended: rawReportSqlFor(false) };
const FACTS = { live: factsReportSqlFor(true), ended: factsReportSqlFor(false) };
export const rawReportSql = (live: boolean) => (live ? RAW.live : RAW.ended);
export const factsReportSql = (live: boolean) => (live ? FACTS.live : FACTS.ended);
