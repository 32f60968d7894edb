import type { AgencyIdentity } from './local-ca';

export interface SignRequest {
  agency: AgencyIdentity;
  /** Why the document is signed, as the PDF signature's /Reason shows it. */
  reason: string;
  at?: Date;
}

export interface SignedPdf {
  pdf: Buffer;
  signedAt: Date;
  /** The certificate's CN: the agency's name as the certificate authority attested it. */
  signerName: string;
  certificateSerial: string;
}

/**
 * Signs a PDF with the agency's certificate. Implemented here with key material held in process (private CA or
 * PKCS#12 files); a remote signing service (HSM, the government CA's signing server) implements the same call.
 * Throws a DomainError `unavailable` when the agency's certificate is outside its validity: nothing is issued unsigned.
 */
export interface DocumentSigner {
  signPdf(pdf: Buffer, request: SignRequest): Promise<SignedPdf>;
}

export const DOCUMENT_SIGNER = Symbol('DOCUMENT_SIGNER');
