import type { DossierAction } from './dossier-actions';

/** SMS templates the switchboard sends to the applicant. */
export type ApplicantNotice =
  'dossier_received' | 'supplement_requested' | 'payment_requested' | 'dossier_refused' | 'result_ready' | 'apology_new_date' | 'dossier_stopped';

/** Which actions tell the applicant what happened (domain.md, "SMS switchboard"). */
export const NOTICE_BY_ACTION: Partial<Record<DossierAction, ApplicantNotice>> = {
  accept: 'dossier_received',
  request_supplement: 'supplement_requested',
  request_payment: 'payment_requested',
  refuse: 'dossier_refused',
  approve: 'result_ready',
  extend: 'apology_new_date',
  stop: 'dossier_stopped',
};
