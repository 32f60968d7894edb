import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Between, DataSource } from 'typeorm';
import {
  assertValidOfficeHours,
  BoundedCache,
  defaultHolidays,
  DomainError,
  EDITABLE_CALENDAR_YEARS,
  NO_DAYS,
  validateCalendarYear,
  WorkingCalendar,
  yearDaysDates,
  yearDaysOf,
  type OfficeHours,
  type YearDays,
  type YearDaysProvider,
} from '@dvc/core';
import { AuditLog, type AuditActor } from '@dvc/audit';
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

/** How long another process may use a year's days after an administrator changed them. */
const CACHE_MS = 30_000;
/** Years of pre-filled (not stored) days kept computed; a calculation rarely spans more than a few. */
const DEFAULT_YEARS_CACHED = 16;
/** The rules cover 1900–2199; outside, only weekends are off. */
const RULE_YEARS = { first: 1900, last: 2199 };

/** The stored years, read together: at most one row per editable year (2000–2100), so bounded. */
interface StoredYears {
  at: number;
  byYear: Map<number, YearDays>;
  yearDays: YearDaysProvider;
}

@Injectable()
export class CalendarService {
  private stored: StoredYears | null = null;
  private loading: Promise<StoredYears> | null = null;
  /** Bumped by every PUT, so that a read begun before it is not kept as the current snapshot. */
  private generation = 0;
  private readonly defaults = new BoundedCache<number, YearDays>(DEFAULT_YEARS_CACHED);
  private readonly officeHoursCache = new Map<string, { at: number; hours: OfficeHours | null }>();
  private readonly calendars = new Map<string, { stored: StoredYears; hours: OfficeHours | null; calendar: WorkingCalendar }>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditLog,
  ) {}

  async getYear(year: number): Promise<CalendarYearView> {
    const row = await this.db.getRepository(CalendarYearEntity).findOneBy({ year });
    if (row) {
      return {
        year,
        holidays: row.holidays,
        workingWeekendDays: row.workingWeekendDays,
        source: 'stored',
        updatedAt: row.updatedAt.toISOString(),
        updatedBy: row.updatedBy,
      };
    }
    return { year, holidays: defaultHolidays(year), workingWeekendDays: [], source: 'default', updatedAt: null, updatedBy: null };
  }

  async putYear(year: number, holidays: CalendarDay[], workingWeekendDays: CalendarDay[], by: AuditActor): Promise<CalendarYearView> {
    const errors = validateCalendarYear(year, holidays, workingWeekendDays);
    if (errors.length > 0) throw DomainError.validation(errors);
    const sort = (days: CalendarDay[]) => [...days].map((d) => ({ date: d.date, name: d.name.trim() })).sort((a, b) => a.date.localeCompare(b.date));
    const days = { holidays: sort(holidays), workingWeekendDays: sort(workingWeekendDays) };
    await this.db.transaction(async (em) => {
      const stored = await em.getRepository(CalendarYearEntity).findOne({ where: { year }, lock: { mode: 'pessimistic_write' } });
      const before = stored
        ? { holidays: stored.holidays, workingWeekendDays: stored.workingWeekendDays, source: 'stored' }
        : { holidays: defaultHolidays(year), workingWeekendDays: [], source: 'default' };
      await em.getRepository(CalendarYearEntity).save({ year, ...days, updatedBy: by.username });
      await this.audit.record(em, {
        by,
        entity: 'calendar_year',
        entityId: String(year),
        action: stored ? 'update' : 'create',
        before,
        after: { ...days, source: 'stored' },
      });
    });
    this.generation++;
    this.stored = null;
    this.loading = null;
    return this.getYear(year);
  }

  /**
   * A unit's own office hours. This process sees them at once; other processes within the cache time (30 s).
   */
  async setOfficeHours(unitCode: string, hours: OfficeHours, by: AuditActor): Promise<void> {
    try {
      assertValidOfficeHours(hours);
    } catch (error) {
      throw DomainError.validation([{ field: 'sessions', message: (error as Error).message }]);
    }
    await this.db.transaction(async (em) => {
      const unit = await em.getRepository(UnitEntity).findOne({ where: { code: unitCode }, lock: { mode: 'pessimistic_write' } });
      if (!unit) throw DomainError.notFound(`Unit ${unitCode}`);
      await em.getRepository(UnitEntity).update({ code: unitCode }, { officeHours: hours });
      await this.audit.record(em, { by, entity: 'office_hours', entityId: unitCode, action: 'update', before: unit.officeHours, after: hours });
    });
    this.officeHoursCache.delete(unitCode);
  }

  /**
   * The working calendar of a unit: the city's days of every year (stored, else pre-filled), asked for a year at a
   * time as the calculation reaches it, and the unit's office hours (default when unset).
   */
  async calendarFor(unitCode?: string | null): Promise<WorkingCalendar> {
    const stored = await this.storedYears();
    const officeHours = unitCode ? await this.officeHoursOf(unitCode) : null;
    // Built once per snapshot of the table and office hours: the worklist and every action ask for one.
    const cached = this.calendars.get(unitCode ?? '');
    if (cached && cached.stored === stored && cached.hours === officeHours) return cached.calendar;
    const calendar = new WorkingCalendar({ yearDays: stored.yearDays, ...(officeHours ? { officeHours } : {}) });
    this.calendars.set(unitCode ?? '', { stored, hours: officeHours, calendar });
    return calendar;
  }

  /** Days off and swapped working days (YYYY-MM-DD) of solar years `fromYear`…`toYear`, e.g. for a report's SQL. */
  async days(fromYear: number, toYear: number): Promise<{ holidays: string[]; working: string[] }> {
    const { yearDays } = await this.storedYears();
    const holidays: string[] = [];
    const working: string[] = [];
    for (let year = fromYear; year <= toYear; year++) {
      const dates = yearDaysDates(yearDays(year));
      holidays.push(...dates.holidays);
      working.push(...dates.workingWeekendDays);
    }
    return { holidays, working };
  }

  private async storedYears(): Promise<StoredYears> {
    if (this.stored && Date.now() - this.stored.at < CACHE_MS) return this.stored;
    if (!this.loading) {
      const loading = this.loadStoredYears().finally(() => {
        if (this.loading === loading) this.loading = null;
      });
      this.loading = loading;
    }
    return this.loading;
  }

  private async loadStoredYears(): Promise<StoredYears> {
    const at = Date.now();
    const generation = this.generation;
    const rows = await this.db.getRepository(CalendarYearEntity).findBy({ year: Between(EDITABLE_CALENDAR_YEARS.first, EDITABLE_CALENDAR_YEARS.last) });
    const byYear = new Map(
      rows.map((r) => [
        r.year,
        yearDaysOf(
          r.holidays.map((d) => d.date),
          r.workingWeekendDays.map((d) => d.date),
        ),
      ]),
    );
    const yearDays: YearDaysProvider = (year) => byYear.get(year) ?? this.defaults.get(year, defaultYearDays);
    const stored = { at, byYear, yearDays };
    if (generation === this.generation) this.stored = stored;
    return stored;
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

function defaultYearDays(year: number): YearDays {
  if (year < RULE_YEARS.first || year > RULE_YEARS.last) return NO_DAYS;
  return yearDaysOf(defaultHolidays(year).map((d) => d.date));
}
