// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- lunar-javascript ships no types; ours are beside this file
/// <reference path="./lunar-javascript.d.ts" />
/**
 * TEST-ONLY second computation of the Vietnamese lunar calendar, to check `vietnamese-lunar-calendar.ts` against.
 *
 * Independent of it in what can go wrong:
 * - astronomy: the new moons and solar terms come from 许剑伟's 寿星天文历 as shipped in `lunar-javascript`
 *   (ShouXingUtil.msaLonT / saLonT: truncated ELP-2000/82 moon and VSOP87 earth series, its own ΔT table), not
 *   Meeus' short new-moon series and 3-term sun of Hồ Ngọc Đức's algorithm; only the time zone is ours (UTC+7
 *   instead of the package's UTC+8);
 * - month rules: written from the definition (H. Aslaksen, "The Mathematics of the Chinese Calendar", §§ 3–4):
 *   months start on the local day of the new moon; the month containing the winter-solstice day is month 11; in a
 *   13-month span between two months 11 the first month whose days contain no major solar term (sun at a
 *   multiple of 30°) is the leap month. It looks for solar-term DAYS inside each month instead of comparing the
 *   sun's 30° sector at month starts, and anchors on the solstice instead of on 31 December.
 * The two can still disagree, legitimately, when a new moon or a solar term falls within a few minutes of local
 * midnight (the short series err by up to a few minutes); the test lists such cases when there are any.
 */
import { ShouXingUtil } from 'lunar-javascript';
import { dayNumberToYmd } from '../civil-date';

const J2000 = 2_451_545;
const JDN_OF_1970_01_01 = 2_440_588;
const UTC_OFFSET_DAYS = 7 / 24;
/** Lunation 0 of ShouXing's count: the new moon of 6 January 2000 (elongation 0 + 2πn). */
const LUNATION_0_JD = 2_451_550.26;
const SYNODIC_MONTH = 29.530588853;

/** UT Julian date → the local (UTC+7) Julian day number of the day containing it. */
function localDay(centuriesTt: number): number {
  const daysTt = centuriesTt * 36_525;
  const daysUt = daysTt - ShouXingUtil.dtT(daysTt);
  return Math.floor(daysUt + UTC_OFFSET_DAYS + 0.5) + J2000;
}

function newMoonDay(lunation: number): number {
  return localDay(ShouXingUtil.msaLonT(lunation * 2 * Math.PI));
}

/**
 * Local day of the sun reaching `k` × 30° of (unwrapped) longitude: ShouXing counts from the 1999 vernal
 * equinox (k = 0); k = 12 is the vernal equinox of 2000, k = 21 the winter solstice of 2000.
 */
function solarTermDay(k: number): number {
  return localDay(ShouXingUtil.saLonT((k * Math.PI) / 6));
}

function winterSolsticeDay(year: number): number {
  return solarTermDay((year - 2000) * 12 + 21);
}

/** Start (local JDN) and lunation number of the month containing local day `jdn`. */
function monthContaining(jdn: number): { start: number; lunation: number } {
  let lunation = Math.floor((jdn - LUNATION_0_JD) / SYNODIC_MONTH) + 1;
  while (newMoonDay(lunation) > jdn) lunation--;
  while (newMoonDay(lunation + 1) <= jdn) lunation++;
  return { start: newMoonDay(lunation), lunation };
}

export interface ReferenceMonth {
  month: number;
  leap: boolean;
  start: string;
}

/** Months 11 of `year` … 10 of the next year (and a leap month if any), numbered. */
function monthsFromMonth11(year: number): { month: number; leap: boolean; jdn: number }[] {
  const first = monthContaining(winterSolsticeDay(year));
  const last = monthContaining(winterSolsticeDay(year + 1));
  const count = last.lunation - first.lunation;
  const starts = Array.from({ length: count + 1 }, (_, i) => newMoonDay(first.lunation + i));
  const termDays: number[] = [];
  for (let k = (year - 2000) * 12 + 21; k <= (year + 1 - 2000) * 12 + 21; k++) termDays.push(solarTermDay(k));
  const hasTerm = (i: number) => termDays.some((d) => d >= starts[i] && d < starts[i + 1]);
  let leapIndex = -1;
  if (count === 13) {
    for (let i = 1; i < count && leapIndex < 0; i++) if (!hasTerm(i)) leapIndex = i;
  }
  const months = [{ month: 11, leap: false, jdn: starts[0] }];
  let month = 11;
  for (let i = 1; i < count; i++) {
    const leap = i === leapIndex;
    if (!leap) month = (month % 12) + 1;
    months.push({ month, leap, jdn: starts[i] });
  }
  return months;
}

/** Months 1–12 (and the leap month) of lunar year `lunarYear`, as the reference computes them. */
export function referenceLunarYearMonths(lunarYear: number): ReferenceMonth[] {
  const early = monthsFromMonth11(lunarYear - 1).filter((m) => m.month <= 10);
  const late = monthsFromMonth11(lunarYear).filter((m) => m.month >= 11);
  return [...early, ...late].map((m) => ({ month: m.month, leap: m.leap, start: dayNumberToYmd(m.jdn - JDN_OF_1970_01_01) }));
}

/** Minutes between local (UTC+7) midnight and the reference's new moon nearest to the start of day `ymd`. */
export function newMoonMinutesFromLocalMidnight(ymd: string): number {
  const midnightJd = Date.parse(`${ymd}T00:00:00+07:00`) / 86_400_000 + 2_440_587.5;
  const lunation = Math.round((midnightJd - LUNATION_0_JD) / SYNODIC_MONTH);
  const centuries = ShouXingUtil.msaLonT(lunation * 2 * Math.PI);
  const daysUt = centuries * 36_525 - ShouXingUtil.dtT(centuries * 36_525) + J2000;
  return Math.abs(daysUt - midnightJd) * 1440;
}
