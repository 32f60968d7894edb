/**
 * Conversions between instants (JS `Date`) and the Asia/Ho_Chi_Minh wall clock.
 *
 * Viet Nam uses a fixed UTC+07:00 offset with no daylight-saving time, so a plain offset is exact (for any
 * date this system will handle) and nothing here depends on the machine's TZ or on ICU time-zone data.
 */
import { formatCivilDate, pad2, parseYmd } from './civil-date';

export const HO_CHI_MINH_TIME_ZONE = 'Asia/Ho_Chi_Minh';
export const HO_CHI_MINH_OFFSET_MINUTES = 7 * 60;

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const OFFSET_MS = HO_CHI_MINH_OFFSET_MINUTES * MINUTE_MS;
const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/;

/** Wall-clock fields of an instant in Asia/Ho_Chi_Minh. */
export interface LocalParts {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** 0 = Sunday … 6 = Saturday */
  dayOfWeek: number;
  /** "YYYY-MM-DD" of the local calendar day */
  ymd: string;
}

/** Throws unless `date` is a `Date` holding a real instant; returns its epoch milliseconds. */
export function instantMs(date: Date, what = 'date'): number {
  const ms = date instanceof Date ? date.getTime() : NaN;
  if (!Number.isFinite(ms)) {
    throw new Error(`Invalid ${what}: expected a valid Date`);
  }
  return ms;
}

export function toLocalParts(date: Date): LocalParts {
  const shifted = new Date(instantMs(date) + OFFSET_MS);
  const year = shifted.getUTCFullYear();
  const month = shifted.getUTCMonth() + 1;
  const day = shifted.getUTCDate();
  return {
    year,
    month,
    day,
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
    millisecond: shifted.getUTCMilliseconds(),
    dayOfWeek: shifted.getUTCDay(),
    ymd: formatCivilDate(year, month, day),
  };
}

/**
 * Parses a wall-clock time "HH:mm" (or "HH:mm:ss") into minutes after midnight (seconds become a fraction).
 * Throws a descriptive Error on anything else (24:00, 7:30, 07:60 …).
 */
export function parseTimeOfDay(hhmm: string): number {
  const match = typeof hhmm === 'string' ? TIME_PATTERN.exec(hhmm) : null;
  if (!match) {
    throw new Error(`Invalid time "${String(hhmm)}": expected HH:mm (00:00–23:59)`);
  }
  return Number(match[1]) * 60 + Number(match[2]) + (match[3] ? Number(match[3]) / 60 : 0);
}

/** The instant at which the Asia/Ho_Chi_Minh wall clock shows `ymd` `hhmm` ("HH:mm" or "HH:mm:ss"). */
export function fromLocal(ymd: string, hhmm = '00:00'): Date {
  const { year, month, day } = parseYmd(ymd);
  const minutes = parseTimeOfDay(hhmm);
  return new Date(Date.UTC(year, month - 1, day) + Math.round(minutes * MINUTE_MS) - OFFSET_MS);
}

/** "YYYY-MM-DD" of the local (Asia/Ho_Chi_Minh) calendar day of an instant. */
export function formatYmd(date: Date): string {
  return toLocalParts(date).ymd;
}

/** "DD/MM/YYYY", the form used in SMS and printed receipts, e.g. "26/11/2026". */
export function formatDdMmYyyy(date: Date): string {
  const p = toLocalParts(date);
  return `${pad2(p.day)}/${pad2(p.month)}/${String(p.year).padStart(4, '0')}`;
}

/** "yyyyMMddHHmmss" local time, the timestamp format of the national public-service portal. */
export function formatCompact(date: Date): string {
  const p = toLocalParts(date);
  return `${String(p.year).padStart(4, '0')}${pad2(p.month)}${pad2(p.day)}${pad2(p.hour)}${pad2(p.minute)}${pad2(p.second)}`;
}

/** ISO 8601 with the local offset and whole seconds, e.g. "2026-11-25T08:00:00+07:00". */
export function toIsoWithOffset(date: Date): string {
  const p = toLocalParts(date);
  return `${p.ymd}T${pad2(p.hour)}:${pad2(p.minute)}:${pad2(p.second)}+07:00`;
}

// ---- day-number helpers used by the working calendar (not part of the re-exported API) ----

/** Local (Asia/Ho_Chi_Minh) day number — days since 1970-01-01 — of an instant given in epoch ms. */
export function localDayNumberOfMs(ms: number): number {
  return Math.floor((ms + OFFSET_MS) / DAY_MS);
}

/** Epoch ms of local midnight starting the given local day number. */
export function localMidnightMs(dayNumber: number): number {
  return dayNumber * DAY_MS - OFFSET_MS;
}
