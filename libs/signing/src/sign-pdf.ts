import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import signpdf from '@signpdf/signpdf';
import { SUBFILTER_ADOBE_PKCS7_DETACHED } from '@signpdf/utils';
import { foldDiacritics } from '@dvc/core';
import { commonNameOf, type KeyMaterial } from './key-material';
import { KeyMaterialCmsSigner } from './cms-signer';

export interface PdfSignatureDetails {
  reason: string;
  location: string;
  contactInfo?: string;
  signingTime: Date;
}

/** Room for the CMS: a 2048/4096-bit signature, the signer certificate and two issuers, in hex. */
const SIGNATURE_LENGTH = 16_384;

const ascii = (s: string) => foldDiacritics(s).replace(/[^\x20-\x7e]/g, '?');

/** A PDF whose structure cannot take an incremental signature (no readable cross-reference table, say). */
export class UnsignablePdfError extends Error {
  constructor(readonly reason: string) {
    super(`This PDF cannot be signed as it is: ${reason}`);
    this.name = 'UnsignablePdfError';
  }
}

/** Adds an invisible signature field and fills it with a detached CMS (adbe.pkcs7.detached) over the byte range. */
export async function signPdfWith(material: KeyMaterial, pdf: Buffer, details: PdfSignatureDetails): Promise<Buffer> {
  let withPlaceholder: Buffer;
  try {
    withPlaceholder = placeholderIn(pdf, material, details);
  } catch (error) {
    throw new UnsignablePdfError((error as Error).message);
  }
  return signpdf.sign(withPlaceholder, new KeyMaterialCmsSigner(material), details.signingTime);
}

function placeholderIn(pdf: Buffer, material: KeyMaterial, details: PdfSignatureDetails): Buffer {
  return plainAddPlaceholder({
    pdfBuffer: pdf,
    // placeholder-plain writes these strings byte-mangled beyond ASCII (a broken dictionary); the certificate keeps
    // the exact Vietnamese name, this is only the field's label.
    reason: ascii(details.reason),
    location: ascii(details.location),
    contactInfo: ascii(details.contactInfo ?? ''),
    name: ascii(commonNameOf(material.certificate)),
    signingTime: details.signingTime,
    signatureLength: SIGNATURE_LENGTH,
    subFilter: SUBFILTER_ADOBE_PKCS7_DETACHED,
    // Written as a PDF name, so no spaces.
    appName: 'DVC-HaNoi',
  });
}
