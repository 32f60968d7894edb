import { DEFAULT_OTP_POLICY as P, EMPTY_OTP_STATE, decideIssue, decideVerify, generateOtpCode, hashOtp, OtpState } from './otp-policy';

const t0 = new Date('2026-11-25T01:00:00Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
const secret = 'test-secret';
const phone = '84912345678';
const h = (code: string) => hashOtp(phone, code, secret);

function issued(now = t0, state: OtpState = EMPTY_OTP_STATE, code = '123456'): OtpState {
  const d = decideIssue(state, h(code), now, P);
  if (!d.ok) throw new Error('expected issue to succeed');
  return d.state;
}

describe('OTP policy', () => {
  it('generates 6-digit codes', () => {
    for (let i = 0; i < 200; i++) expect(generateOtpCode()).toMatch(/^\d{6}$/);
  });

  it('hash is keyed by phone and secret', () => {
    expect(hashOtp(phone, '123456', 'a')).not.toBe(hashOtp(phone, '123456', 'b'));
    expect(hashOtp('84912345679', '123456', 'a')).not.toBe(hashOtp(phone, '123456', 'a'));
  });

  it('issues a code valid for 5 minutes', () => {
    const s = issued();
    expect(s.expiresAt).toEqual(at(300));
    expect(s.sendsInWindow).toBe(1);
  });

  it.each([
    [30, 'too_soon', 30],
    [59, 'too_soon', 1],
  ])('a resend after %ds is refused as %s (retry after %ds)', (seconds, reason, retry) => {
    const d = decideIssue(issued(), h('000000'), at(seconds), P);
    expect(d).toEqual({ ok: false, reason, retryAfterSeconds: retry });
  });

  it('allows a resend after the interval and limits sends per hour', () => {
    let s = issued();
    for (let i = 1; i < P.maxSendsPerWindow; i++) s = issued(at(i * 60), s);
    const d = decideIssue(s, h('1'), at(P.maxSendsPerWindow * 60), P);
    expect(d).toMatchObject({ ok: false, reason: 'too_many' });
    expect(decideIssue(s, h('1'), at(3601), P).ok).toBe(true);
  });

  it.each([
    ['123456', 10, 'verified'],
    ['654321', 10, 'wrong'],
    ['123456', 300, 'expired'],
    ['123456', 301, 'expired'],
  ])('code %s after %ds → %s', (code, seconds, outcome) => {
    expect(decideVerify(issued(), h(code), at(seconds), P).outcome).toBe(outcome);
  });

  it('a verified code cannot be used twice', () => {
    const first = decideVerify(issued(), h('123456'), at(5), P);
    expect(decideVerify(first.state, h('123456'), at(6), P).outcome).toBe('no_code');
  });

  // Issue #15 item 10: a stranger can ask a code for anyone's phone, so wrong guesses must never keep the owner out.
  it.each([
    // wrong guesses before the right code, expected outcome of the right code
    [0, 'verified'],
    [3, 'verified'],
    [4, 'verified'],
    [5, 'no_code'], // the fifth wrong guess voided the code
  ])('%d wrong guesses at one code, then the right one → %s', (wrong, outcome) => {
    let s = issued();
    for (let i = 1; i <= wrong; i++) s = decideVerify(s, h('000000'), at(i), P).state;
    expect(decideVerify(s, h('123456'), at(10), P).outcome).toBe(outcome);
  });

  it('the fifth wrong guess voids that code and says so; the owner can ask a new one after the resend interval and sign in', () => {
    let s = issued();
    const outcomes: string[] = [];
    for (let i = 1; i <= 5; i++) {
      const d = decideVerify(s, h('000000'), at(i), P);
      outcomes.push(d.outcome);
      s = d.state;
    }
    expect(outcomes).toEqual(['wrong', 'wrong', 'wrong', 'wrong', 'exhausted']);
    expect(s.codeHash).toBeNull();
    // the new code is limited only by the resend interval (60 s after the first send), not by the wrong guesses
    expect(decideIssue(s, h('222222'), at(59), P)).toMatchObject({ ok: false, reason: 'too_soon' });
    const fresh = decideIssue(s, h('222222'), at(60), P);
    expect(fresh.ok && fresh.state.failedAttempts).toBe(0);
    if (!fresh.ok) throw new Error('unreachable');
    expect(decideVerify(fresh.state, h('222222'), at(61), P).outcome).toBe('verified');
  });

  it('wrong guesses count per code: four at each of two codes void neither', () => {
    let s = issued();
    for (let i = 1; i <= 4; i++) s = decideVerify(s, h('000000'), at(i), P).state;
    s = issued(at(60), s, '111111');
    for (let i = 1; i <= 4; i++) s = decideVerify(s, h('000000'), at(60 + i), P).state;
    expect(decideVerify(s, h('111111'), at(70), P).outcome).toBe('verified');
  });

  it('guesses per hour are bounded by sends × attempts (5 × 5): the sixth code of the hour is refused', () => {
    let s = EMPTY_OTP_STATE;
    let guesses = 0;
    for (let send = 0; send < 10; send++) {
      const d = decideIssue(s, h('999999'), at(send * 60), P);
      if (!d.ok) break;
      s = d.state;
      for (let g = 0; g < 10 && s.codeHash; g++, guesses++) s = decideVerify(s, h('000000'), at(send * 60 + g + 1), P).state;
    }
    expect(guesses).toBe(P.maxSendsPerWindow * P.maxFailedAttempts);
  });

  it('an expired code is voided', () => {
    const d = decideVerify(issued(), h('123456'), at(300), P);
    expect(d.outcome).toBe('expired');
    expect(decideVerify(d.state, h('123456'), at(301), P).outcome).toBe('no_code');
  });

  it('a success resets the failure counter', () => {
    let s = issued();
    s = decideVerify(s, h('000000'), at(1), P).state;
    expect(s.failedAttempts).toBe(1);
    s = decideVerify(s, h('123456'), at(2), P).state;
    expect(s.failedAttempts).toBe(0);
  });
});
