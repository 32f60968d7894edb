/**
 * Normalises an address for the inbox: trims, strips a leading '+' (or '00'), and turns a Vietnamese national
 * number 0xxxxxxxxx into 84xxxxxxxxx. Alphanumeric senders (brandnames) are kept as they are.
 */
export function normaliseNumber(raw: string): string {
  let value = raw.trim();
  if (value.startsWith('+')) value = value.slice(1);
  else if (/^00\d/.test(value)) value = value.slice(2);
  if (/^0\d{9}$/.test(value)) value = `84${value.slice(1)}`;
  return value;
}

/** A plausible destination: digits only, 6–15 of them (E.164 allows up to 15). */
export function isValidDestination(normalised: string): boolean {
  return /^\d{6,15}$/.test(normalised);
}
