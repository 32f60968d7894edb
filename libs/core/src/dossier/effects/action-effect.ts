import { DomainError } from '../../errors/domain-error';
import type { FeeLine } from '../../fees/compute-fees';
import type { PlannedStep } from '../../workflow/plan-route';
import type { DossierStatus } from '../dossier-status';
import type { RuleSet } from '../rule-set';

export interface DossierComponent {
  code: string;
  fileIds: string[];
}

export interface DossierProposal {
  outcome: 'grant' | 'deny';
  note: string;
  resultFileIds: string[];
  /** After approval: the specialist's uploads, replaced in `resultFileIds` by their signed copies. */
  uploadedResultFileIds?: string[];
  stepIndex: number;
  proposedBy: string;
  proposedAt: string;
}

export interface DossierRating {
  rating: 'very_satisfied' | 'satisfied' | 'unsatisfied';
  reason: string | null;
  ratedAt: string;
}

/** The body of an action once the HTTP layer validated its shape (beyond `version`). */
export interface ActionInput {
  version: number;
  note?: string;
  reason?: string;
  /** A further supplementation request: why the first one did not list everything. */
  repeatReason?: string;
  components?: DossierComponent[] | string[];
  form?: Record<string, unknown>;
  officerId?: string;
  toAgencyCode?: string;
  outcome?: 'grant' | 'deny';
  resultFileIds?: string[];
  amount?: number;
  paymentId?: string;
  newDueAt?: string;
  method?: 'desk' | 'post' | 'online';
  /** return_result by post: the item number (UPU S10). */
  postalItemNumber?: string;
  rating?: 'very_satisfied' | 'satisfied' | 'unsatisfied';
}

/** What the action rules read of a dossier (the stored row has more). */
export interface DossierState {
  status: DossierStatus;
  resumeStatus: DossierStatus | null;
  procedureCode: string;
  channel: 'online' | 'direct' | 'post';
  route: PlannedStep[];
  stepIndex: number;
  currentAgencyCode: string;
  assigneeId: string | null;
  form: Record<string, unknown>;
  components: DossierComponent[];
  proposal: DossierProposal | null;
  outcome: 'grant' | 'deny' | null;
  dueAt: Date | null;
  extendedDueAt: Date | null;
  pausedAt: Date | null;
  finishedAt: Date | null;
  closedAt: Date | null;
  supplementRequests: number;
  rating: DossierRating | null;
  feeTotalVnd: number;
  feesBeforeVnd: number;
  feesPaidVnd: number;
}

/** The columns an action may change. */
export interface DossierPatch {
  status?: DossierStatus;
  resumeStatus?: DossierStatus | null;
  receivedAt?: Date;
  dueAt?: Date;
  extendedDueAt?: Date;
  pausedAt?: Date | null;
  finishedAt?: Date;
  closedAt?: Date;
  returnedAt?: Date;
  ruleSet?: RuleSet;
  stepIndex?: number;
  currentAgencyCode?: string;
  currentScopeCode?: string;
  assigneeId?: string | null;
  supplementRequests?: number;
  form?: Record<string, unknown>;
  components?: DossierComponent[];
  fees?: FeeLine[];
  feeTotalVnd?: number;
  feesBeforeVnd?: number;
  feesRequestedVnd?: number;
  feesPaidVnd?: number;
  proposal?: DossierProposal;
  outcome?: 'grant' | 'deny';
  resultPostalItemNumber?: string | null;
  rating?: DossierRating;
}

/** What an action does to a dossier: the columns it changes, and what its event and the applicant's SMS say. */
export interface ActionEffect {
  patch: DossierPatch;
  note: string | null;
  data?: Record<string, unknown>;
  /** Variables of the applicant's SMS, for the actions that send one. */
  variables?: Record<string, string | number>;
}

/** The dossier handed to the agency of route step `stepIndex`. */
export function moveTo(dossier: Pick<DossierState, 'route'>, stepIndex: number): Pick<DossierPatch, 'stepIndex' | 'currentAgencyCode' | 'currentScopeCode'> {
  const step = dossier.route[stepIndex];
  return { stepIndex, currentAgencyCode: step.agencyCode, currentScopeCode: step.scopeCode };
}

export function requiredText(value: string | undefined, field: string): string {
  if (!value || !value.trim()) throw DomainError.validation([{ field, message: 'is required for this action' }]);
  return value.trim();
}
