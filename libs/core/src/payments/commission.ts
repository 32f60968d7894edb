/**
 * The gateway commission the city pays per online payment (the seeds use 0.5 %).
 *
 * `commissionVnd(amountVnd, rate)` = amountVnd × rate in whole VND, rounded HALF UP (x.5 VND → x+1; the
 * gateway's invoice never shows fractional đồng). The product is computed exactly with integers — the rate's
 * shortest decimal form is turned into a fraction — so 0.5 % of 100 100 is 501 (500.5 rounded up), never
 * 500 because of binary floating point.
 */

const DECIMAL = /^(\d+)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

/**
 * @param amountVnd whole VND ≥ 0
 * @param rate a fraction between 0 and 1 (0.005 = 0.5 %), as a number or a decimal string ("0.005")
 */
export function commissionVnd(amountVnd: number, rate: number | string): number {
  if (!Number.isSafeInteger(amountVnd) || amountVnd < 0) {
    throw new RangeError(`Invalid amount ${String(amountVnd)}: expected a whole number of VND ≥ 0`);
  }
  const { numerator, denominator } = rateFraction(rate);
  if (numerator > denominator) throw new RangeError(`Invalid commission rate ${String(rate)}: expected 0–1`);
  // floor((a·n + d/2) / d) without fractions: floor((2·a·n + d) / (2·d))
  const result = (2n * BigInt(amountVnd) * numerator + denominator) / (2n * denominator);
  return Number(result);
}

function rateFraction(rate: number | string): { numerator: bigint; denominator: bigint } {
  const text = typeof rate === 'number' ? (Number.isFinite(rate) ? String(rate) : '') : String(rate ?? '').trim();
  const m = DECIMAL.exec(text);
  if (!m) throw new RangeError(`Invalid commission rate ${String(rate)}: expected a decimal fraction 0–1`);
  const fraction = m[2] ?? '';
  const scale = fraction.length - Number(m[3] ?? 0);
  let numerator = BigInt(`${m[1]}${fraction}`);
  let denominator = 1n;
  if (scale >= 0) denominator = 10n ** BigInt(scale);
  else numerator *= 10n ** BigInt(-scale);
  return { numerator, denominator };
}
