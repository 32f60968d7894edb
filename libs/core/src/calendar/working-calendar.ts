/**
 * Working-day calendar: which days are working days, when the statutory clock starts for a receipt, and
 * how working time is added or measured. Plain TypeScript, no framework dependencies.
 *
 * All instants are JS `Date`s; every wall-clock computation is in Asia/Ho_Chi_Minh (fixed UTC+07:00), so the
 * results never depend on the machine's TZ. Each operation runs in O(number of calendar days spanned).
 */
import { dayNumberToYmd, dayOfWeekOfDayNumber, ymdToDayNumber } from './civil-date';
import { DEFAULT_OFFICE_HOURS, OfficeHours, parseOfficeHours } from './office-hours';
import { fixedYearDays, YearDays, YearDaysProvider } from './year-days';
import { instantMs, localDayNumberOfMs, localMidnightMs } from './zoned-time';

/** Legal definition: 1 working day = 8 working hours, whatever a unit's session times are. */
export const MINUTES_PER_WORKING_DAY = 480;
export const MINUTES_PER_WORKING_HOUR = 60;

const MINUTE_MS = 60_000;
/** Safety net against a misconfigured table (e.g. every day a holiday): stop instead of looping forever. */
const MAX_CONSECUTIVE_NON_WORKING_DAYS = 400;

export type WorkingCalendarOptions = {
  /** Defaults to `DEFAULT_OFFICE_HOURS`. Validated; an invalid value throws. */
  officeHours?: OfficeHours;
} & (
  | {
      /** Public holidays and other days off, "YYYY-MM-DD", of any years. */
      holidays: Iterable<string>;
      /** Swapped working days: a Saturday/Sunday declared a working day, "YYYY-MM-DD". */
      workingWeekendDays?: Iterable<string>;
    }
  | {
      /** The days of each year, asked for lazily the first time a calculation touches that year. */
      yearDays: YearDaysProvider;
    }
);

/** Statutory processing time of a procedure. Days and hours add up; fractions are allowed (0.5 day = 240 min). */
export interface StatutoryTime {
  workingDays?: number;
  workingHours?: number;
  /** Same-day procedure: use the same-day cut-off (default 15:00) instead of the general one (17:00). */
  sameDay?: boolean;
}

export interface StartOfClockOptions {
  sameDay?: boolean;
}

interface SessionMs {
  startMs: number;
  endMs: number;
}

export class WorkingCalendar {
  readonly officeHours: OfficeHours;
  private readonly sessions: readonly SessionMs[];
  private readonly cutoffMs: number;
  private readonly sameDayCutoffMs: number;
  private readonly yearDays: YearDaysProvider;
  /** The year `isWorkingDayNumber` looked at last, and its first and last day numbers. */
  private current: { days: YearDays; first: number; last: number } | null = null;

  constructor(options: WorkingCalendarOptions) {
    const officeHours = options.officeHours ?? DEFAULT_OFFICE_HOURS;
    const parsed = parseOfficeHours(officeHours);
    this.officeHours = officeHours;
    this.sessions = parsed.sessions.map((s) => ({
      startMs: Math.round(s.startMinute * MINUTE_MS),
      endMs: Math.round(s.endMinute * MINUTE_MS),
    }));
    this.cutoffMs = Math.round(parsed.cutoffMinute * MINUTE_MS);
    this.sameDayCutoffMs = Math.round(parsed.sameDayCutoffMinute * MINUTE_MS);
    this.yearDays = 'yearDays' in options ? options.yearDays : fixedYearDays(options.holidays ?? [], options.workingWeekendDays ?? []);
  }

  /**
   * Mon–Fri and not a holiday, or listed in `workingWeekendDays` (a listed day is working even if it is also
   * in `holidays`). Throws on a malformed date.
   */
  isWorkingDay(dateYmd: string): boolean {
    return this.isWorkingDayNumber(ymdToDayNumber(dateYmd));
  }

  /** The first working day strictly after `dateYmd`. */
  nextWorkingDay(dateYmd: string): string {
    return dayNumberToYmd(this.nextWorkingDayNumber(ymdToDayNumber(dateYmd)));
  }

  /**
   * When the legal clock starts for a dossier received at `receivedAt` (local time):
   * - on a non-working day, or strictly after the cut-off (`sameDay` ? sameDayCutoff : cutoff) →
   *   the next working day's first session start;
   * - before the first session of a working day → that session's start;
   * - inside a session [start, end) → `receivedAt` itself;
   * - between sessions (lunch break, or exactly at a session end) → the next session's start;
   * - after the last session but not after the cut-off → the next working day's first session start.
   * A receipt exactly at the cut-off is NOT after it.
   */
  startOfClock(receivedAt: Date, opts: StartOfClockOptions = {}): Date {
    const ms = instantMs(receivedAt, 'receivedAt');
    const day = localDayNumberOfMs(ms);
    const midnight = localMidnightMs(day);
    const timeOfDay = ms - midnight;
    const cutoff = opts.sameDay ? this.sameDayCutoffMs : this.cutoffMs;
    if (this.isWorkingDayNumber(day) && timeOfDay <= cutoff) {
      for (const session of this.sessions) {
        if (timeOfDay < session.startMs) return new Date(midnight + session.startMs);
        if (timeOfDay < session.endMs) return new Date(ms);
      }
    }
    return new Date(this.firstSessionStartMs(this.nextWorkingDayNumber(day)));
  }

  /**
   * The instant reached after `workingMinutes` of working time counted from `start`, walking the sessions of
   * working days. Time outside sessions and on non-working days does not count. When the time is used up
   * exactly at a session end, the result is that session end (e.g. 17:00), not the next session start.
   * 0 minutes returns `start` unchanged. Negative or non-finite minutes throw. Fractions of a minute are
   * kept (rounded to the millisecond).
   */
  addWorkingTime(start: Date, workingMinutes: number): Date {
    let cursor = instantMs(start, 'start');
    let remaining = toMilliseconds(workingMinutes, 'workingMinutes');
    if (remaining === 0) return new Date(cursor);
    let day = localDayNumberOfMs(cursor);
    let nonWorkingRun = 0;
    for (;;) {
      if (this.isWorkingDayNumber(day)) {
        nonWorkingRun = 0;
        const midnight = localMidnightMs(day);
        for (const session of this.sessions) {
          const sessionEnd = midnight + session.endMs;
          if (cursor >= sessionEnd) continue;
          const from = Math.max(cursor, midnight + session.startMs);
          const available = sessionEnd - from;
          if (remaining <= available) return new Date(from + remaining);
          remaining -= available;
          cursor = sessionEnd;
        }
      } else if (++nonWorkingRun > MAX_CONSECUTIVE_NON_WORKING_DAYS) {
        throw tooManyNonWorkingDays(day);
      }
      day++;
    }
  }

  /**
   * Due date of a dossier: `addWorkingTime(startOfClock(receivedAt, {sameDay}), minutes)` where
   * minutes = workingDays × 480 + workingHours × 60. At least one of `workingDays`/`workingHours` must be
   * given; both must be finite and ≥ 0. A total of 0 yields the start of the clock.
   */
  dueDate(receivedAt: Date, statutory: StatutoryTime): Date {
    if (!statutory || (statutory.workingDays === undefined && statutory.workingHours === undefined)) {
      throw new Error('Invalid statutory time: workingDays or workingHours is required');
    }
    const days = statutory.workingDays ?? 0;
    const hours = statutory.workingHours ?? 0;
    assertNonNegativeFinite(days, 'workingDays');
    assertNonNegativeFinite(hours, 'workingHours');
    const minutes = days * MINUTES_PER_WORKING_DAY + hours * MINUTES_PER_WORKING_HOUR;
    return this.addWorkingTime(this.startOfClock(receivedAt, { sameDay: statutory.sameDay }), minutes);
  }

  /**
   * Working time, in minutes (fractional when the instants are not on whole minutes), between two instants:
   * the overlap of [from, to] with the sessions of working days. Returns 0 when `to` ≤ `from`.
   */
  workingMinutesBetween(from: Date, to: Date): number {
    const fromMs = instantMs(from, 'from');
    const toMs = instantMs(to, 'to');
    if (toMs <= fromMs) return 0;
    let totalMs = 0;
    const lastDay = localDayNumberOfMs(toMs);
    for (let day = localDayNumberOfMs(fromMs); day <= lastDay; day++) {
      if (!this.isWorkingDayNumber(day)) continue;
      const midnight = localMidnightMs(day);
      for (const session of this.sessions) {
        const overlap = Math.min(toMs, midnight + session.endMs) - Math.max(fromMs, midnight + session.startMs);
        if (overlap > 0) totalMs += overlap;
      }
    }
    return totalMs / MINUTE_MS;
  }

  /**
   * New due date after a pause of the clock (supplementation or payment wait):
   * `addWorkingTime(due, workingMinutesBetween(pausedAt, resumedAt))`.
   *
   * Edge cases:
   * - Only working time actually waited counts: nights, weekends and holidays inside the pause add nothing,
   *   and a pause lying entirely outside office hours (or resumed at the instant it started) leaves `due`
   *   unchanged.
   * - `resumedAt` before `pausedAt` throws.
   * - If `due` is at a session end (e.g. 17:00), the extension continues from the next working session; if
   *   the extension ends exactly at a session end, the new due date is that session end.
   * - Successive pauses can be applied one after another; the result equals one extension by the summed
   *   waiting time.
   * - A pause that starts after `due` (dossier already overdue) still moves the due date by the time waited;
   *   whether such a pause is allowed is the caller's business rule.
   * - The waited time is measured with this calendar's current holidays; later edits to the table do not
   *   change due dates already stored.
   */
  extendByPause(due: Date, pausedAt: Date, resumedAt: Date): Date {
    instantMs(due, 'due');
    if (instantMs(resumedAt, 'resumedAt') < instantMs(pausedAt, 'pausedAt')) {
      throw new Error('Invalid pause: resumedAt is before pausedAt');
    }
    return this.addWorkingTime(due, this.workingMinutesBetween(pausedAt, resumedAt));
  }

  private isWorkingDayNumber(day: number): boolean {
    const days = this.daysOfYearOf(day);
    if (days.workingWeekendDays.has(day)) return true;
    const dayOfWeek = dayOfWeekOfDayNumber(day);
    return dayOfWeek !== 0 && dayOfWeek !== 6 && !days.holidays.has(day);
  }

  private daysOfYearOf(day: number): YearDays {
    const current = this.current;
    if (current && day >= current.first && day <= current.last) return current.days;
    const year = new Date(day * 86_400_000).getUTCFullYear();
    const days = this.yearDays(year);
    this.current = { days, first: Date.UTC(year, 0, 1) / 86_400_000, last: Date.UTC(year + 1, 0, 1) / 86_400_000 - 1 };
    return days;
  }

  private nextWorkingDayNumber(day: number): number {
    for (let next = day + 1, run = 0; ; next++, run++) {
      if (this.isWorkingDayNumber(next)) return next;
      if (run >= MAX_CONSECUTIVE_NON_WORKING_DAYS) throw tooManyNonWorkingDays(next);
    }
  }

  private firstSessionStartMs(day: number): number {
    return localMidnightMs(day) + this.sessions[0].startMs;
  }
}

function assertNonNegativeFinite(value: number, what: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new Error(`Invalid ${what} ${String(value)}: expected a finite number ≥ 0`);
  }
}

function toMilliseconds(minutes: number, what: string): number {
  assertNonNegativeFinite(minutes, what);
  return Math.round(minutes * MINUTE_MS);
}

function tooManyNonWorkingDays(day: number): Error {
  return new Error(
    `Working calendar has more than ${MAX_CONSECUTIVE_NON_WORKING_DAYS} consecutive non-working days ` +
      `(around ${dayNumberToYmd(day)}); check the holiday table`,
  );
}
