import { isDependencyUnavailable } from '../errors/dependency-unavailable';

export interface SmsRetryPolicy {
  /** The first wait; each further failed attempt doubles it. */
  backoffMs: number;
  /** No wait is longer than this. */
  backoffMaxMs: number;
}

/**
 * Longest wait of a batch while our own PostgreSQL or Redis does not answer: once it is back, messages go out
 * within this, however long the outage lasted.
 */
export const DEPENDENCY_RETRY_MAX_MS = 10_000;

/** The wait after the provider attempt numbered `attemptsMade` failed (1 = the first): exponential, capped. */
export function smsBackoffDelay(attemptsMade: number, policy: SmsRetryPolicy): number {
  return Math.min(Math.round(2 ** Math.max(0, attemptsMade - 1) * policy.backoffMs), policy.backoffMaxMs);
}

/** What a batch run that threw does next: spend one of its provider attempts, or wait and try again for free. */
export type SmsRunFailure = { spendsAttempt: true } | { spendsAttempt: false; retryInMs: number };

/**
 * A run that failed because our own PostgreSQL or Redis is away (a restart, a failover) says nothing about the
 * messages or the provider: it comes back without spending an attempt, so an outage of any length never marks
 * messages failed. It waits as long as the outage has lasted so far (`outageMs`), between backoffMs and
 * DEPENDENCY_RETRY_MAX_MS (or backoffMaxMs if lower). Any other error spends an attempt (the provider backoff).
 */
export function smsRunFailure(error: unknown, outageMs: number, policy: SmsRetryPolicy): SmsRunFailure {
  if (!isDependencyUnavailable(error)) return { spendsAttempt: true };
  const retryInMs = Math.min(Math.max(outageMs, policy.backoffMs), policy.backoffMaxMs, DEPENDENCY_RETRY_MAX_MS);
  return { spendsAttempt: false, retryInMs };
}
