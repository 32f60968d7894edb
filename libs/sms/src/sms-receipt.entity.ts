import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A delivery receipt that arrived before the message row knew its provider id (the carrier can answer faster
 * than we commit). Applied as soon as the id is stored.
 */
@Entity('sms_receipts')
export class SmsReceiptEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  providerMessageId: string;

  @Column({ type: 'varchar', length: 10 })
  status: 'delivered' | 'failed';

  @Column({ type: 'text', nullable: true })
  detail: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  receivedAt: Date;
}
