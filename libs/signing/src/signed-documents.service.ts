import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { HttpConfig } from '@dvc/config';
import { DomainError, isUuid } from '@dvc/core';
import { DOCUMENT_SIGNER, type DocumentSigner } from './document-signer';
import type { AgencyIdentity } from './local-ca';
import { SignedDocumentEntity } from './signed-document.entity';

export interface DocumentToSign {
  /** From `newId()`, printed in the document as its verification link. */
  id: string;
  dossierId: string;
  dossierCode: string;
  kind: string;
  agency: AgencyIdentity;
  reason: string;
  pdf: Buffer;
}

/** What the public verification page shows: nothing about the applicant. */
export interface SignedDocumentView {
  id: string;
  kind: string;
  dossierCode: string;
  sha256: string;
  signedBy: string;
  agencyCode: string;
  signedAt: string;
  valid: boolean;
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Signs documents for release and answers the public verification page. */
@Injectable()
export class SignedDocumentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(DOCUMENT_SIGNER) private readonly signer: DocumentSigner,
    private readonly http: HttpConfig,
  ) {}

  newId(): string {
    return randomUUID();
  }

  verifyUrl(id: string): string {
    return `${this.http.publicBaseUrl}/api/v1/verify/${id}`;
  }

  /**
   * Signs and records (in `em`'s transaction when given); the signed bytes are returned only once their record is
   * written, so nothing goes out unsigned or unrecorded.
   */
  async sign(doc: DocumentToSign, em: EntityManager = this.db.manager): Promise<Buffer> {
    const signed = await this.signer.signPdf(doc.pdf, { agency: doc.agency, reason: doc.reason });
    await em.getRepository(SignedDocumentEntity).insert({
      id: doc.id,
      dossierId: doc.dossierId,
      dossierCode: doc.dossierCode,
      kind: doc.kind,
      agencyCode: doc.agency.code,
      signerName: signed.signerName,
      certificateSerial: signed.certificateSerial,
      sha256: sha256(signed.pdf),
      signedAt: signed.signedAt,
    });
    return signed.pdf;
  }

  async describe(id: string): Promise<SignedDocumentView> {
    const row = isUuid(id) ? await this.db.getRepository(SignedDocumentEntity).findOneBy({ id }) : null;
    if (!row) throw DomainError.notFound('The signed document');
    return {
      id: row.id,
      kind: row.kind,
      dossierCode: row.dossierCode,
      sha256: row.sha256,
      signedBy: row.signerName,
      agencyCode: row.agencyCode,
      signedAt: row.signedAt.toISOString(),
      valid: true,
    };
  }

  /** Whether bytes with this SHA-256 (hex) are exactly the document that was issued. */
  async matchesHash(id: string, hash: string): Promise<{ matches: boolean; sha256: string }> {
    const view = await this.describe(id);
    return { matches: hash === view.sha256, sha256: hash };
  }
}
