import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';

/**
 * Wrong codes spend THAT code only: after `maxFailedAttempts` wrong guesses it is void and a new one may be asked for
 * at once (within the send limits). There is no lock of the phone: anyone can ask a code for anyone's number, so a
 * lock after wrong guesses would let a stranger keep the owner out. Guessing stays bounded by the send limits:
 * at most maxSendsPerWindow × maxFailedAttempts guesses per window (5 × 5 = 25 an hour against 10^6 codes).
 */
export interface OtpPolicy {
  /** How long a code stays valid. */
  ttlSeconds: number;
  /** Wrong guesses that void the current code. */
  maxFailedAttempts: number;
  /** Minimum time between two codes sent to one phone. */
  resendIntervalSeconds: number;
  /** At most this many codes per phone per rolling window. */
  maxSendsPerWindow: number;
  sendWindowSeconds: number;
}

export const DEFAULT_OTP_POLICY: OtpPolicy = {
  ttlSeconds: 300,
  maxFailedAttempts: 5,
  resendIntervalSeconds: 60,
  maxSendsPerWindow: 5,
  sendWindowSeconds: 3600,
};

/** What is stored per phone: never the code, only its keyed hash. */
export interface OtpState {
  codeHash: string | null;
  issuedAt: Date | null;
  expiresAt: Date | null;
  /** Wrong guesses at the current code. */
  failedAttempts: number;
  sendsInWindow: number;
  windowStartedAt: Date | null;
}

export const EMPTY_OTP_STATE: OtpState = {
  codeHash: null,
  issuedAt: null,
  expiresAt: null,
  failedAttempts: 0,
  sendsInWindow: 0,
  windowStartedAt: null,
};

export type IssueDecision = { ok: true; state: OtpState } | { ok: false; reason: 'too_soon' | 'too_many'; retryAfterSeconds: number };

/** `exhausted`: this guess was wrong and was the last one the code allowed; the code is void. */
export type VerifyOutcome = 'verified' | 'wrong' | 'exhausted' | 'expired' | 'no_code';
export interface VerifyDecision {
  outcome: VerifyOutcome;
  state: OtpState;
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
  if (state.issuedAt) {
    const nextAllowed = addSeconds(state.issuedAt, policy.resendIntervalSeconds);
    if (nextAllowed > now) return { ok: false, reason: 'too_soon', retryAfterSeconds: secondsUntil(nextAllowed, now) };
  }
  const windowOpen = state.windowStartedAt && addSeconds(state.windowStartedAt, policy.sendWindowSeconds) > now;
  const sendsInWindow = windowOpen ? state.sendsInWindow : 0;
  if (sendsInWindow >= policy.maxSendsPerWindow && state.windowStartedAt) {
    return { ok: false, reason: 'too_many', retryAfterSeconds: secondsUntil(addSeconds(state.windowStartedAt, policy.sendWindowSeconds), now) };
  }
  return {
    ok: true,
    state: {
      codeHash,
      issuedAt: now,
      expiresAt: addSeconds(now, policy.ttlSeconds),
      failedAttempts: 0,
      sendsInWindow: sendsInWindow + 1,
      windowStartedAt: windowOpen ? state.windowStartedAt : now,
    },
  };
}

export function decideVerify(state: OtpState, candidateHash: string, now: Date, policy: OtpPolicy = DEFAULT_OTP_POLICY): VerifyDecision {
  if (!state.codeHash || !state.expiresAt) return { outcome: 'no_code', state };
  if (state.expiresAt <= now) return { outcome: 'expired', state: { ...state, codeHash: null, expiresAt: null } };
  if (sameHash(state.codeHash, candidateHash)) {
    return { outcome: 'verified', state: { ...state, codeHash: null, expiresAt: null, failedAttempts: 0 } };
  }
  const failedAttempts = state.failedAttempts + 1;
  if (failedAttempts >= policy.maxFailedAttempts) {
    return { outcome: 'exhausted', state: { ...state, codeHash: null, expiresAt: null, failedAttempts } };
  }
  return { outcome: 'wrong', state: { ...state, failedAttempts } };
}
