/**
 * Minimal typings for the untyped `lunar-javascript` package (test-only): the astronomy of 许剑伟's 寿星天文历
 * (ShouXing calendar) it contains, and its Chinese (UTC+8) lunar calendar, to compare ours against.
 */
declare module 'lunar-javascript' {
  export interface LunarSolarDate {
    getYear(): number;
    /** 1–12 */
    getMonth(): number;
    /** 1–31 */
    getDay(): number;
  }

  export interface LunarDate {
    getSolar(): LunarSolarDate;
  }

  export const Lunar: {
    /** `month` is 1–12 for a regular month, negative for the leap month. */
    fromYmd(lunarYear: number, lunarMonth: number, lunarDay: number): LunarDate;
  };

  export const ShouXingUtil: {
    /** Julian centuries (TT) from J2000.0 at which the moon's longitude minus the sun's is `w` radians (full series). */
    msaLonT(w: number): number;
    /** Julian centuries (TT) from J2000.0 at which the sun's apparent longitude is `w` radians (full series). */
    saLonT(w: number): number;
    /** ΔT = TT − UT in days, for `t` days from J2000.0. */
    dtT(t: number): number;
  };
}
