import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export interface CalendarDay {
  date: string;
  name: string;
}

/** A year's days off and swapped working days, as the administrator confirmed them. */
@Entity('calendar_years')
export class CalendarYearEntity {
  @PrimaryColumn({ type: 'integer' })
  year: number;

  @Column({ type: 'jsonb' })
  holidays: CalendarDay[];

  @Column({ type: 'jsonb' })
  workingWeekendDays: CalendarDay[];

  @Column({ type: 'text', nullable: true })
  updatedBy: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
