import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A document issued signed with an agency's certificate: what the public verification page shows. Holds no personal
 * data (no applicant fields), only the hash of the exact bytes handed out.
 */
@Entity('signed_documents')
@Index('idx_signed_documents_dossier', ['dossierId', 'signedAt'])
export class SignedDocumentEntity {
  /** Chosen before rendering: the document prints its own verification link. */
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_signed_documents' })
  id: string;

  @Column({ type: 'uuid' })
  dossierId: string;

  @Column({ type: 'varchar', length: 40 })
  dossierCode: string;

  /** A form (`receipt`, `refusal`, …) or `result`. */
  @Column({ type: 'varchar', length: 40 })
  kind: string;

  @Column({ type: 'varchar', length: 20 })
  agencyCode: string;

  /** The signer certificate's CN. */
  @Column({ type: 'text' })
  signerName: string;

  @Column({ type: 'varchar', length: 64 })
  certificateSerial: string;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column({ type: 'timestamptz' })
  signedAt: Date;
}
