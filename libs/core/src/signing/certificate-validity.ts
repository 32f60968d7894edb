import { DomainError, DomainErrorCode } from '../errors/domain-error';

export type CertificateValidity = 'valid' | 'expired' | 'not_yet_valid';

/** Whether a certificate may sign at `at`: inside [notBefore, notAfter], both ends included (RFC 5280 §4.1.2.5). */
export function certificateValidityAt(validity: { notBefore: Date; notAfter: Date }, at: Date): CertificateValidity {
  if (at.getTime() < validity.notBefore.getTime()) return 'not_yet_valid';
  if (at.getTime() > validity.notAfter.getTime()) return 'expired';
  return 'valid';
}

/**
 * A document is never released unsigned, so an agency whose certificate is outside its validity cannot issue
 * anything. 503, not 409: nothing in the request or the dossier's state is wrong and the caller cannot fix it;
 * the agency's certificate must be renewed, after which the same request succeeds.
 */
export function assertCertificateUsable(validity: { notBefore: Date; notAfter: Date }, at: Date, agencyCode: string): void {
  const state = certificateValidityAt(validity, at);
  if (state === 'valid') return;
  throw new DomainError(
    DomainErrorCode.Unavailable,
    state === 'expired'
      ? `The signing certificate of agency ${agencyCode} expired on ${validity.notAfter.toISOString()}; documents cannot be issued until it is renewed.`
      : `The signing certificate of agency ${agencyCode} is not valid before ${validity.notBefore.toISOString()}; documents cannot be issued yet.`,
  );
}
