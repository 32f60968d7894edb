import type { DossierAction } from '../dossier/dossier-actions';
import type { DossierStatus } from '../dossier/dossier-status';

export interface FeeState {
  status: DossierStatus;
  outcome: 'grant' | 'deny' | null;
  feesBeforeVnd: number;
  feeTotalVnd: number;
  feesPaidVnd: number;
}

/**
 * Fees fall due by themselves: those paid before processing once the dossier is received, the rest once a grant is
 * approved (the result is then held until paid). A supplement that changes the form is assessed again; when it
 * raises the fees paid before processing of a dossier already received, the difference is asked for at once.
 * Returns what the system asks for after `action`, 0 for nothing.
 */
export function feesDueAfter(action: DossierAction, d: FeeState): number {
  if (action === 'accept' && d.status === 'received') return Math.max(0, d.feesBeforeVnd - d.feesPaidVnd);
  if (action === 'supplement' && (d.status === 'received' || d.status === 'processing')) return Math.max(0, d.feesBeforeVnd - d.feesPaidVnd);
  if (action === 'approve' && d.status === 'resolved' && d.outcome === 'grant') return Math.max(0, d.feeTotalVnd - d.feesPaidVnd);
  return 0;
}
