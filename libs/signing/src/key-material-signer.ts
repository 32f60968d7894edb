import { assertCertificateUsable } from '@dvc/core';
import type { DocumentSigner, SignedPdf, SignRequest } from './document-signer';
import { commonNameOf, type KeyMaterial } from './key-material';
import type { AgencyIdentity } from './local-ca';
import { signPdfWith } from './sign-pdf';

export type KeyMaterialSource = (agency: AgencyIdentity) => KeyMaterial;

/** Signs in process with each agency's key, loaded once per agency and kept (no key work per request). */
export class KeyMaterialSigner implements DocumentSigner {
  private readonly cache = new Map<string, KeyMaterial>();

  constructor(private readonly source: KeyMaterialSource) {}

  async signPdf(pdf: Buffer, request: SignRequest): Promise<SignedPdf> {
    const material = this.materialFor(request.agency);
    // Whole seconds: the CMS signing time (UTCTime) and the PDF's /M keep no fractions, and the record must match them.
    const signedAt = new Date(Math.floor((request.at ?? new Date()).getTime() / 1000) * 1000);
    assertCertificateUsable(material.certificate.validity, signedAt, request.agency.code);
    const signed = await signPdfWith(material, pdf, { reason: request.reason, location: 'Ha Noi, Viet Nam', signingTime: signedAt });
    return { pdf: signed, signedAt, signerName: commonNameOf(material.certificate), certificateSerial: material.certificate.serialNumber };
  }

  private materialFor(agency: AgencyIdentity): KeyMaterial {
    let material = this.cache.get(agency.code);
    if (!material) {
      material = this.source(agency);
      this.cache.set(agency.code, material);
    }
    return material;
  }
}
