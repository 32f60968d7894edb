import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UnitEntity } from '@dvc/units';
import { CalendarYearEntity } from './calendar-year.entity';
import { CalendarService } from './calendar.service';

@Module({
  imports: [TypeOrmModule.forFeature([CalendarYearEntity, UnitEntity])],
  providers: [CalendarService],
  exports: [CalendarService],
})
export class CalendarModule {}
