import { afterSignInAttempt, lockedFor, type LockoutState } from './login-lockout';

const policy = { maxFailures: 3, lockSeconds: 900 };
const now = new Date('2026-12-02T07:30:00+07:00');
const at = (s: string) => new Date(s);

describe('afterSignInAttempt', () => {
  it.each<[string, LockoutState, boolean, LockoutState]>([
    ['a first failure counts', { failedLogins: 0, lockedUntil: null }, false, { failedLogins: 1, lockedUntil: null }],
    [
      'the third failure locks for 15 minutes and restarts the count',
      { failedLogins: 2, lockedUntil: null },
      false,
      { failedLogins: 0, lockedUntil: at('2026-12-02T07:45:00+07:00') },
    ],
    ['a success clears the count', { failedLogins: 2, lockedUntil: null }, true, { failedLogins: 0, lockedUntil: null }],
    [
      'a failure after an expired lock counts from 1 and drops the old lock',
      { failedLogins: 0, lockedUntil: at('2026-12-02T07:00:00+07:00') },
      false,
      { failedLogins: 1, lockedUntil: null },
    ],
  ])('%s', (_label, state, succeeded, expected) => {
    expect(afterSignInAttempt(state, succeeded, now, policy)).toEqual(expected);
  });
});

describe('lockedFor', () => {
  it.each<[string, Date | null, number | null]>([
    ['never locked', null, null],
    ['lock over', at('2026-12-02T07:29:59+07:00'), null],
    ['ends exactly now', now, null],
    ['10 minutes left', at('2026-12-02T07:40:00+07:00'), 600],
    ['half a second left rounds up', new Date(now.getTime() + 500), 1],
  ])('%s', (_label, lockedUntil, seconds) => {
    expect(lockedFor({ failedLogins: 0, lockedUntil }, now)).toBe(seconds);
  });
});
