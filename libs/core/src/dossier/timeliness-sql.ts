/**
 * The timeliness rule (calendar/timeliness.ts) as SQL, for the statements that count or flag many dossiers at once:
 * the deadline sweep, the worklist filter, the statistics and their facts. Column expressions are passed in, so a
 * query can apply the rule to a table alias, a trigger's transition rows or function parameters.
 */
import { SUPPLEMENT_REQUESTS_ALLOWED } from '../calendar/timeliness';
import { CLOCK_PAUSED_STATUSES, RESOLVED_STATUSES } from './dossier-status';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

export const PAUSED_STATUS_LIST_SQL = list(CLOCK_PAUSED_STATUSES);
export const RESOLVED_STATUS_LIST_SQL = list(RESOLVED_STATUSES);

export interface TimelinessColumns {
  status: string;
  dueAt: string;
  finishedAt: string;
  supplementRequests: string;
}

export const timelinessColumns = (alias: string): TimelinessColumns => ({
  status: `${alias}.status`,
  dueAt: `${alias}.due_at`,
  finishedAt: `${alias}.finished_at`,
  supplementRequests: `${alias}.supplement_requests`,
});

/** Waiting for the applicant: the clock does not run. */
export const isPausedSql = (status: string) => `(${status} IN (${PAUSED_STATUS_LIST_SQL}))`;

/** Supplementation requested more than once: late, whatever the dates. */
export const breachesSupplementOnceSql = (supplementRequests: string) => `(${supplementRequests} > ${SUPPLEMENT_REQUESTS_ALLOWED})`;

export const isResolvedSql = (status: string) => `(${status} IN (${RESOLVED_STATUS_LIST_SQL}))`;

/** A resolved dossier counted late: finished after its reference due time, or supplementation asked more than once. */
export const resolvedLateSql = (c: TimelinessColumns) =>
  `(${isResolvedSql(c.status)} AND (${breachesSupplementOnceSql(c.supplementRequests)} OR (${c.dueAt} IS NOT NULL AND ${c.finishedAt} > ${c.dueAt})))`;

/** A resolved dossier counted early or on time. */
export const resolvedNotLateSql = (c: TimelinessColumns) =>
  `(${isResolvedSql(c.status)} AND NOT ${breachesSupplementOnceSql(c.supplementRequests)} AND (${c.dueAt} IS NULL OR ${c.finishedAt} <= ${c.dueAt}))`;

/**
 * Resolved in time on a local day before the due day: early when that day is also a working day, which the caller
 * checks with `workingDaySql` (the calendar is a parameter of the report, not of the row).
 */
export const resolvedBeforeDueDaySql = (c: TimelinessColumns, localDay: (instant: string) => string) =>
  `(${resolvedNotLateSql(c)} AND ${c.dueAt} IS NOT NULL AND ${localDay(c.finishedAt)} < ${localDay(c.dueAt)})`;

/** Weekdays that are not holidays, plus swapped working days (date arrays as parameters). */
export const workingDaySql = (day: string, holidaysParam: string, workingDaysParam: string) =>
  `((extract(isodow FROM ${day}) < 6 AND NOT ${day} = ANY(${holidaysParam}::date[])) OR ${day} = ANY(${workingDaysParam}::date[]))`;

/** In progress at `at` (received, not finished) and its clock runs: the rows that can be within deadline or overdue. */
export const runningAtSql = (alias: string, at: string) =>
  `(${alias}.received_at IS NOT NULL AND ${alias}.received_at < ${at} AND ${alias}.finished_at IS NULL AND NOT ${isPausedSql(`${alias}.status`)})`;

/** Overdue now, by the live row: running and past the reference due time. */
export const overdueNowSql = (alias: string, now: string) => `(${runningAtSql(alias, now)} AND ${alias}.due_at IS NOT NULL AND ${alias}.due_at < ${now})`;
