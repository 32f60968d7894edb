/**
 * UPU S10 item identifiers (the number on a registered letter or EMS parcel, "EE123456785VN"): two letters of service
 * indicator, an eight-digit serial number, a check digit, and the ISO 3166-1 alpha-2 code of the issuing country.
 */

/** UPU S10 weights of the eight serial digits. */
const WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7] as const;
const SHAPE = /^([A-Z]{2})(\d{8})(\d)([A-Z]{2})$/;

/**
 * The S10 check digit of an eight-digit serial: the weighted sum (8 6 4 2 3 5 9 7) taken from 11; 10 becomes 0 and
 * 11 becomes 5.
 */
export function s10CheckDigit(serial: string): number {
  if (!/^\d{8}$/.test(serial)) throw new RangeError(`an S10 serial number is 8 digits, got "${serial}"`);
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(serial[i]), 0);
  const check = 11 - (sum % 11);
  return check === 10 ? 0 : check === 11 ? 5 : check;
}

export type S10Problem = 'format' | 'check_digit';

/** The identifier as printed on the item (spaces dropped, upper case), or why it is not one. */
export function parseS10(raw: string): { ok: true; value: string } | { ok: false; problem: S10Problem } {
  const value = raw.replace(/\s+/g, '').toUpperCase();
  const m = SHAPE.exec(value);
  if (!m) return { ok: false, problem: 'format' };
  if (s10CheckDigit(m[2]) !== Number(m[3])) return { ok: false, problem: 'check_digit' };
  return { ok: true, value };
}

/** The field error for a postal item number, or null when it is a valid S10 identifier. */
export function s10FieldError(raw: string, field: string): { field: string; message: string } | null {
  const parsed = parseS10(raw);
  if (parsed.ok) return null;
  return {
    field,
    message:
      parsed.problem === 'format'
        ? 'must be a UPU S10 item number: 2 letters, 8 digits, a check digit and the 2-letter country code (e.g. EE123456785VN)'
        : 'has a wrong check digit (UPU S10: weights 8 6 4 2 3 5 9 7, modulo 11)',
  };
}
