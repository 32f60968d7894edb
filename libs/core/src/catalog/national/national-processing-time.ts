import type { ProcessingTime } from '../procedure-definition';
import type { ChannelProcessingTime, SubmissionChannel } from './national-procedure';
import { objects, quantity, shortText, text, type Json } from './record-reading';

export const CHANNEL_OF_METHOD: Record<string, SubmissionChannel> = { ONLINE: 'online', DIRECT: 'direct', POSTAL: 'post' };

/** Calendar days a month counts for (Civil Code 2015 art. 145 counts a month whole; 30 days is our rule). */
const DAYS_PER_MONTH = 30;

/**
 * A published quantity and unit as statutory working time, or null when the unit is not one we convert.
 * WORKING_DAY is taken as is (halves and quarters allowed); HOUR as working hours; DAY (calendar days) and MONTH
 * (30 calendar days) become the working days of five-day weeks, rounded down and at least one, so the appointment
 * never falls after the calendar deadline (holidays inside it aside).
 */
export function workingTimeOf(value: number, unit: string): Pick<ChannelProcessingTime, 'workingDays' | 'workingHours'> | null {
  if (!(value > 0)) return null;
  switch (unit) {
    case 'WORKING_DAY':
      return { workingDays: value };
    case 'HOUR':
      return { workingHours: value };
    case 'DAY':
      return { workingDays: Math.max(1, Math.floor((value * 5) / 7)) };
    case 'MONTH':
      return { workingDays: Math.max(1, Math.floor((value * DAYS_PER_MONTH * 5) / 7)) };
    default:
      return null;
  }
}

const hoursOf = (t: Pick<ChannelProcessingTime, 'workingDays' | 'workingHours'>) => t.workingHours ?? (t.workingDays ?? 0) * 8;

/**
 * Every published time, per channel and case. An execution method with unit OTHER (or a time that is prose, not a
 * number) takes the times of `cases[].processingDay`, one per case. Returns a reason when a method has neither.
 */
export function channelProcessingTimes(data: Json): { times: ChannelProcessingTime[] } | { reason: string } {
  const methods = objects(data.executionMethods);
  if (methods.length === 0) return { reason: 'no executionMethods: the record publishes no channel of submission' };
  const caseTimes = objects(data.cases).flatMap((c) => {
    const day = c.processingDay as Json | null;
    const value = quantity(day?.qty);
    const unit = text(day?.type);
    const working = value === null ? null : workingTimeOf(value, unit);
    return working && value !== null ? [{ case: shortText(c.name, 200) || null, working, published: { value, unit } }] : [];
  });
  const times: ChannelProcessingTime[] = [];
  for (const [i, m] of methods.entries()) {
    const channel = CHANNEL_OF_METHOD[text(m.submissionMethod)];
    if (!channel) return { reason: `executionMethods[${i}].submissionMethod "${text(m.submissionMethod)}" is not ONLINE, DIRECT or POSTAL` };
    const value = quantity(m.processingTime);
    const unit = text(m.processingTimeUnit);
    const working = value === null || unit === 'OTHER' ? null : workingTimeOf(value, unit);
    const caseName = methods.filter((x) => x.submissionMethod === m.submissionMethod).length > 1 ? shortText(m.description, 200) || null : null;
    if (working && value !== null) {
      times.push({ channel, case: caseName, ...working, published: { value, unit } });
    } else if (unit === 'OTHER' || value === null) {
      if (caseTimes.length === 0) {
        return {
          reason: `executionMethods[${i}] (${text(m.submissionMethod)}) gives its time as "${shortText(String(m.processingTime ?? ''), 60)}" (${unit || 'no unit'}) and no cases[].processingDay gives a number of days or hours`,
        };
      }
      times.push(...caseTimes.map((c) => ({ channel, case: c.case, ...c.working, published: c.published })));
    } else {
      return {
        reason: `executionMethods[${i}] (${text(m.submissionMethod)}) has processing time ${value} ${unit}: not a positive number of working days, days, hours or months`,
      };
    }
  }
  return { times };
}

/**
 * The statutory time that dates a dossier: the online channel's when the record has one, else the desk's (direct),
 * else the post's; when that channel distinguishes cases, the longest, since the case is known only once the
 * dossier is examined and an appointment must hold for every case.
 */
export function statutoryTime(times: ChannelProcessingTime[]): ProcessingTime {
  const channel = (['online', 'direct', 'post'] as const).find((c) => times.some((t) => t.channel === c));
  const longest = times.filter((t) => t.channel === channel).reduce((a, b) => (hoursOf(b) > hoursOf(a) ? b : a));
  return longest.workingHours !== undefined ? { workingHours: longest.workingHours } : { workingDays: longest.workingDays };
}
