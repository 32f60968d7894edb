/**
 * THE timeliness rule used by every report (domain doc, "Deadlines" → Classification).
 */
import { WorkingCalendar } from './working-calendar';
import { formatYmd, instantMs } from './zoned-time';

export type Timeliness = 'early' | 'on_time' | 'late' | 'within_deadline' | 'overdue';

export interface TimelinessInput {
  /** Due date; null/undefined = no deadline (e.g. not yet received). */
  dueAt: Date | null | undefined;
  /** When the dossier was resolved; null/undefined = still in progress. */
  finishedAt: Date | null | undefined;
  /** Reference instant for dossiers in progress (defaults to the current time). */
  now?: Date;
  /**
   * Used to decide whether the finishing day is a working day. Without it, Mon–Fri count as working days
   * (no holidays) — pass the unit's calendar for exact results.
   */
  calendar?: WorkingCalendar;
}

const WEEKDAYS_ONLY = new WorkingCalendar({ holidays: [] });

/**
 * Classifies a dossier against its due date. Calendar days are Asia/Ho_Chi_Minh days.
 *
 * Resolved (`finishedAt` set):
 * - `late`    — finishedAt > dueAt;
 * - `early`   — finished on a working day whose calendar day is strictly before the due date's calendar day
 *               (finishing the day before at 16:00 is early; finishing on the due day at 07:30 is on time);
 * - `on_time` — otherwise (finishedAt ≤ dueAt, boundary exactly at dueAt included; also finishing on a
 *               non-working day before the due day, and any resolved dossier without a due date).
 *
 * In progress (`finishedAt` null/undefined):
 * - `within_deadline` — now ≤ dueAt (boundary included), or no due date;
 * - `overdue`         — now > dueAt.
 */
export function classifyTimeliness(input: TimelinessInput): Timeliness {
  const { dueAt, finishedAt } = input;
  if (finishedAt) {
    const finishedMs = instantMs(finishedAt, 'finishedAt');
    if (!dueAt) return 'on_time';
    const dueMs = instantMs(dueAt, 'dueAt');
    if (finishedMs > dueMs) return 'late';
    const finishedDay = formatYmd(finishedAt);
    const calendar = input.calendar ?? WEEKDAYS_ONLY;
    if (finishedDay < formatYmd(dueAt) && calendar.isWorkingDay(finishedDay)) return 'early';
    return 'on_time';
  }
  if (!dueAt) return 'within_deadline';
  const nowMs = instantMs(input.now ?? new Date(), 'now');
  return nowMs <= instantMs(dueAt, 'dueAt') ? 'within_deadline' : 'overdue';
}

/**
 * "Nearly due" flag: true when the dossier is not yet overdue (now ≤ dueAt) and the working time left until
 * dueAt is at most `workingMinutes`. No due date → false. Exactly at dueAt → true (0 minutes left).
 */
export function isDueWithin(
  dueAt: Date | null | undefined,
  now: Date,
  workingMinutes: number,
  calendar: WorkingCalendar,
): boolean {
  if (typeof workingMinutes !== 'number' || !Number.isFinite(workingMinutes) || workingMinutes < 0) {
    throw new Error(`Invalid workingMinutes ${String(workingMinutes)}: expected a finite number ≥ 0`);
  }
  if (!dueAt) return false;
  if (instantMs(now, 'now') > instantMs(dueAt, 'dueAt')) return false;
  return calendar.workingMinutesBetween(now, dueAt) <= workingMinutes;
}
