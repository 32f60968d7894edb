import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * What one dossier (or payment) contributes to the statistics report on one local day of its receiving unit.
 * Filled by database triggers on `dossiers` and `payments` in the same transaction as the change (migration
 * ReportFacts): each changed row adds its new contribution and subtracts its old one, so the facts always equal a
 * recount of the raw rows. Which day a column is keyed by:
 *  - by the day received: received*;
 *  - by the day finished: finished_received (finished after being received), resolved_* (resolved or result
 *    returned; before_due_day = finished at or before the due instant on an earlier day — early when that day is a
 *    working day; not_late = no due time or at/before it; late = after it), withdrawn, refused, finished_after_due;
 *  - by the due day (received dossiers with a due time): due_total, due_met (finished at or before the due time);
 *  - by the day paid: fees_collected (gross: a refunded payment stays counted); by the day refunded: fees_refunded;
 *  - by the day rated: rated_* (resolved_* count a dossier whose supplementation was requested more than once late).
 */
export abstract class ReportFactCounts {
  @Column({ type: 'integer', default: 0 }) receivedOnline: number;
  @Column({ type: 'integer', default: 0 }) receivedDirect: number;
  @Column({ type: 'integer', default: 0 }) receivedPost: number;
  @Column({ type: 'integer', default: 0 }) finishedReceived: number;
  @Column({ type: 'integer', default: 0 }) resolvedBeforeDueDay: number;
  @Column({ type: 'integer', default: 0 }) resolvedNotLate: number;
  @Column({ type: 'integer', default: 0 }) resolvedLate: number;
  @Column({ type: 'integer', default: 0 }) withdrawn: number;
  @Column({ type: 'integer', default: 0 }) refused: number;
  @Column({ type: 'integer', default: 0 }) finishedAfterDue: number;
  @Column({ type: 'integer', default: 0 }) dueTotal: number;
  @Column({ type: 'integer', default: 0 }) dueMet: number;
  @Column({ type: 'bigint', default: 0 }) feesCollected: string;
  @Column({ type: 'integer', default: 0 }) ratedVerySatisfied: number;
  @Column({ type: 'integer', default: 0 }) ratedSatisfied: number;
  @Column({ type: 'integer', default: 0 }) ratedUnsatisfied: number;
  @Column({ type: 'bigint', default: 0 }) feesRefunded: string;
}

/**
 * Contributions as the triggers write them: insert-only, so concurrent changes never wait on a shared counter row.
 * The compactor (worker, every few seconds) folds them into the daily and monthly facts in one transaction;
 * reports read the consolidated facts plus whatever is still here.
 */
@Entity('report_fact_deltas')
export class ReportFactDeltaEntity extends ReportFactCounts {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'varchar', length: 20 })
  unitCode: string;

  @Column({ type: 'date' })
  day: string;
}

@Entity('report_daily_facts')
@Index('idx_report_daily_facts_day', ['day'])
export class ReportDailyFactEntity extends ReportFactCounts {
  @PrimaryColumn({ type: 'varchar', length: 20 })
  unitCode: string;

  @PrimaryColumn({ type: 'date' })
  day: string;
}

/** The daily facts summed per calendar month, so a report needs only one month of daily rows for its running totals. */
@Entity('report_monthly_facts')
export class ReportMonthlyFactEntity extends ReportFactCounts {
  @PrimaryColumn({ type: 'varchar', length: 20 })
  unitCode: string;

  /** The first day of the month. */
  @PrimaryColumn({ type: 'date' })
  month: string;
}
