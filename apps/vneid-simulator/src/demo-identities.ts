/**
 * The accounts the simulator signs in (development and tests only). ID numbers are well-formed 12-digit CCCDs
 * (province 001 Hà Nội; the 4th digit gives sex and century, the 5th–6th the birth year), phones are E.164.
 * Assurance level 2 = verified against the national population database; level 1 = registered, not yet verified.
 */
export interface DemoIdentity {
  /** The subject: the ID number of a person, the tax code of an organisation. */
  sub: string;
  accountType: 'citizen' | 'organization';
  idNumber: string | null;
  taxCode: string | null;
  fullName: string;
  birthDate: string | null;
  sex: 'male' | 'female' | null;
  phone: string;
  assuranceLevel: 1 | 2;
}

const person = (idNumber: string, fullName: string, birthDate: string, sex: 'male' | 'female', phone: string, assuranceLevel: 1 | 2): DemoIdentity => ({
  sub: idNumber,
  accountType: 'citizen',
  idNumber,
  taxCode: null,
  fullName,
  birthDate,
  sex,
  phone,
  assuranceLevel,
});

export const DEMO_IDENTITIES: readonly DemoIdentity[] = [
  person('001090012345', 'Nguyễn Văn An', '1990-05-17', 'male', '+84912345678', 2),
  person('001195001234', 'Trần Thị Bình', '1995-08-02', 'female', '+84987654321', 2),
  person('001188007788', 'Phạm Thị Dung', '1988-11-20', 'female', '+84977001122', 2),
  person('001203004567', 'Lê Minh Châu', '2003-03-09', 'male', '+84356789012', 1),
  {
    sub: '0101234567',
    accountType: 'organization',
    idNumber: null,
    taxCode: '0101234567',
    fullName: 'Công ty TNHH Phở Tràng Tiền',
    birthDate: null,
    sex: null,
    phone: '+84904112233',
    assuranceLevel: 2,
  },
];

export const findIdentity = (sub: string): DemoIdentity | undefined => DEMO_IDENTITIES.find((i) => i.sub === sub);

/** The claims of an identity as the simulator releases them (scopes: openid profile phone vneid). */
export function identityClaims(identity: DemoIdentity): Record<string, unknown> {
  return {
    sub: identity.sub,
    name: identity.fullName,
    birthdate: identity.birthDate ?? undefined,
    gender: identity.sex ?? undefined,
    phone_number: identity.phone,
    phone_number_verified: true,
    id_number: identity.idNumber ?? undefined,
    tax_code: identity.taxCode ?? undefined,
    account_type: identity.accountType,
    assurance_level: identity.assuranceLevel,
  };
}
