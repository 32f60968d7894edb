/**
 * The Vietnamese lunisolar calendar (âm lịch), computed for Việt Nam's time zone UTC+07:00.
 *
 * Algorithm: Hồ Ngọc Đức, "Thuật toán tính âm lịch" / "Computing the Vietnamese lunar calendar"
 * (https://www.informatik.uni-leipzig.de/~duc/amlich/calrules_en.html), the reference Vietnamese calendars use.
 * Its astronomy comes from J. Meeus, "Astronomical Algorithms" (1998): the instant of each new moon (ch. 49,
 * shortened series) and the sun's apparent longitude (ch. 25, low accuracy). Written here from that description;
 * Hồ Ngọc Đức's own source code is licensed for non-commercial use only and is not copied.
 *
 * The rules:
 * - a lunar month starts on the local (UTC+7) day that contains the new moon;
 * - lunar month 11 is the month containing the winter solstice (sun's longitude 270°);
 * - a lunar year with 13 months between two months 11 has a leap month: the first month after month 11 that
 *   contains no major solar term (sun entering a multiple of 30°); it repeats the number of the month before.
 *
 * The Chinese calendar uses the same rules for UTC+08:00, so the two differ when a new moon or a solar term falls
 * between 16:00 and 17:00 UTC: e.g. Tết 1985 (21 January in Việt Nam, 20 February in China), Tết 2007
 * (17 and 18 February) and Tết 2030 (2 and 3 February).
 */
import { dayNumberToYmd, ymdToDayNumber } from './civil-date';

export const VIETNAM_UTC_OFFSET_HOURS = 7;

/** Julian day number of 1970-01-01, the origin of `civil-date`'s day numbers. */
const JDN_OF_1970_01_01 = 2_440_588;
const SYNODIC_MONTH = 29.530588853;
/** Julian date of the new moon of 1900-01-01 13:52 UTC, lunation number 0 of Meeus' 1900-based series. */
const NEW_MOON_0 = 2_415_021.076998695;
const DEG = Math.PI / 180;

export interface LunarMonthStart {
  lunarYear: number;
  /** 1–12 */
  month: number;
  /** True for the leap month (tháng nhuận), which repeats the number of the month before it. */
  leap: boolean;
  /** The solar day of lunar day 1, "YYYY-MM-DD". */
  start: string;
}

/** Julian date (days, UT) of the `k`-th new moon after 1900-01-01 (Meeus, shortened series). */
function newMoonJd(k: number): number {
  const t = k / 1236.85; // Julian centuries since 1900-01-00.5
  const t2 = t * t;
  const t3 = t2 * t;
  let jd = 2_415_020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
  jd += 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * DEG);
  const sunAnomaly = (359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3) * DEG;
  const moonAnomaly = (306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3) * DEG;
  const moonLatitude = (21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3) * DEG;
  const correction =
    (0.1734 - 0.000393 * t) * Math.sin(sunAnomaly) +
    0.0021 * Math.sin(2 * sunAnomaly) -
    0.4068 * Math.sin(moonAnomaly) +
    0.0161 * Math.sin(2 * moonAnomaly) -
    0.0004 * Math.sin(3 * moonAnomaly) +
    0.0104 * Math.sin(2 * moonLatitude) -
    0.0051 * Math.sin(sunAnomaly + moonAnomaly) -
    0.0074 * Math.sin(sunAnomaly - moonAnomaly) +
    0.0004 * Math.sin(2 * moonLatitude + sunAnomaly) -
    0.0004 * Math.sin(2 * moonLatitude - sunAnomaly) -
    0.0006 * Math.sin(2 * moonLatitude + moonAnomaly) +
    0.001 * Math.sin(2 * moonLatitude - moonAnomaly) +
    0.0005 * Math.sin(2 * moonAnomaly + sunAnomaly);
  // ΔT (TT − UT), in days
  const deltaT = t < -11 ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3 : -0.000278 + 0.000265 * t + 0.000262 * t2;
  return jd + correction - deltaT;
}

/** The sun's apparent longitude at Julian date `jd`, in radians [0, 2π) (Meeus, low accuracy). */
function sunLongitude(jd: number): number {
  const t = (jd - 2_451_545.0) / 36_525; // Julian centuries since J2000.0
  const t2 = t * t;
  const meanAnomaly = (357.5291 + 35_999.0503 * t - 0.0001559 * t2 - 0.00000048 * t * t2) * DEG;
  const meanLongitude = 280.46645 + 36_000.76983 * t + 0.0003032 * t2;
  const centre =
    (1.9146 - 0.004817 * t - 0.000014 * t2) * Math.sin(meanAnomaly) +
    (0.019993 - 0.000101 * t) * Math.sin(2 * meanAnomaly) +
    0.00029 * Math.sin(3 * meanAnomaly);
  const longitude = (meanLongitude + centre) * DEG;
  return longitude - 2 * Math.PI * Math.floor(longitude / (2 * Math.PI));
}

/** Local day (Julian day number) containing the `k`-th new moon. */
function newMoonDay(k: number): number {
  return Math.floor(newMoonJd(k) + 0.5 + VIETNAM_UTC_OFFSET_HOURS / 24);
}

/** Which 30° sector (0–11) the sun is in at the local midnight starting day `jdn`. */
function sunSectorAtMidnight(jdn: number): number {
  return Math.floor((sunLongitude(jdn - 0.5 - VIETNAM_UTC_OFFSET_HOURS / 24) / Math.PI) * 6);
}

function julianDayNumber(year: number, month: number, day: number): number {
  const a = Math.floor((14 - month) / 12);
  const y = year + 4800 - a;
  const m = month + 12 * a - 3;
  return day + Math.floor((153 * m + 2) / 5) + 365 * y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) - 32_045;
}

/** Lunation number of the new moon starting the local day `jdn` (a month start). */
function lunationOf(monthStartJdn: number): number {
  return Math.floor((monthStartJdn - NEW_MOON_0) / SYNODIC_MONTH + 0.5);
}

/**
 * First day (JDN) of lunar month 11 of the lunar year that ends in solar year `year`: the month containing the
 * winter solstice of `year`. The new moon before 31 December either is that month's start or, when the sun has
 * already passed 270° at its start, the next month 12 is meant and the month before is month 11.
 */
function month11Start(year: number): number {
  const k = Math.floor((julianDayNumber(year, 12, 31) - 2_415_021) / SYNODIC_MONTH);
  const start = newMoonDay(k);
  return sunSectorAtMidnight(start) >= 9 ? newMoonDay(k - 1) : start;
}

/**
 * Offset (1–12) after month 11 of the leap month in a 13-month lunar year starting at `month11Jdn`: the first month
 * that starts in the same 30° sector as the next one, i.e. contains no major solar term.
 */
function leapMonthOffset(month11Jdn: number): number {
  const k = lunationOf(month11Jdn);
  let offset = 1;
  let sector = sunSectorAtMidnight(newMoonDay(k + offset));
  for (;;) {
    const next = sunSectorAtMidnight(newMoonDay(k + offset + 1));
    if (next === sector || offset >= 13) return offset;
    sector = next;
    offset++;
  }
}

function assertLunarYear(lunarYear: number): void {
  if (!Number.isInteger(lunarYear) || lunarYear < 1900 || lunarYear > 2199) {
    throw new Error(`Invalid lunar year ${String(lunarYear)}: expected an integer between 1900 and 2199`);
  }
}

/** The months from month 11 of solar year `year` up to (not including) the next month 11: 11, 12, 1, …, 10. */
function monthsFromMonth11(year: number): { month: number; leap: boolean; jdn: number }[] {
  const start = month11Start(year);
  const k = lunationOf(start);
  const count = Math.round((month11Start(year + 1) - start) / SYNODIC_MONTH); // 12, or 13 with a leap month
  const leapOffset = count === 13 ? leapMonthOffset(start) : -1;
  const months = [{ month: 11, leap: false, jdn: start }];
  let month = 11;
  for (let offset = 1; offset < count; offset++) {
    const leap = offset === leapOffset;
    if (!leap) month = (month % 12) + 1;
    months.push({ month, leap, jdn: newMoonDay(k + offset) });
  }
  return months;
}

/**
 * The months of lunar year `lunarYear` in order (12, or 13 with a leap month), from month 1 (Tết) to month 12,
 * with their first days. Months 1–10 lie after month 11 of the solar year before, months 11–12 after month 11 of
 * solar year `lunarYear`. Valid for 1900–2199, the range the tests compare with an independent computation.
 */
export function lunarYearMonths(lunarYear: number): LunarMonthStart[] {
  assertLunarYear(lunarYear);
  const early = monthsFromMonth11(lunarYear - 1).filter((m) => m.month <= 10);
  const late = monthsFromMonth11(lunarYear).filter((m) => m.month >= 11);
  return [...early, ...late].map((m) => ({ lunarYear, month: m.month, leap: m.leap, start: dayNumberToYmd(m.jdn - JDN_OF_1970_01_01) }));
}

/**
 * Solar "YYYY-MM-DD" of lunar day `lunarDay` (1–30) of month `lunarMonth` (1–12) of `lunarYear`, in the regular
 * (not leap) month. Throws when the month has no such day (a 29-day month has no day 30).
 */
export function lunarToSolarYmd(lunarYear: number, lunarMonth: number, lunarDay: number): string {
  if (!Number.isInteger(lunarMonth) || lunarMonth < 1 || lunarMonth > 12 || !Number.isInteger(lunarDay) || lunarDay < 1 || lunarDay > 30) {
    throw new Error(`Invalid lunar date ${String(lunarDay)}/${String(lunarMonth)}/${String(lunarYear)}`);
  }
  const start = ymdToDayNumber(lunarYearMonths(lunarYear).find((m) => m.month === lunarMonth && !m.leap)!.start) + JDN_OF_1970_01_01;
  const end = newMoonDay(lunationOf(start) + 1);
  if (start + lunarDay - 1 >= end) {
    throw new Error(`Invalid lunar date ${lunarDay}/${lunarMonth}/${lunarYear}: the month has ${end - start} days`);
  }
  return dayNumberToYmd(start + lunarDay - 1 - JDN_OF_1970_01_01);
}
