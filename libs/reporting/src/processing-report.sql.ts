import { FACT_LIST } from './report-fact-columns';

/**
 * The statistics report's SQL. Parameters: $1 unit, $2 from, $3 to (instants), $4 holidays, $5 working weekend days,
 * $6 the map date.
 * Both queries yield, per child unit: carried_over, online, direct, post, early, on_time, late, within_deadline,
 * overdue, supplement_pending, withdrawn, refused, collected.
 */

/** Which child of $1 (on the map of $6) each unit's dossiers count under; old codes follow their successors. */
const SCOPE = `
  versions AS (
    SELECT code, name, parent_code, valid_from, valid_to FROM units
    UNION ALL SELECT code, name, parent_code, valid_from, valid_to FROM unit_versions
  ), valid AS (
    SELECT * FROM versions WHERE valid_from <= $6::date AND (valid_to IS NULL OR valid_to >= $6::date)
  ), mapped AS (
    SELECT code AS unit_code, code AS at_code FROM valid
    UNION ALL SELECT s.old_code, s.new_code FROM unit_successions s
    WHERE s.receives_dossiers AND s.effective_date <= $6::date AND s.old_code NOT IN (SELECT code FROM valid)
  ), scope AS (
    SELECT m.unit_code,
      CASE WHEN v.code = $1 THEN v.code WHEN v.parent_code = $1 THEN v.code WHEN p.parent_code = $1 THEN p.code END AS child_code
    FROM mapped m JOIN valid v ON v.code = m.at_code LEFT JOIN valid p ON p.code = v.parent_code
  ), children AS (
    SELECT code, name, 1 AS ord FROM valid WHERE parent_code = $1
    UNION ALL SELECT code, name, 0 FROM valid WHERE code = $1
  )`;

// Local days of the bounds, folded to constants when the query is planned (report_local_day is immutable).
const FROM_DAY = 'report_local_day($2)';
const TO_DAY = 'report_local_day($3)';
const FROM_MONTH = `date_trunc('month', ${FROM_DAY})::date`;

const WORKING_DAY = (day: string) => `((extract(isodow FROM ${day}) < 6 AND NOT ${day} = ANY($4::date[])) OR ${day} = ANY($5::date[]))`;

const RESULT = `
  SELECT c.code, c.name, c.ord, k.*, COALESCE(f.collected, 0) AS collected, COALESCE(sp.supplement_pending, 0) AS supplement_pending
  FROM children c LEFT JOIN counts k ON k.child_code = c.code LEFT JOIN fees f ON f.child_code = c.code LEFT JOIN pending sp ON sp.child_code = c.code
  ORDER BY c.ord, c.code`;

/** Waiting for the applicant is a state of now, read from the live rows (a partial index keeps it small). */
const PENDING = `
  pending AS (
    SELECT s.child_code, count(*) AS supplement_pending
    FROM dossiers x JOIN scope s ON s.unit_code = x.receiving_unit_code
    WHERE x.status = 'supplement_requested' AND (x.received_at IS NULL OR x.received_at < $3) AND s.child_code IS NOT NULL
    GROUP BY s.child_code
  )`;

/** From the rows themselves: exact for any instants, and the reference the facts are checked against. */
export const RAW_REPORT_SQL = `
WITH ${SCOPE}, d AS (
  SELECT s.child_code, x.*, (x.finished_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS finished_day, (x.due_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS due_day
  FROM dossiers x JOIN scope s ON s.unit_code = x.receiving_unit_code WHERE s.child_code IS NOT NULL
), fees AS (
  SELECT s.child_code, sum(p.amount_vnd)::bigint AS collected
  FROM payments p JOIN dossiers x ON x.id = p.dossier_id JOIN scope s ON s.unit_code = x.receiving_unit_code
  WHERE s.child_code IS NOT NULL AND p.paid_at >= $2 AND p.paid_at < $3 AND p.status IN ('paid', 'refund_pending', 'refunded')
  GROUP BY s.child_code
), counts AS (
  SELECT child_code,
    count(*) FILTER (WHERE received_at < $2 AND (finished_at IS NULL OR finished_at >= $2)) AS carried_over,
    count(*) FILTER (WHERE received_at >= $2 AND received_at < $3 AND channel = 'online') AS online,
    count(*) FILTER (WHERE received_at >= $2 AND received_at < $3 AND channel = 'direct') AS direct,
    count(*) FILTER (WHERE received_at >= $2 AND received_at < $3 AND channel = 'post') AS post,
    count(*) FILTER (WHERE resolved AND finished_at <= due_at AND finished_day < due_day AND working_finish) AS early,
    count(*) FILTER (WHERE resolved AND (due_at IS NULL OR (finished_at <= due_at AND NOT (finished_day < due_day AND working_finish)))) AS on_time,
    count(*) FILTER (WHERE resolved AND finished_at > due_at) AS late,
    count(*) FILTER (WHERE open_at_end AND (due_at IS NULL OR due_at >= $3)) AS within_deadline,
    count(*) FILTER (WHERE open_at_end AND due_at < $3) AS overdue,
    count(*) FILTER (WHERE status = 'withdrawn' AND finished_at >= $2 AND finished_at < $3) AS withdrawn,
    count(*) FILTER (WHERE status = 'refused' AND finished_at >= $2 AND finished_at < $3) AS refused
  FROM (
    SELECT d.*,
      (status IN ('resolved', 'result_returned') AND finished_at >= $2 AND finished_at < $3) AS resolved,
      (received_at < $3 AND (finished_at IS NULL OR finished_at >= $3)) AS open_at_end,
      ${WORKING_DAY('finished_day')} AS working_finish
    FROM d
  ) z GROUP BY child_code
), ${PENDING}
${RESULT}`;

/**
 * From the facts (report-facts.entity.ts), for periods that start and end at local midnight. Running totals before
 * a day come from the monthly facts of earlier months plus the daily facts of the rest: carried over = received −
 * finished before `from`; open at the end likewise before `to`; overdue at the end = dossiers due before `to` −
 * those finished by their due time − those finished late before `to` (one finished late before `to` was due
 * before it, and one finished in time and due before `to` finished before it). This relies on a dossier being
 * due and finished no earlier than received, which the table's check constraints guarantee.
 */
export const FACTS_REPORT_SQL = `
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
    sum(due_total - due_met - finished_after_due) AS overdue,
    sum(withdrawn) FILTER (WHERE day >= ${FROM_DAY}) AS withdrawn,
    sum(refused) FILTER (WHERE day >= ${FROM_DAY}) AS refused,
    sum(fees_collected) FILTER (WHERE day >= ${FROM_DAY}) AS collected
  FROM f JOIN scope s ON s.unit_code = f.unit_code WHERE s.child_code IS NOT NULL
  GROUP BY s.child_code
), counts AS (
  SELECT child_code, carried_over, online, direct, post, early, COALESCE(not_late, 0) - COALESCE(early, 0) AS on_time, late,
    open_at_end - overdue AS within_deadline, overdue, withdrawn, refused
  FROM sums
), fees AS (
  SELECT child_code, collected FROM sums
), ${PENDING}
${RESULT}`;
