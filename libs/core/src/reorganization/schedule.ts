import { fromLocal, formatYmd } from '../calendar/zoned-time';

/** A plan's first minute: 00:00 Asia/Ho_Chi_Minh of its effective date. */
export function takesEffectAt(effectiveDate: string): Date {
  return fromLocal(effectiveDate);
}

/** A scheduled plan is due from its first minute on; one applied already is never due again. */
export function isPlanDue(plan: { effectiveDate: string; status: 'scheduled' | 'applied' }, now: Date): boolean {
  return plan.status === 'scheduled' && now.getTime() >= takesEffectAt(plan.effectiveDate).getTime();
}

/** The latest effective date due at `now` (for `effective_date <= $1` in SQL). */
export function lastDueDate(now: Date): string {
  return formatYmd(now);
}
