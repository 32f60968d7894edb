import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type PaymentMethod = 'vnpay' | 'cash' | 'transfer';
export type PaymentStatus = 'awaiting' | 'paid' | 'cancelled' | 'failed' | 'refund_pending' | 'refunded';

@Entity('payments')
@Index('uq_payments_txn_ref', ['txnRef'], { unique: true })
@Index('idx_payments_dossier', ['dossierId'])
// One payment in flight per dossier.
@Index('uq_payments_awaiting', ['dossierId'], { unique: true, where: `status = 'awaiting'` })
@Index('idx_payments_awaiting_since', ['createdAt'], { where: `status = 'awaiting'` })
@Index('uq_payments_receipt', ['agencyCode', 'receiptSeries', 'receiptNumber'], { unique: true, where: 'receipt_number IS NOT NULL' })
export class PaymentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  dossierId: string;

  @Column({ type: 'varchar', length: 40 })
  dossierCode: string;

  /** The receiving agency: receipts are numbered per agency and year. */
  @Column({ type: 'varchar', length: 20 })
  agencyCode: string;

  @Column({ type: 'varchar', length: 10 })
  method: PaymentMethod;

  /** Our order reference at the gateway (vnp_TxnRef); desk payments get one too. */
  @Column({ type: 'varchar', length: 40 })
  txnRef: string;

  @Column({ type: 'integer' })
  amountVnd: number;

  @Column({ type: 'varchar', length: 16 })
  status: PaymentStatus;

  /**
   * Counted towards the dossier's fees (a confirm_payment names it). A payment settled when the dossier no longer
   * waited for money (the desk took cash first, the dossier was withdrawn) is kept uncredited and refunded.
   */
  @Column({ type: 'boolean', default: false })
  credited: boolean;

  /** What the city pays the gateway for this payment (rate × amount, whole VND). */
  @Column({ type: 'integer', default: 0 })
  commissionVnd: number;

  @Column({ type: 'text', nullable: true })
  payUrl: string | null;

  @Column({ type: 'varchar', length: 14, nullable: true })
  gatewayCreateDate: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  gatewayTransactionNo: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  bankCode: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  paidAt: Date | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  receiptSeries: string | null;

  @Column({ type: 'integer', nullable: true })
  receiptNumber: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  refundedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  /** Who started it: "citizen:<id>" or "officer:<username>". */
  @Column({ type: 'varchar', length: 80 })
  createdBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
