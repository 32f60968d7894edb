import { DomainError, DomainErrorCode } from '../errors/domain-error';
import { assertCertificateUsable, certificateValidityAt } from './certificate-validity';

const validity = { notBefore: new Date('2026-01-01T00:00:00Z'), notAfter: new Date('2027-01-01T00:00:00Z') };

describe('certificateValidityAt', () => {
  it.each([
    ['a second before notBefore', '2025-12-31T23:59:59Z', 'not_yet_valid'],
    ['at notBefore', '2026-01-01T00:00:00Z', 'valid'],
    ['inside', '2026-06-01T00:00:00Z', 'valid'],
    ['at notAfter', '2027-01-01T00:00:00Z', 'valid'],
    ['a second after notAfter', '2027-01-01T00:00:01Z', 'expired'],
  ])('%s', (_label, at, expected) => {
    expect(certificateValidityAt(validity, new Date(at))).toBe(expected);
  });

  it('refuses an expired or not-yet-valid certificate as unavailable, naming the agency', () => {
    for (const at of ['2025-06-01T00:00:00Z', '2027-06-01T00:00:00Z']) {
      try {
        assertCertificateUsable(validity, new Date(at), '000.35.22.H26');
        throw new Error('not refused');
      } catch (error) {
        expect(error).toBeInstanceOf(DomainError);
        expect((error as DomainError).code).toBe(DomainErrorCode.Unavailable);
        expect((error as DomainError).message).toContain('000.35.22.H26');
      }
    }
    expect(() => assertCertificateUsable(validity, new Date('2026-06-01T00:00:00Z'), 'x')).not.toThrow();
  });
});
