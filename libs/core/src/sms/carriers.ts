import type { Carrier } from '../identity/phone-number';

/**
 * Brandname (customer-care) price per SMS segment, VND, by the recipient's carrier. Indicative list prices;
 * the contract figures replace them when known. Used for per-unit usage figures (IT-service rental model).
 */
export const SMS_COST_PER_SEGMENT_VND: Readonly<Record<Carrier, number>> = Object.freeze({
  viettel: 800,
  vinaphone: 800,
  mobifone: 800,
  vietnamobile: 700,
  gmobile: 700,
  itelecom: 600,
  reddi: 600,
});

/** Cost in VND of sending `segments` parts to a number of `carrier`. Throws on an unknown carrier or a bad count. */
export function smsCost(carrier: Carrier, segments: number): number {
  const price = Object.prototype.hasOwnProperty.call(SMS_COST_PER_SEGMENT_VND, carrier) ? SMS_COST_PER_SEGMENT_VND[carrier] : undefined;
  if (price === undefined) throw new RangeError(`Unknown carrier: ${String(carrier)}`);
  if (!Number.isInteger(segments) || segments < 0) throw new RangeError(`Invalid segment count: ${String(segments)}`);
  return price * segments;
}
