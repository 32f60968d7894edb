export interface LockoutPolicy {
  /** Consecutive failed sign-ins (wrong password or second-factor code) that lock the account. */
  maxFailures: number;
  lockSeconds: number;
}

export interface LockoutState {
  failedLogins: number;
  lockedUntil: Date | null;
}

export function lockedFor(state: LockoutState, now: Date): number | null {
  if (!state.lockedUntil || state.lockedUntil <= now) return null;
  return Math.ceil((state.lockedUntil.getTime() - now.getTime()) / 1000);
}

/**
 * The account's lockout counter after one sign-in attempt, whatever address it came from. The count restarts
 * after a success and when a lock is set, so the next lock needs another full run of failures.
 */
export function afterSignInAttempt(state: LockoutState, succeeded: boolean, now: Date, policy: LockoutPolicy): LockoutState {
  if (succeeded) return { failedLogins: 0, lockedUntil: null };
  const failures = state.failedLogins + 1;
  if (failures >= policy.maxFailures) return { failedLogins: 0, lockedUntil: new Date(now.getTime() + policy.lockSeconds * 1000) };
  return { failedLogins: failures, lockedUntil: state.lockedUntil && state.lockedUntil > now ? state.lockedUntil : null };
}
