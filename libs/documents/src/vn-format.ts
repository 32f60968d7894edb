import { DocumentDataError } from './document-data-error';

/** Hà Nội is on UTC+7 all year (no daylight saving). */
const HANOI_OFFSET_MS = 7 * 60 * 60 * 1000;

interface HanoiParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

function hanoiParts(iso: string, field: string): HanoiParts {
  const ms = Date.parse(iso);
  if (typeof iso !== 'string' || Number.isNaN(ms)) throw new DocumentDataError(`${field} is not a valid ISO 8601 time: ${String(iso)}`);
  const d = new Date(ms + HANOI_OFFSET_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes() };
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

export function parseTime(iso: string, field: string): Date {
  hanoiParts(iso, field);
  return new Date(iso);
}

/**
 * "ngày 05 tháng 01 năm 2026" / "ngày 27 tháng 11 năm 2026" — administrative style (Decree 30/2020): days below 10
 * and the months January and February take a leading zero.
 */
export function formatDateVn(iso: string, field = 'date'): string {
  const p = hanoiParts(iso, field);
  const month = p.month <= 2 ? pad2(p.month) : String(p.month);
  return `ngày ${pad2(p.day)} tháng ${month} năm ${p.year}`;
}

/** "10 giờ 30 phút, ngày 27 tháng 11 năm 2026". */
export function formatTimeDateVn(iso: string, field = 'time'): string {
  const p = hanoiParts(iso, field);
  return `${pad2(p.hour)} giờ ${pad2(p.minute)} phút, ${formatDateVn(iso, field)}`;
}

/** "14:05 25/11/2026" for tables. */
export function formatShortVn(iso: string, field = 'time'): string {
  const p = hanoiParts(iso, field);
  return `${pad2(p.hour)}:${pad2(p.minute)} ${pad2(p.day)}/${pad2(p.month)}/${p.year}`;
}

/** "1.250.000 đồng". */
export function formatVnd(amount: number): string {
  const sign = amount < 0 ? '-' : '';
  const digits = String(Math.round(Math.abs(amount)));
  return `${sign}${digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.')} đồng`;
}

export function capitalizeFirst(text: string): string {
  return text.length === 0 ? text : text[0].toLocaleUpperCase('vi') + text.slice(1);
}

export function upperVn(text: string): string {
  return text.toLocaleUpperCase('vi');
}
