import { identityFromClaims } from './vneid-claims';

const person = {
  sub: '001090012345',
  name: 'Nguyễn Văn An',
  birthdate: '1990-05-17',
  gender: 'male',
  phone_number: '+84912345678',
  phone_number_verified: true,
  id_number: '001090012345',
  account_type: 'citizen',
  assurance_level: 2,
};

describe('identityFromClaims', () => {
  it('takes a level-2 person', () => {
    expect(identityFromClaims(person)).toEqual({
      ok: true,
      identity: {
        subject: '001090012345',
        accountType: 'citizen',
        idNumber: '001090012345',
        taxCode: null,
        fullName: 'Nguyễn Văn An',
        birthDate: '1990-05-17',
        sex: 'male',
        phone: '84912345678',
        phoneVerified: true,
        assurance: 2,
      },
    });
  });

  it('takes an organisation by its tax code', () => {
    const result = identityFromClaims({
      sub: '0101234567',
      name: 'Công ty TNHH Phở Tràng Tiền',
      phone_number: '+84904112233',
      tax_code: '0101234567',
      account_type: 'organization',
      assurance_level: 2,
    });
    expect(result).toMatchObject({ ok: true, identity: { accountType: 'organization', idNumber: null, taxCode: '0101234567', birthDate: null, sex: null } });
  });

  it.each([
    ['no ID number', { id_number: undefined }],
    ['an 11-digit ID number', { id_number: '00109001234' }],
    ['an unknown province', { id_number: '003090012345' }],
    ['assurance 3', { assurance_level: 3 }],
    ['assurance as text', { assurance_level: '2' }],
    ['no phone', { phone_number: undefined }],
    ['a landline', { phone_number: '+842438253536' }],
    ['no name', { name: ' ' }],
    ['a birth date in another format', { birthdate: '17/05/1990' }],
  ])('refuses %s', (_label, change) => {
    expect(identityFromClaims({ ...person, ...change })).toMatchObject({ ok: false });
  });

  it('refuses an organisation without a tax code', () => {
    expect(identityFromClaims({ ...person, account_type: 'organization', tax_code: 'ABC' })).toMatchObject({ ok: false });
  });
});
