/**
 * The timeliness rule for one dossier: dossier views, public tracking and the national-portal record (domain.md
 * "Deadlines" → Classification, and "Calendar facts that are law"). Statements over many dossiers (the worklist
 * filter, the deadline sweep, the statistics) run the same rule as SQL built by `timeliness-sql.ts` from the status
 * sets below; the statistics' facts run it inside the database function a migration built from that SQL.
 */
import { isClockPaused, type DossierStatus } from '../dossier/dossier-status';
import { WorkingCalendar } from './working-calendar';
import { formatYmd, instantMs } from './zoned-time';

export type Timeliness = 'early' | 'on_time' | 'late' | 'within_deadline' | 'overdue' | 'paused';

/**
 * More than one supplementation request breaks the "once, in writing" rule (Decree 61/2018 art. 15(2)(b)); the
 * national service index (Decision 766/QĐ-TTg) scores such a dossier late whatever its dates.
 */
export const SUPPLEMENT_REQUESTS_ALLOWED = 1;

export interface TimelinessInput {
  /**
   * The reference due time: the appointment first given at receipt, moved only by the working time the dossier
   * waited for the applicant. An extension (Form 04) does not move it. null = no deadline (not yet received).
   */
  dueAt: Date | null | undefined;
  /** When processing ended; null/undefined = still in progress. */
  finishedAt: Date | null | undefined;
  /** The dossier's status: one waiting for the applicant is paused, never overdue. */
  status?: DossierStatus;
  /** How many times supplementation was requested; more than one counts the dossier late. */
  supplementRequests?: number;
  /** Reference instant for dossiers in progress (defaults to the current time). */
  now?: Date;
  /**
   * Decides whether the finishing day is a working day. Without it, Mon–Fri count as working days
   * (no holidays) — pass the unit's calendar for exact results.
   */
  calendar?: WorkingCalendar;
}

const WEEKDAYS_ONLY = new WorkingCalendar({ holidays: [] });

export function breachesSupplementOnce(supplementRequests: number | undefined): boolean {
  return (supplementRequests ?? 0) > SUPPLEMENT_REQUESTS_ALLOWED;
}

/**
 * Classifies a dossier against its reference due time. Calendar days are Asia/Ho_Chi_Minh days.
 *
 * Finished (`finishedAt` set):
 * - `late`    — finishedAt > dueAt, or supplementation was requested more than once;
 * - `early`   — finished on a working day whose calendar day is strictly before the due date's calendar day
 *               (finishing the day before at 16:00 is early; finishing on the due day at 07:30 is on time);
 * - `on_time` — otherwise (finishedAt ≤ dueAt, boundary included; also finishing on a non-working day before the
 *               due day, and a finished dossier without a due date).
 *
 * In progress (`finishedAt` null/undefined):
 * - `paused`          — waiting for the applicant (the clock does not run), whatever the due time;
 * - `within_deadline` — now ≤ dueAt (boundary included), or no due date;
 * - `overdue`         — now > dueAt.
 */
export function classifyTimeliness(input: TimelinessInput): Timeliness {
  const { dueAt, finishedAt } = input;
  if (finishedAt) {
    const finishedMs = instantMs(finishedAt, 'finishedAt');
    if (breachesSupplementOnce(input.supplementRequests)) return 'late';
    if (!dueAt) return 'on_time';
    const dueMs = instantMs(dueAt, 'dueAt');
    if (finishedMs > dueMs) return 'late';
    const finishedDay = formatYmd(finishedAt);
    const calendar = input.calendar ?? WEEKDAYS_ONLY;
    if (finishedDay < formatYmd(dueAt) && calendar.isWorkingDay(finishedDay)) return 'early';
    return 'on_time';
  }
  if (input.status && isClockPaused(input.status)) return 'paused';
  if (!dueAt) return 'within_deadline';
  const nowMs = instantMs(input.now ?? new Date(), 'now');
  return nowMs <= instantMs(dueAt, 'dueAt') ? 'within_deadline' : 'overdue';
}

/**
 * "Nearly due" flag: true when the dossier's clock runs, it is not yet overdue (now ≤ dueAt) and the working time
 * left until dueAt is at most `workingMinutes`. No due date, or waiting for the applicant → false. Exactly at dueAt →
 * true (0 minutes left).
 */
export function isDueWithin(dueAt: Date | null | undefined, now: Date, workingMinutes: number, calendar: WorkingCalendar, status?: DossierStatus): boolean {
  if (typeof workingMinutes !== 'number' || !Number.isFinite(workingMinutes) || workingMinutes < 0) {
    throw new Error(`Invalid workingMinutes ${String(workingMinutes)}: expected a finite number ≥ 0`);
  }
  if (!dueAt) return false;
  if (status && isClockPaused(status)) return false;
  if (instantMs(now, 'now') > instantMs(dueAt, 'dueAt')) return false;
  return calendar.workingMinutesBetween(now, dueAt) <= workingMinutes;
}
