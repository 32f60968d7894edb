import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { assertValidOfficeHours, defaultHolidays, DomainError, toLocalParts, validateCalendarYear, WorkingCalendar, type OfficeHours } from '@dvc/core';
import { UnitEntity } from '@dvc/units';
import { CalendarDay, CalendarYearEntity } from './calendar-year.entity';

export interface CalendarYearView {
  year: number;
  holidays: CalendarDay[];
  workingWeekendDays: CalendarDay[];
  /** "default": pre-filled from the fixed and lunar rules, not yet confirmed by an administrator. */
  source: 'stored' | 'default';
  updatedAt: string | null;
  updatedBy: string | null;
}

/** Years a calendar covers around now: enough for any statutory time plus pauses. */
const YEARS_BEFORE = 2;
const YEARS_AFTER = 3;
const CACHE_MS = 30_000;

@Injectable()
export class CalendarService {
  private cache: { at: number; holidays: string[]; working: string[] } | null = null;
  private readonly officeHoursCache = new Map<string, { at: number; hours: OfficeHours | null }>();
  private readonly calendars = new Map<string, { days: object; hours: OfficeHours | null; calendar: WorkingCalendar }>();

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async getYear(year: number): Promise<CalendarYearView> {
    const row = await this.db.getRepository(CalendarYearEntity).findOneBy({ year });
    if (row) {
      return { year, holidays: row.holidays, workingWeekendDays: row.workingWeekendDays, source: 'stored', updatedAt: row.updatedAt.toISOString(), updatedBy: row.updatedBy };
    }
    return { year, holidays: defaultHolidays(year), workingWeekendDays: [], source: 'default', updatedAt: null, updatedBy: null };
  }

  async putYear(year: number, holidays: CalendarDay[], workingWeekendDays: CalendarDay[], updatedBy: string): Promise<CalendarYearView> {
    const errors = validateCalendarYear(year, holidays, workingWeekendDays);
    if (errors.length > 0) throw DomainError.validation(errors);
    const sort = (days: CalendarDay[]) => [...days].map((d) => ({ date: d.date, name: d.name.trim() })).sort((a, b) => a.date.localeCompare(b.date));
    await this.db.getRepository(CalendarYearEntity).save({ year, holidays: sort(holidays), workingWeekendDays: sort(workingWeekendDays), updatedBy });
    this.cache = null;
    return this.getYear(year);
  }

  /**
   * A unit's own office hours. This process sees them at once; other processes within the cache time (30 s).
   */
  async setOfficeHours(unitCode: string, hours: OfficeHours): Promise<void> {
    try {
      assertValidOfficeHours(hours);
    } catch (error) {
      throw DomainError.validation([{ field: 'sessions', message: (error as Error).message }]);
    }
    const result = await this.db.getRepository(UnitEntity).update({ code: unitCode }, { officeHours: hours });
    if (!result.affected) throw DomainError.notFound(`Unit ${unitCode}`);
    this.officeHoursCache.delete(unitCode);
  }

  /** The working calendar of a unit: the city's day table and the unit's office hours (default when unset). */
  async calendarFor(unitCode?: string | null): Promise<WorkingCalendar> {
    const days = await this.days();
    const officeHours = unitCode ? await this.officeHoursOf(unitCode) : null;
    // Built once per day table and office hours: the worklist and every action ask for one.
    const cached = this.calendars.get(unitCode ?? '');
    if (cached && cached.days === days && cached.hours === officeHours) return cached.calendar;
    const calendar = new WorkingCalendar({ holidays: days.holidays, workingWeekendDays: days.working, ...(officeHours ? { officeHours } : {}) });
    this.calendars.set(unitCode ?? '', { days, hours: officeHours, calendar });
    return calendar;
  }

  /** Days off and swapped working days of the years around now (YYYY-MM-DD), as the calendars use them. */
  async days(): Promise<{ holidays: string[]; working: string[] }> {
    if (this.cache && Date.now() - this.cache.at < CACHE_MS) return this.cache;
    const thisYear = toLocalParts(new Date()).year;
    const years = Array.from({ length: YEARS_BEFORE + YEARS_AFTER + 1 }, (_, i) => thisYear - YEARS_BEFORE + i);
    const stored = await this.db.getRepository(CalendarYearEntity).findBy({ year: In(years) });
    const byYear = new Map(stored.map((r) => [r.year, r]));
    const holidays: string[] = [];
    const working: string[] = [];
    for (const year of years) {
      const row = byYear.get(year);
      holidays.push(...(row ? row.holidays : defaultHolidays(year)).map((d) => d.date));
      working.push(...(row?.workingWeekendDays ?? []).map((d) => d.date));
    }
    this.cache = { at: Date.now(), holidays, working };
    return this.cache;
  }

  private async officeHoursOf(unitCode: string): Promise<OfficeHours | null> {
    const cached = this.officeHoursCache.get(unitCode);
    if (cached && Date.now() - cached.at < CACHE_MS) return cached.hours;
    const unit = await this.db.getRepository(UnitEntity).findOne({ where: { code: unitCode }, select: { code: true, officeHours: true } });
    if (!unit) throw DomainError.notFound(`Unit ${unitCode}`);
    this.officeHoursCache.set(unitCode, { at: Date.now(), hours: unit.officeHours });
    return unit.officeHours;
  }
}
