import { isResolvedSql, resolvedNotLateSql, timelinessColumns, type ServiceIndexIndicatorCode } from '@dvc/core';
import { reportScopeSql } from './processing-report.sql';

/**
 * The service index's SQL. Parameters: $1 unit, $2 from, $3 to (instants), $4 the map date.
 * `d` holds one row per dossier of the unit's scope that the period touches, with a flag per measure; each indicator
 * counts the dossiers it is measured on (`of`) and those that meet it (`met`). The on-time rule is core's
 * (timeliness-sql.ts): the reference due time already moved by the waits for the applicant, more than one
 * supplementation request late.
 */
const ROW = timelinessColumns('x');
const PAID = `p.paid_at >= $2 AND p.paid_at < $3 AND p.status IN ('paid', 'refund_pending', 'refunded')`;
const RATED_AT = `(x.rating->>'ratedAt')::timestamptz`;

const DOSSIERS = `
WITH ${reportScopeSql('$1', '$4')}, d AS (
  SELECT s.child_code, x.code, x.receiving_unit_code, x.status, x.channel, x.received_at, x.finished_at,
    COALESCE(x.received_at >= $2 AND x.received_at < $3, false) AS received_in,
    COALESCE(${isResolvedSql('x.status')} AND x.finished_at >= $2 AND x.finished_at < $3, false) AS resolved_in,
    COALESCE(${resolvedNotLateSql(ROW)}, false) AS not_late,
    x.channel = 'online' AS online,
    EXISTS (SELECT 1 FROM portal_sync_states ps WHERE ps.dossier_code = x.code AND ps.last_pushed_at IS NOT NULL AND ps.last_error IS NULL) AS synced,
    (jsonb_array_length(COALESCE(x.proposal->'resultFileIds', '[]'::jsonb)) > 0
      OR EXISTS (SELECT 1 FROM dossier_events e WHERE e.dossier_id = x.id AND e.action = 'return_result' AND e.data->>'method' = 'online')) AS digitised,
    pay.paid_in IS NOT NULL AS paid_in, COALESCE(pay.all_online, false) AS paid_online,
    COALESCE(${RATED_AT} >= $2 AND ${RATED_AT} < $3, false) AS rated_in,
    COALESCE(x.rating->>'rating' IN ('very_satisfied', 'satisfied'), false) AS satisfied
  FROM dossiers x JOIN scope s ON s.unit_code = x.receiving_unit_code
  LEFT JOIN LATERAL (
    SELECT true AS paid_in, bool_and(p.method = 'vnpay') AS all_online FROM payments p WHERE p.dossier_id = x.id AND ${PAID} HAVING count(*) > 0
  ) pay ON true
  WHERE s.child_code IS NOT NULL AND (
    (x.received_at >= $2 AND x.received_at < $3) OR (x.finished_at >= $2 AND x.finished_at < $3)
    OR (${RATED_AT} >= $2 AND ${RATED_AT} < $3) OR pay.paid_in IS NOT NULL)
)`;

/** Which dossiers each indicator is measured on, and which of them meet it (flags of `d`). */
export const INDICATOR_MEASURES: Record<ServiceIndexIndicatorCode, { of: string; met: string }> = {
  sync_rate: { of: 'received_in', met: 'synced' },
  on_time_rate: { of: 'resolved_in', met: 'not_late' },
  online_share: { of: 'received_in', met: 'online' },
  online_payment_share: { of: 'paid_in', met: 'paid_online' },
  digitised_result_share: { of: 'resolved_in', met: 'digitised' },
  satisfaction: { of: 'rated_in', met: 'satisfied' },
};

const COUNTS = Object.entries(INDICATOR_MEASURES)
  .map(([code, m]) => `count(*) FILTER (WHERE ${m.of}) AS ${code}_of, count(*) FILTER (WHERE ${m.of} AND ${m.met}) AS ${code}_met`)
  .join(',\n    ');

/** Per child of $1 (and $1's own agencies, ord 0): `<indicator>_of` and `<indicator>_met`. */
export const serviceIndexSql = `${DOSSIERS}, k AS (
  SELECT child_code, ${COUNTS} FROM d GROUP BY child_code
)
SELECT c.code, c.name, c.ord, k.* FROM children c LEFT JOIN k ON k.child_code = c.code ORDER BY c.ord, c.code`;

/** The dossiers that cost the indicator points: measured on it and not meeting it. $5 the row cap. */
export const serviceIndexDossiersSql = (indicator: ServiceIndexIndicatorCode) => {
  const m = INDICATOR_MEASURES[indicator];
  return `${DOSSIERS}
SELECT code, receiving_unit_code, child_code, status, channel, received_at, finished_at FROM d
WHERE ${m.of} AND NOT ${m.met} ORDER BY code LIMIT $5`;
};
