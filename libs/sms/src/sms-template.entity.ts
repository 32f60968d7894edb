import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** An administrator's wording for one kind of message; kinds without a row use the built-in default. */
@Entity('sms_templates')
export class SmsTemplateEntity {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  kind: string;

  @Column({ type: 'text' })
  body: string;

  /** Send with Vietnamese diacritics (UCS-2, 70 characters a segment) instead of plain GSM-7. */
  @Column({ type: 'boolean', default: false })
  keepDiacritics: boolean;

  @Column({ type: 'text', nullable: true })
  updatedBy: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
