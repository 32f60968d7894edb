/**
 * Office hours of a unit: the working sessions of a working day and the receipt cut-off times.
 * Times are Asia/Ho_Chi_Minh wall-clock "HH:mm".
 */
import { parseTimeOfDay } from './zoned-time';

/** "HH:mm", 00:00–23:59. */
export type TimeOfDay = string;

export interface OfficeSession {
  start: TimeOfDay;
  end: TimeOfDay;
}

export interface OfficeHours {
  /** Working sessions of a working day, e.g. morning and afternoon. Must not overlap. */
  sessions: readonly OfficeSession[];
  /** Receipts strictly after this time (same-day procedures) count from the next working morning. */
  sameDayCutoff: TimeOfDay;
  /** Receipts strictly after this time (all other procedures) count from the next working morning. */
  cutoff: TimeOfDay;
}

/** 07:30–11:30 and 13:00–17:00; same-day cut-off 15:00; cut-off 17:00. */
export const DEFAULT_OFFICE_HOURS: Readonly<OfficeHours> = Object.freeze({
  sessions: Object.freeze([Object.freeze({ start: '07:30', end: '11:30' }), Object.freeze({ start: '13:00', end: '17:00' })]),
  sameDayCutoff: '15:00',
  cutoff: '17:00',
});

/** Office hours in minutes after local midnight, sessions sorted by start. */
export interface ParsedOfficeHours {
  sessions: ReadonlyArray<{ startMinute: number; endMinute: number }>;
  sameDayCutoffMinute: number;
  cutoffMinute: number;
  /** Sum of the session lengths (480 for the default hours). */
  sessionMinutesPerDay: number;
}

/**
 * Validates office hours and converts them to minutes. Throws an Error naming the problem when:
 * there are no sessions; a time is not "HH:mm"; a session does not end after it starts; two sessions
 * overlap (touching, e.g. 11:30–11:30, is allowed); a cut-off is not after the first session's start;
 * or the same-day cut-off is later than the general cut-off. Sessions may be given in any order.
 */
export function parseOfficeHours(hours: OfficeHours): ParsedOfficeHours {
  if (!hours || typeof hours !== 'object') {
    throw new Error('Invalid office hours: expected an object');
  }
  if (!Array.isArray(hours.sessions) || hours.sessions.length === 0) {
    throw new Error('Invalid office hours: at least one session is required');
  }
  const sessions = hours.sessions.map((session, index) => {
    const label = `session #${index + 1}`;
    if (!session || typeof session !== 'object') {
      throw new Error(`Invalid office hours: ${label} must be an object {start, end}`);
    }
    const startMinute = parseLabelled(session.start, `${label} start`);
    const endMinute = parseLabelled(session.end, `${label} end`);
    if (endMinute <= startMinute) {
      throw new Error(`Invalid office hours: ${label} (${session.start}–${session.end}) must end after it starts`);
    }
    return { startMinute, endMinute, text: `${session.start}–${session.end}` };
  });
  sessions.sort((a, b) => a.startMinute - b.startMinute);
  for (let i = 1; i < sessions.length; i++) {
    if (sessions[i].startMinute < sessions[i - 1].endMinute) {
      throw new Error(`Invalid office hours: sessions ${sessions[i - 1].text} and ${sessions[i].text} overlap`);
    }
  }
  const sameDayCutoffMinute = parseLabelled(hours.sameDayCutoff, 'sameDayCutoff');
  const cutoffMinute = parseLabelled(hours.cutoff, 'cutoff');
  const firstStart = sessions[0].startMinute;
  if (sameDayCutoffMinute <= firstStart || cutoffMinute <= firstStart) {
    throw new Error('Invalid office hours: cut-off times must be after the start of the first session');
  }
  if (sameDayCutoffMinute > cutoffMinute) {
    throw new Error(`Invalid office hours: sameDayCutoff ${hours.sameDayCutoff} must not be later than cutoff ${hours.cutoff}`);
  }
  return {
    sessions: sessions.map(({ startMinute, endMinute }) => ({ startMinute, endMinute })),
    sameDayCutoffMinute,
    cutoffMinute,
    sessionMinutesPerDay: sessions.reduce((sum, s) => sum + s.endMinute - s.startMinute, 0),
  };
}

/** Same checks as `parseOfficeHours`, returning the input unchanged (handy for config validation). */
export function assertValidOfficeHours(hours: OfficeHours): OfficeHours {
  parseOfficeHours(hours);
  return hours;
}

function parseLabelled(value: string, label: string): number {
  try {
    if (typeof value !== 'string' || !/^\d{2}:\d{2}$/.test(value)) {
      throw new Error('not HH:mm');
    }
    return parseTimeOfDay(value);
  } catch {
    throw new Error(`Invalid office hours: ${label} "${String(value)}" is not a valid HH:mm time`);
  }
}
