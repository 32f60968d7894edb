import type { CitizenPrincipal } from '@dvc/core';

/**
 * The SQL form of citizenMayReach (libs/core): the dossiers `d` a citizen filed online, or registered at a desk with
 * the citizen's phone as the applicant's. Used by every citizen read and action, so that they never disagree.
 */
export const CITIZEN_REACHES_DOSSIER =
  '(d.owner_citizen_id = :cid OR (d.owner_citizen_id IS NULL AND d.registered_by_officer_id IS NOT NULL AND d.applicant_phone = :phone))';

export const citizenAccessParams = (citizen: CitizenPrincipal) => ({ cid: citizen.id, phone: citizen.phone });
