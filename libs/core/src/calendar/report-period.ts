import { addDaysYmd } from './civil-date';
import { fromLocal } from './zoned-time';

const BARE_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A statistics period bound as the caller wrote it. An instant (with a time and an offset) is taken as it is, the
 * period being [from, to). A bare date names a local day in Hà Nội, both ends included, as reporting periods are
 * written ("từ ngày 01/11 đến ngày 30/11"): `from` starts at that day's local midnight, `to` ends at the next one.
 */
export function reportPeriodBound(value: string, end: 'from' | 'to'): Date {
  if (!BARE_DATE.test(value)) return new Date(value);
  return fromLocal(end === 'from' ? value : addDaysYmd(value, 1));
}

/** In-progress figures are a state at an instant: the end of the period, or now when the period has not ended. */
export function inProgressAsOf(to: Date, now: Date): { asOf: Date; live: boolean } {
  return to.getTime() > now.getTime() ? { asOf: now, live: true } : { asOf: to, live: false };
}
