import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Electronic receipt numbers per agency and year; taken inside the payment's transaction, so there are no gaps. */
@Entity('receipt_counters')
export class ReceiptCounterEntity {
  @PrimaryColumn({ type: 'varchar', length: 20 })
  agencyCode: string;

  @PrimaryColumn({ type: 'integer' })
  year: number;

  @Column({ type: 'integer' })
  lastValue: number;
}
