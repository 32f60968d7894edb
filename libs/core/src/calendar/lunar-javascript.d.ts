/**
 * Minimal typings for the untyped `lunar-javascript` package, covering only what the calendar module uses:
 * converting a (non-leap) lunar date to the solar (Gregorian) date.
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
    /** `month` is 1–12 for a regular month (a negative month would denote the leap month). */
    fromYmd(lunarYear: number, lunarMonth: number, lunarDay: number): LunarDate;
  };
}
