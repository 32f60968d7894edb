import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { DossierComponent, DossierProposal, DossierRating, DossierStatus, FeeLine, PlannedStep, RuleSet } from '@dvc/core';

export type { DossierComponent, DossierProposal, DossierRating } from '@dvc/core';

export type DossierChannel = 'online' | 'direct' | 'post';
export type ResultDelivery = 'desk' | 'post' | 'online';

export interface DossierApplicant {
  fullName: string;
  idNumber: string;
  phone: string;
  email?: string;
  address: string;
  birthDate?: string;
}

@Entity('dossiers')
@Index('uq_dossiers_code', ['code'], { unique: true })
// Worklist: an officer scope's open dossiers, most urgent first (keyset on due_at, id).
@Index('idx_dossiers_worklist', ['currentScopeCode', 'dueAt', 'id'], { where: 'closed_at IS NULL' })
@Index('idx_dossiers_owner', ['ownerCitizenId', 'submittedAt'])
// The statistics report counts "waiting for the applicant" from the live rows; few are, so a partial index.
// Time runs forward; the statistics facts (libs/reporting) rely on it.
@Check('chk_dossiers_finished_after_received', `finished_at IS NULL OR received_at IS NULL OR finished_at >= received_at`)
@Check('chk_dossiers_due_after_received', `due_at IS NULL OR received_at IS NULL OR due_at >= received_at`)
@Check('chk_dossiers_postal_item_only_by_post', `postal_item_number IS NULL OR channel = 'post'`)
@Index('idx_dossiers_supplement_pending', ['receivingUnitCode'], { where: `status = 'supplement_requested'` })
// The statistics' in-progress figures as of now read the live rows of a unit's open dossiers.
@Index('idx_dossiers_in_progress', ['receivingUnitCode'], { where: 'received_at IS NOT NULL AND finished_at IS NULL' })
// GIN (jsonb_path_ops) on components and proposal: which dossiers reference a file (migration FileOpenings).
@Index('idx_dossiers_component_files', { synchronize: false })
@Index('idx_dossiers_result_files', { synchronize: false })
// Trigram GIN on applicant_search_key: substring search of the worklist (migration ApplicantText).
@Index('idx_dossiers_applicant_search_trgm', { synchronize: false })
export class DossierEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 40 })
  code: string;

  @Column({ type: 'varchar', length: 20 })
  procedureCode: string;

  /** The procedure's version in force at submission: its fees, time and rules apply to this dossier for good. */
  @Column({ type: 'integer', default: 1 })
  procedureVersion: number;

  @Column({ type: 'varchar', length: 20 })
  receivingAgencyCode: string;

  @Column({ type: 'varchar', length: 10 })
  receivingUnitCode: string;

  @Column({ type: 'varchar', length: 20 })
  currentAgencyCode: string;

  @Column({ type: 'varchar', length: 20 })
  currentScopeCode: string;

  @Column({ type: 'varchar', length: 30 })
  status: DossierStatus;

  /** Where supplement / payment waits return to. */
  @Column({ type: 'varchar', length: 30, nullable: true })
  resumeStatus: DossierStatus | null;

  @Column({ type: 'varchar', length: 10 })
  channel: DossierChannel;

  /** A dossier that came by post: the item number (UPU S10, e.g. EE123456785VN). */
  @Column({ type: 'varchar', length: 13, nullable: true })
  postalItemNumber: string | null;

  /** A dossier that came by post: the day it reached the post desk (YYYY-MM-DD, Hà Nội). */
  @Column({ type: 'date', nullable: true })
  postReceivedOn: string | null;

  @Column({ type: 'varchar', length: 20 })
  ruleSet: RuleSet;

  /** The workflow resolved to agencies at intake; stepIndex points into it. */
  @Column({ type: 'jsonb' })
  route: PlannedStep[];

  @Column({ type: 'smallint', default: 0 })
  stepIndex: number;

  @Column({ type: 'uuid', nullable: true })
  assigneeId: string | null;

  @Column({ type: 'jsonb' })
  applicant: DossierApplicant;

  /** The worklist's search key of the applicant's name (libs/core applicantSearchKey: folded, lower-case). */
  @Column({ type: 'text', default: '' })
  applicantSearchKey: string;

  /** Normalised 84… number, kept apart for tracking and SMS. */
  @Column({ type: 'varchar', length: 15 })
  applicantPhone: string;

  @Column({ type: 'uuid', nullable: true })
  ownerCitizenId: string | null;

  @Column({ type: 'uuid', nullable: true })
  registeredByOfficerId: string | null;

  @Column({ type: 'jsonb' })
  form: Record<string, unknown>;

  @Column({ type: 'jsonb' })
  components: DossierComponent[];

  @Column({ type: 'varchar', length: 10 })
  resultDelivery: ResultDelivery;

  @Column({ type: 'jsonb', nullable: true })
  proposal: DossierProposal | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  outcome: 'grant' | 'deny' | null;

  @Column({ type: 'timestamptz' })
  submittedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  receivedAt: Date | null;

  /**
   * The reference due time (api.md `firstDueAt`): the appointment first given at receipt, moved only by the working
   * time the dossier waited for the applicant. Timeliness is judged against it; an extension does not move it.
   */
  @Column({ type: 'timestamptz', nullable: true })
  dueAt: Date | null;

  /** The new appointment of an extension (Form 04), moved by later pauses like dueAt; null when never extended. */
  @Column({ type: 'timestamptz', nullable: true })
  extendedDueAt: Date | null;

  /** How many times supplementation was requested (once is the rule; more counts the dossier late). */
  @Column({ type: 'smallint', default: 0 })
  supplementRequests: number;

  /** Set while the legal clock is paused (supplementation or payment). */
  @Column({ type: 'timestamptz', nullable: true })
  pausedAt: Date | null;

  /** When processing ended: resolved (result ready), refused, withdrawn or stopped. Timeliness is judged on it. */
  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  returnedAt: Date | null;

  /** The item number (UPU S10) of a result sent back by post. */
  @Column({ type: 'varchar', length: 13, nullable: true })
  resultPostalItemNumber: string | null;

  /** Set by the deadline sweeper on open dossiers: less than the warning time left, or past due. */
  @Column({ type: 'varchar', length: 12, nullable: true })
  deadlineFlag: 'nearly_due' | 'overdue' | null;

  /** When the dossier left every worklist: result returned, refused, withdrawn or stopped. */
  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ type: 'jsonb', nullable: true })
  rating: DossierRating | null;

  /** The fee assessment made at intake from the procedure's rules and the form (whole VND). */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  fees: FeeLine[];

  @Column({ type: 'integer', default: 0 })
  feeTotalVnd: number;

  @Column({ type: 'integer', default: 0 })
  feesBeforeVnd: number;

  /** What the current payment request asks for. */
  @Column({ type: 'integer', default: 0 })
  feesRequestedVnd: number;

  @Column({ type: 'integer', default: 0 })
  feesPaidVnd: number;

  @VersionColumn({ type: 'integer' })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
