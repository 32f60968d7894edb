import type { DossierAction } from './dossier-actions';

/**
 * The administration's own deliberation: the applicant sees in their history that these steps happened, not the
 * notes or data that go with them (a specialist's draft outcome, a leader's reasons for sending it back); the
 * outcome itself reaches them with the approval.
 */
export const INTERNAL_ACTIONS: ReadonlySet<DossierAction> = new Set<DossierAction>(['assign', 'propose', 'send_back', 'transfer']);

/** What of an event's note and data an applicant may read. */
export function applicantEventDetail(action: string, note: string | null, data: unknown): { note: string | null; data: unknown } {
  return INTERNAL_ACTIONS.has(action as DossierAction) ? { note: null, data: null } : { note, data };
}
