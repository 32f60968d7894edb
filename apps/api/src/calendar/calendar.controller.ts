import { Body, Controller, Get, Param, ParseIntPipe, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CalendarService } from '@dvc/calendar';
import type { AuditActor } from '@dvc/audit';
import { DomainError, EDITABLE_CALENDAR_YEARS, toIsoWithOffset } from '@dvc/core';
import { OfficerOnly, Public } from '../common/auth.decorators';
import { AuditedBy } from '../common/audited-by';
import { CalendarYearDto, DueDateQueryDto } from './calendar.dto';

const yearPipe = new ParseIntPipe({ exceptionFactory: () => DomainError.validation([{ field: 'year', message: 'must be a year' }]) });

function checkYear(year: number): number {
  const { first, last } = EDITABLE_CALENDAR_YEARS;
  if (year < first || year > last) throw DomainError.validation([{ field: 'year', message: `must be between ${first} and ${last}` }]);
  return year;
}

@ApiTags('calendar')
@Controller()
export class CalendarController {
  constructor(private readonly calendars: CalendarService) {}

  /** The appointment a desk would print on Form 01 for a receipt at `from`. */
  @Get('calendar/due-date')
  @Public()
  async dueDate(@Query() q: DueDateQueryDto) {
    if (q.workingDays === undefined && q.workingHours === undefined) {
      throw DomainError.validation([{ field: 'workingDays', message: 'give workingDays or workingHours' }]);
    }
    const calendar = await this.calendars.calendarFor(q.unitCode ?? null);
    const from = new Date(q.from);
    const statutory = { workingDays: q.workingDays, workingHours: q.workingHours, sameDay: q.sameDay === 'true' };
    return {
      from: toIsoWithOffset(from),
      clockStartsAt: toIsoWithOffset(calendar.startOfClock(from, statutory)),
      dueAt: toIsoWithOffset(calendar.dueDate(from, statutory)),
    };
  }

  @Get('admin/calendar/:year')
  @OfficerOnly('admin')
  getYear(@Param('year', yearPipe) year: number) {
    return this.calendars.getYear(checkYear(year));
  }

  @Put('admin/calendar/:year')
  @OfficerOnly('admin')
  putYear(@Param('year', yearPipe) year: number, @Body() body: CalendarYearDto, @AuditedBy() by: AuditActor) {
    return this.calendars.putYear(checkYear(year), body.holidays, body.workingWeekendDays, by);
  }
}
