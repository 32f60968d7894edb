import { addDaysYmd, fromLocal, toLocalParts } from '../calendar';
import { DomainError } from '../errors/domain-error';
import type { SmsTemplateKind } from './templates';

/** A daily window of local (Asia/Ho_Chi_Minh) time in which non-urgent SMS are held. */
export interface QuietHours {
  /** "HH:mm" the window opens (inclusive). */
  start: string;
  /** "HH:mm" the window closes (exclusive): held messages are released at this time. */
  end: string;
  startMinute: number;
  endMinute: number;
  /** True when the window runs past midnight (21:00-07:00). */
  crossesMidnight: boolean;
}

const WINDOW_PATTERN = /^(([01]\d|2[0-3]):([0-5]\d))-(([01]\d|2[0-3]):([0-5]\d))$/;

/**
 * Parses "HH:mm-HH:mm" (e.g. "21:00-07:00", or "12:00-13:00" within one day). Start and end must differ.
 * Throws a validation DomainError on anything else.
 */
export function parseQuietHours(text: string): QuietHours {
  const match = typeof text === 'string' ? WINDOW_PATTERN.exec(text.trim()) : null;
  if (!match) throw DomainError.validation([{ field: 'quietHours', message: 'must look like 21:00-07:00' }]);
  const startMinute = Number(match[2]) * 60 + Number(match[3]);
  const endMinute = Number(match[5]) * 60 + Number(match[6]);
  if (startMinute === endMinute) {
    throw DomainError.validation([{ field: 'quietHours', message: 'start and end must differ' }]);
  }
  return { start: match[1], end: match[4], startMinute, endMinute, crossesMidnight: startMinute > endMinute };
}

/**
 * When a non-urgent SMS due at `now` may leave: null when `now` (read on the Asia/Ho_Chi_Minh wall clock,
 * whatever the machine's TZ) is outside the window, otherwise the instant the window closes — the same local
 * day, or the next one when the window crosses midnight and `now` is before midnight.
 */
export function quietHoursRelease(now: Date, window: QuietHours | string): Date | null {
  const w = typeof window === 'string' ? parseQuietHours(window) : window;
  const local = toLocalParts(now);
  const minute = local.hour * 60 + local.minute + (local.second * 1000 + local.millisecond) / 60_000;
  let releaseYmd: string;
  if (w.crossesMidnight) {
    if (minute >= w.startMinute) releaseYmd = addDaysYmd(local.ymd, 1);
    else if (minute < w.endMinute) releaseYmd = local.ymd;
    else return null;
  } else {
    if (minute >= w.startMinute && minute < w.endMinute) releaseYmd = local.ymd;
    else return null;
  }
  return fromLocal(releaseYmd, w.end);
}

/** Urgent kinds are never held by quiet hours: the OTP is waited for by someone signing in right now. */
export function isUrgentSmsKind(kind: SmsTemplateKind | string): boolean {
  return kind === 'otp';
}
