export * from './calendar-year.entity';
export * from './calendar.service';
export * from './calendar.module';
