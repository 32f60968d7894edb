import type { OfficerRole } from '../identity/roles';

export type SignInStepName = 'change_password' | 'second_factor' | 'enrol_second_factor' | 'signed_in';

export interface SignInAccount {
  passwordChangeRequired: boolean;
  hasSecondFactor: boolean;
  roles: readonly OfficerRole[];
}

export interface MfaPolicy {
  /** Roles that must have a second factor once `enforce` is on. */
  roles: readonly string[];
  /** Off: only those who enrolled are asked (development, the demo). On: the roles above must enrol first. */
  enforce: boolean;
}

/**
 * What an officer must do next after a step of signing in succeeded. A password set by someone else is changed
 * first; then the second factor is asked if enrolled, or enrolment if the policy requires one for the roles held.
 */
export function nextSignInStep(account: SignInAccount, done: 'password' | 'password_change' | 'second_factor', policy: MfaPolicy): SignInStepName {
  if (done === 'password' && account.passwordChangeRequired) return 'change_password';
  if (done === 'second_factor') return 'signed_in';
  if (account.hasSecondFactor) return 'second_factor';
  if (policy.enforce && account.roles.some((r) => policy.roles.includes(r))) return 'enrol_second_factor';
  return 'signed_in';
}
