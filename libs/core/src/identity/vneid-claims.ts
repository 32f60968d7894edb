import { PhoneNumber } from './phone-number';
import { parseCitizenId } from './citizen-id';
import type { AssuranceLevel } from './assurance';

/** A person or an organisation as VNeID vouches for them, from a verified id_token. */
export interface VneidIdentity {
  subject: string;
  accountType: 'citizen' | 'organization';
  /** 12-digit CCCD of a person; null for an organisation account. */
  idNumber: string | null;
  /** 10- or 13-character tax code of an organisation; null for a person. */
  taxCode: string | null;
  fullName: string;
  birthDate: string | null;
  sex: 'male' | 'female' | null;
  /** Normalised 84… number; VNeID registers every account with a verified mobile number. */
  phone: string;
  phoneVerified: boolean;
  assurance: Exclude<AssuranceLevel, 0>;
}

export type VneidClaimsResult = { ok: true; identity: VneidIdentity } | { ok: false; reason: string };

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

/**
 * The identity in an id_token's claims (already verified for signature, issuer, audience, time and nonce), or why
 * the claims are not enough to sign in with: a person without a well-formed ID number, an organisation without a
 * tax code, no name, no usable mobile number, an assurance level outside 1–2.
 */
export function identityFromClaims(claims: Record<string, unknown>): VneidClaimsResult {
  const subject = str(claims.sub);
  const fullName = str(claims.name);
  if (!subject || !fullName) return { ok: false, reason: 'the identity has no subject or name' };
  const accountType = claims.account_type === 'organization' ? 'organization' : 'citizen';
  const assurance = claims.assurance_level;
  if (assurance !== 1 && assurance !== 2) return { ok: false, reason: 'the assurance level is missing or not 1–2' };
  const phone = PhoneNumber.parse(str(claims.phone_number)?.replace(/^\+/, '') ?? '');
  if (!phone) return { ok: false, reason: 'the account has no usable mobile number' };
  const birthDate = str(claims.birthdate);
  if (birthDate !== null && !/^\d{4}-\d{2}-\d{2}$/.test(birthDate)) return { ok: false, reason: 'the birth date is not YYYY-MM-DD' };
  const sex = claims.gender === 'male' || claims.gender === 'female' ? claims.gender : null;
  let idNumber: string | null = null;
  let taxCode: string | null = null;
  if (accountType === 'citizen') {
    idNumber = str(claims.id_number);
    if (!idNumber || !parseCitizenId(idNumber)) return { ok: false, reason: 'the ID number is missing or not a 12-digit CCCD' };
  } else {
    taxCode = str(claims.tax_code);
    if (!taxCode || !/^\d{10}(-?\d{3})?$/.test(taxCode)) return { ok: false, reason: 'the organisation has no valid tax code' };
  }
  return {
    ok: true,
    identity: {
      subject,
      accountType,
      idNumber,
      taxCode,
      fullName,
      birthDate,
      sex,
      phone: phone.value,
      phoneVerified: claims.phone_number_verified === true,
      assurance,
    },
  };
}
