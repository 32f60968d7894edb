import { parseCitizenId, validateCitizenId } from './citizen-id';

describe('parseCitizenId', () => {
  it.each([
    ['001090012345', '001', 'male', 1990],
    ['001190012345', '001', 'female', 1990],
    ['001205012345', '001', 'male', 2005],
    ['079315012345', '079', 'female', 2015],
    ['001099012345', '001', 'male', 1999],
  ])('%s → province %s, %s, born %d', (id, province, gender, year) => {
    expect(parseCitizenId(id)).toMatchObject({ provinceCode: province, gender, birthYear: year });
  });
});

describe('validateCitizenId', () => {
  const now = new Date('2026-11-25T00:00:00Z');
  it.each([
    ['001090012345', undefined, []],
    ['001090012345', 1990, []],
    ['001205012345', 2005, []],
  ])('%s with birth year %s is valid', (id, birthYear, expected) => {
    expect(validateCitizenId(id, { birthYear, now })).toEqual(expected);
  });

  it.each([
    [12345, undefined, 'must be a 12-digit'],
    ['00109001234', undefined, 'must be a 12-digit'],
    ['0010900123456', undefined, 'must be a 12-digit'],
    ['00109001234a', undefined, 'must be a 12-digit'],
    ['003090012345', undefined, 'not a province code'],
    ['099090012345', undefined, 'not a province code'],
    ['001290012345', undefined, 'in the future'],
    ['001090012345', 1991, 'date of birth says 1991'],
    ['001190012345', 2090, 'date of birth says 2090'],
  ])('%j (birth year %s) → "%s"', (id, birthYear, message) => {
    const errors = validateCitizenId(id, { birthYear, now, field: 'applicant.idNumber' });
    expect(errors).toHaveLength(1);
    expect(errors[0].field).toBe('applicant.idNumber');
    expect(errors[0].message).toContain(message);
  });
});
