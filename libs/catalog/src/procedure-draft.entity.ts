import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { DraftEdits } from '@dvc/core';

/** An administrator's open draft of a procedure: at most one per procedure, published as its next version. */
@Entity('procedure_drafts')
export class ProcedureDraftEntity {
  @PrimaryColumn({ type: 'varchar', length: 20 })
  procedureCode: string;

  /** The version the draft was opened on; publishing it after another version was written is a conflict. */
  @Column({ type: 'integer' })
  baseVersion: number;

  /** Counts the saves: a save naming an older revision (another administrator saved meanwhile) is a conflict. */
  @Column({ type: 'integer' })
  revision: number;

  @Column({ type: 'jsonb' })
  edits: DraftEdits;

  @Column({ type: 'uuid' })
  createdBy: string;

  @Column({ type: 'uuid' })
  updatedBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
