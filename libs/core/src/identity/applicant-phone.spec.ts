import { applicantPhoneErrors, citizenMayReach } from './applicant-phone';

const ME = { id: 'c-me', phone: '84912345678' };
const OTHER_PHONE = '84987654321';

describe('applicant phone (issue #15 item 9)', () => {
  it.each([
    ['online, own number', 'online', ME.phone, ME.phone, []],
    ["online, someone else's number", 'online', OTHER_PHONE, ME.phone, ['applicant.phone']],
    ['at a desk, any number the officer took', 'direct', OTHER_PHONE, null, []],
  ] as const)('%s', (_label, channel, applicant, signedIn, fields) => {
    expect(applicantPhoneErrors(channel, applicant, signedIn).map((e) => e.field)).toEqual(fields);
  });

  it.each([
    ['filed online by me', { ownerCitizenId: ME.id, registeredByOfficerId: null, applicantPhone: ME.phone }, true],
    ['filed online by someone else with my phone as applicant', { ownerCitizenId: 'c-other', registeredByOfficerId: null, applicantPhone: ME.phone }, false],
    ['filed online by someone else', { ownerCitizenId: 'c-other', registeredByOfficerId: null, applicantPhone: OTHER_PHONE }, false],
    ['registered at a desk with my phone', { ownerCitizenId: null, registeredByOfficerId: 'o-1', applicantPhone: ME.phone }, true],
    ['registered at a desk with another phone', { ownerCitizenId: null, registeredByOfficerId: 'o-1', applicantPhone: OTHER_PHONE }, false],
    ['neither owner nor desk (never written), my phone', { ownerCitizenId: null, registeredByOfficerId: null, applicantPhone: ME.phone }, false],
  ])('a citizen reaches a dossier %s: %s', (_label, dossier, expected) => {
    expect(citizenMayReach(dossier, ME)).toBe(expected);
  });
});
