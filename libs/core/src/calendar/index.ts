export type { CivilDate } from './civil-date';
export { addDaysYmd, dayOfWeekYmd, isValidYmd, parseYmd } from './civil-date';
export type { LocalParts } from './zoned-time';
export {
  HO_CHI_MINH_OFFSET_MINUTES,
  HO_CHI_MINH_TIME_ZONE,
  formatCompact,
  formatDdMmYyyy,
  formatYmd,
  fromLocal,
  parseTimeOfDay,
  toIsoWithOffset,
  toLocalParts,
} from './zoned-time';
export * from './office-hours';
export * from './vietnamese-lunar-calendar';
export * from './holiday-rules';
export * from './bounded-cache';
export * from './year-days';
export * from './working-calendar';
export * from './timeliness';
export * from './calendar-year-rules';
export * from './report-period';
