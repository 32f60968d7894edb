import { nextSignInStep, type SignInAccount } from './sign-in-steps';

const policy = (enforce: boolean) => ({ roles: ['admin', 'unit_admin', 'leader'], enforce });
const account = (over: Partial<SignInAccount>): SignInAccount => ({
  passwordChangeRequired: false,
  hasSecondFactor: false,
  roles: ['receiving_officer'],
  ...over,
});

describe('nextSignInStep', () => {
  it.each<[string, SignInAccount, 'password' | 'password_change' | 'second_factor', boolean, string]>([
    ['a receiving officer without anything pending is signed in', account({}), 'password', true, 'signed_in'],
    [
      'a reset password is changed first, even before the second factor',
      account({ passwordChangeRequired: true, hasSecondFactor: true }),
      'password',
      true,
      'change_password',
    ],
    [
      'after the change, the enrolled second factor',
      account({ passwordChangeRequired: true, hasSecondFactor: true }),
      'password_change',
      false,
      'second_factor',
    ],
    ['an enrolled receiving officer is asked too (whatever the roles)', account({ hasSecondFactor: true }), 'password', false, 'second_factor'],
    ['a leader without one, not enforced (development): signed in', account({ roles: ['leader'] }), 'password', false, 'signed_in'],
    ['a leader without one, enforced (production): enrol first', account({ roles: ['leader'] }), 'password', true, 'enrol_second_factor'],
    [
      'an admin after a password change, enforced: enrol',
      account({ roles: ['admin'], passwordChangeRequired: true }),
      'password_change',
      true,
      'enrol_second_factor',
    ],
    ['a specialist, enforced, is not in the roles', account({ roles: ['specialist'] }), 'password', true, 'signed_in'],
    ['the second factor given: signed in', account({ roles: ['admin'], hasSecondFactor: true }), 'second_factor', true, 'signed_in'],
  ])('%s', (_label, acc, done, enforce, expected) => {
    expect(nextSignInStep(acc, done, policy(enforce))).toBe(expected);
  });
});
