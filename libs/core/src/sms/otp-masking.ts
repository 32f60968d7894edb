/**
 * An OTP message as any person may see it: every run of four or more digits (the code, whatever the template
 * around it) replaced by six asterisks, so that neither the code nor its length shows. OTP_DIGITS_SQL is the same
 * rule for PostgreSQL's regexp_replace (the purge of stored texts), kept next to it so that they cannot drift.
 */
export const OTP_MASK = '******';
export const OTP_DIGITS_SQL = '[0-9]{4,}';

export function maskOtpText(text: string): string {
  return text.replace(/[0-9]{4,}/g, OTP_MASK);
}

/** The SMS kinds whose text carries a secret. */
export const isSecretSmsKind = (kind: string): boolean => kind === 'otp';
