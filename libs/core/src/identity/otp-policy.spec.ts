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

  it('five wrong codes lock the phone for 15 minutes, across re-sent codes', () => {
    let s = issued();
    for (let i = 1; i <= 3; i++) s = decideVerify(s, h('000000'), at(i), P).state;
    s = issued(at(70), s, '111111');
    s = decideVerify(s, h('000000'), at(71), P).state;
    const fifth = decideVerify(s, h('000000'), at(72), P);
    expect(fifth.outcome).toBe('locked');
    expect(fifth.retryAfterSeconds).toBe(900);
    // even the right code is refused while locked, and no new code is sent
    expect(decideVerify(fifth.state, h('111111'), at(100), P).outcome).toBe('locked');
    expect(decideIssue(fifth.state, h('2'), at(500), P)).toMatchObject({ ok: false, reason: 'locked' });
    // after the lock a new code can be issued and the counter starts again
    const after = decideIssue(fifth.state, h('222222'), at(72 + 900), P);
    expect(after.ok && after.state.failedAttempts).toBe(0);
  });

  it('a success resets the failure counter', () => {
    let s = issued();
    s = decideVerify(s, h('000000'), at(1), P).state;
    expect(s.failedAttempts).toBe(1);
    s = decideVerify(s, h('123456'), at(2), P).state;
    expect(s.failedAttempts).toBe(0);
  });
});
