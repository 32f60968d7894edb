import type { FieldError } from '../errors/domain-error';

export type IntakeChannel = 'online' | 'direct';

/**
 * Who the official notices of a dossier go to, and who may read and withdraw it by phone.
 *
 * Online the applicant's phone is the signed-in citizen's own (as on the national portal, where it comes from the
 * VNeID account): an unverified number would receive the dossier's SMS and, since a citizen reaches dossiers by the
 * applicant phone, read and withdraw it. Whoever files for someone else with that person's number does it under that
 * person's sign-in, or at a desk, where the officer checks the applicant's papers.
 */
export function applicantPhoneErrors(channel: IntakeChannel, applicantPhone: string, signedInPhone: string | null): FieldError[] {
  if (channel === 'online' && applicantPhone !== signedInPhone) {
    return [
      {
        field: 'applicant.phone',
        message:
          'must be the phone number you signed in with (an online dossier is filed under your own number; someone else files under theirs, or at a desk)',
      },
    ];
  }
  return [];
}

/**
 * A citizen reaches a dossier they filed online, or one registered at a desk whose applicant phone is theirs (the
 * officer took the number from the applicant in person). Never an online dossier by its phone alone.
 */
export function citizenMayReach(
  dossier: { ownerCitizenId: string | null; registeredByOfficerId: string | null; applicantPhone: string },
  citizen: { id: string; phone: string },
): boolean {
  if (dossier.ownerCitizenId !== null) return dossier.ownerCitizenId === citizen.id;
  return dossier.registeredByOfficerId !== null && dossier.applicantPhone === citizen.phone;
}
