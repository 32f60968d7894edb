import type { FeeState } from './fees-due';

/** Where the applicant stands with the result of a dossier. */
export type ResultRelease = 'released' | 'pending' | 'held_for_fees';

/**
 * The applicant gets the result once a decision is approved; a grant is held while any fee is unpaid (the fees paid
 * after processing fall due on approval, and an officer may ask for more), which is the same rule `return_result`
 * applies at the desk. A denial is never held. Officers in scope are not subject to this.
 */
export function resultRelease(d: FeeState): ResultRelease {
  if (d.status === 'payment_requested' && d.outcome !== null) return 'held_for_fees';
  if ((d.status !== 'resolved' && d.status !== 'result_returned') || d.outcome === null) return 'pending';
  if (d.outcome === 'grant' && d.feesPaidVnd < d.feeTotalVnd) return 'held_for_fees';
  return 'released';
}
