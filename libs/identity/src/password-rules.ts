import { DomainError, passwordProblem, type PasswordContext, type PasswordPolicy } from '@dvc/core';
import commonPasswords from './password-lists/common-passwords-10k.json';
import localWords from './password-lists/local-words.json';

let common: ReadonlySet<string> | null = null;

function commonSet(): ReadonlySet<string> {
  common ??= new Set([...commonPasswords.passwords, ...localWords.words]);
  return common;
}

export function officerPasswordPolicy(minLength: number): PasswordPolicy {
  return { minLength, maxLength: 256, common: commonSet() };
}

/** 422 naming the field when a new password breaks the policy (libs/core `passwordProblem`). */
export function assertAcceptablePassword(password: string, context: PasswordContext, minLength: number, field = 'password'): void {
  const problem = passwordProblem(password, context, officerPasswordPolicy(minLength));
  if (problem) throw DomainError.validation([{ field, message: problem }], `The ${field} ${problem}.`);
}
