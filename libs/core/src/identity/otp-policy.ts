import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';

export interface OtpPolicy {
  /** How long a code stays valid. */
  ttlSeconds: number;
  /** Wrong codes in a row (across re-sent codes) before the phone is locked. */
  maxFailedAttempts: number;
  lockSeconds: number;
  /** Minimum time between two codes sent to one phone. */
  resendIntervalSeconds: number;
  /** At most this many codes per phone per rolling window. */
  maxSendsPerWindow: number;
  sendWindowSeconds: number;
}

export const DEFAULT_OTP_POLICY: OtpPolicy = {
  ttlSeconds: 300,
  maxFailedAttempts: 5,
  lockSeconds: 900,
  resendIntervalSeconds: 60,
  maxSendsPerWindow: 5,
  sendWindowSeconds: 3600,
};

/** What is stored per phone: never the code, only its keyed hash. */
export interface OtpState {
  codeHash: string | null;
  issuedAt: Date | null;
  expiresAt: Date | null;
  failedAttempts: number;
  lockedUntil: Date | null;
  sendsInWindow: number;
  windowStartedAt: Date | null;
}

export const EMPTY_OTP_STATE: OtpState = {
  codeHash: null,
  issuedAt: null,
  expiresAt: null,
  failedAttempts: 0,
  lockedUntil: null,
  sendsInWindow: 0,
  windowStartedAt: null,
};

export type IssueDecision =
  | { ok: true; state: OtpState }
  | { ok: false; reason: 'locked' | 'too_soon' | 'too_many'; retryAfterSeconds: number };

export type VerifyOutcome = 'verified' | 'wrong' | 'expired' | 'no_code' | 'locked';
export interface VerifyDecision {
  outcome: VerifyOutcome;
  state: OtpState;
  retryAfterSeconds?: number;
}

const secondsUntil = (t: Date, now: Date) => Math.max(1, Math.ceil((t.getTime() - now.getTime()) / 1000));
const addSeconds = (t: Date, s: number) => new Date(t.getTime() + s * 1000);

export function generateOtpCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/** Keyed hash so a leaked table does not give away codes (a 6-digit space is trivial to brute-force unkeyed). */
export function hashOtp(phone: string, code: string, secret: string): string {
  return createHmac('sha256', secret).update(`${phone}:${code}`).digest('hex');
}

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

export function decideIssue(state: OtpState, codeHash: string, now: Date, policy: OtpPolicy = DEFAULT_OTP_POLICY): IssueDecision {
  if (state.lockedUntil && state.lockedUntil > now) {
    return { ok: false, reason: 'locked', retryAfterSeconds: secondsUntil(state.lockedUntil, now) };
  }
  if (state.issuedAt) {
    const nextAllowed = addSeconds(state.issuedAt, policy.resendIntervalSeconds);
    if (nextAllowed > now) return { ok: false, reason: 'too_soon', retryAfterSeconds: secondsUntil(nextAllowed, now) };
  }
  const windowOpen = state.windowStartedAt && addSeconds(state.windowStartedAt, policy.sendWindowSeconds) > now;
  const sendsInWindow = windowOpen ? state.sendsInWindow : 0;
  if (sendsInWindow >= policy.maxSendsPerWindow && state.windowStartedAt) {
    return { ok: false, reason: 'too_many', retryAfterSeconds: secondsUntil(addSeconds(state.windowStartedAt, policy.sendWindowSeconds), now) };
  }
  const lockExpired = state.lockedUntil !== null && state.lockedUntil <= now;
  return {
    ok: true,
    state: {
      codeHash,
      issuedAt: now,
      expiresAt: addSeconds(now, policy.ttlSeconds),
      failedAttempts: lockExpired ? 0 : state.failedAttempts,
      lockedUntil: lockExpired ? null : state.lockedUntil,
      sendsInWindow: sendsInWindow + 1,
      windowStartedAt: windowOpen ? state.windowStartedAt : now,
    },
  };
}

export function decideVerify(state: OtpState, candidateHash: string, now: Date, policy: OtpPolicy = DEFAULT_OTP_POLICY): VerifyDecision {
  if (state.lockedUntil && state.lockedUntil > now) {
    return { outcome: 'locked', state, retryAfterSeconds: secondsUntil(state.lockedUntil, now) };
  }
  if (!state.codeHash || !state.expiresAt) return { outcome: 'no_code', state };
  if (state.expiresAt <= now) return { outcome: 'expired', state: { ...state, codeHash: null } };
  if (sameHash(state.codeHash, candidateHash)) {
    return { outcome: 'verified', state: { ...state, codeHash: null, expiresAt: null, failedAttempts: 0, lockedUntil: null } };
  }
  const failedAttempts = state.failedAttempts + 1;
  if (failedAttempts >= policy.maxFailedAttempts) {
    const lockedUntil = addSeconds(now, policy.lockSeconds);
    return {
      outcome: 'locked',
      state: { ...state, codeHash: null, expiresAt: null, failedAttempts, lockedUntil },
      retryAfterSeconds: policy.lockSeconds,
    };
  }
  return { outcome: 'wrong', state: { ...state, failedAttempts } };
}
