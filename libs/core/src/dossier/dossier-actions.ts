export const DOSSIER_ACTIONS = [
  'accept',
  'request_supplement',
  'supplement',
  'refuse',
  'assign',
  'transfer',
  'propose',
  'approve',
  'send_back',
  'request_payment',
  'confirm_payment',
  'extend',
  'return_result',
  'withdraw',
  'stop',
  'rate',
] as const;
export type DossierAction = (typeof DOSSIER_ACTIONS)[number];

export const ACTOR_ROLES = ['applicant', 'receiving_officer', 'specialist', 'leader', 'admin', 'system'] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];

/** The URL segment of an action: `request_supplement` → `request-supplement`. */
export function slugOfAction(action: DossierAction): string {
  return action.replace(/_/g, '-');
}

const ACTION_BY_SLUG: ReadonlyMap<string, DossierAction> = new Map(DOSSIER_ACTIONS.map((action) => [slugOfAction(action), action]));

/** Only the canonical slug is accepted (`request_supplement` in a URL is not). */
export function actionFromSlug(slug: string): DossierAction | null {
  return ACTION_BY_SLUG.get(slug) ?? null;
}
