import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { ProcedureContent, ProcedureSource } from '@dvc/core';

/** Every version a procedure had, whole: a dossier is charged, dated and processed under the one it was submitted under. */
@Entity('procedure_versions')
export class ProcedureVersionEntity {
  @PrimaryColumn({ type: 'varchar', length: 20 })
  procedureCode: string;

  @PrimaryColumn({ type: 'integer' })
  version: number;

  @Column({ type: 'jsonb' })
  content: ProcedureContent;

  @Column({ type: 'varchar', length: 10 })
  source: ProcedureSource;

  /** From when dossiers are received under it; never before the previous version's. */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  effectiveFrom: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
