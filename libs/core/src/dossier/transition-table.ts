import type { ActorRole, DossierAction } from './dossier-actions';
import type { DossierStatus } from './dossier-status';

export type TransitionTarget =
  | { kind: 'status'; status: DossierStatus }
  | { kind: 'unchanged' }
  /** Back to the status the dossier was in when `pausedBy` was taken (passed in as `resumeStatus`). */
  | { kind: 'resume'; pausedBy: DossierAction };

export interface TransitionRule {
  /** Each status the action is allowed from, with the roles that may take it there. */
  readonly from: Readonly<Partial<Record<DossierStatus, readonly ActorRole[]>>>;
  readonly to: TransitionTarget;
}

const to = (status: DossierStatus): TransitionTarget => ({ kind: 'status', status });
const UNCHANGED: TransitionTarget = { kind: 'unchanged' };
const resumeAfter = (pausedBy: DossierAction): TransitionTarget => ({ kind: 'resume', pausedBy });

function fromEach(statuses: readonly DossierStatus[], roles: readonly ActorRole[]): Partial<Record<DossierStatus, readonly ActorRole[]>> {
  return Object.fromEntries(statuses.map((status) => [status, roles]));
}

const OFFICERS_HANDLING: readonly ActorRole[] = ['receiving_officer', 'specialist', 'leader'];
const BEFORE_RESULT: readonly DossierStatus[] = ['received', 'processing', 'awaiting_approval', 'supplement_requested', 'payment_requested'];

// The desk checks completeness before routing; the specialist takes over once the dossier is received.
const DESK_THEN_SPECIALIST = {
  new: ['receiving_officer'],
  received: ['receiving_officer', 'specialist'],
  processing: ['specialist'],
} as const satisfies Partial<Record<DossierStatus, readonly ActorRole[]>>;

/** `admin` appears nowhere: administrators configure the system, they do not process dossiers. */
export const TRANSITION_TABLE: Readonly<Record<DossierAction, TransitionRule>> = {
  accept: { from: fromEach(['new'], ['receiving_officer']), to: to('received') },
  request_supplement: { from: DESK_THEN_SPECIALIST, to: to('supplement_requested') },
  supplement: {
    from: fromEach(['supplement_requested'], ['applicant', 'receiving_officer']),
    to: resumeAfter('request_supplement'),
  },
  refuse: { from: DESK_THEN_SPECIALIST, to: to('refused') },
  assign: { from: fromEach(['received', 'processing'], ['receiving_officer', 'leader']), to: to('processing') },
  // The new agency has to assign it again.
  transfer: { from: fromEach(['received', 'processing'], OFFICERS_HANDLING), to: to('received') },
  propose: { from: fromEach(['processing'], ['specialist']), to: to('awaiting_approval') },
  approve: { from: fromEach(['awaiting_approval'], ['leader']), to: to('resolved') },
  send_back: { from: fromEach(['awaiting_approval'], ['leader']), to: to('processing') },
  request_payment: {
    // The system asks by itself when fees fall due: after reception (pay before) or approval (pay after). Only a
    // leader may ask for more than the assessment (aboveAssessmentProblem), so leaders may ask too.
    from: fromEach(['received', 'processing', 'resolved'], ['receiving_officer', 'specialist', 'leader', 'system']),
    to: to('payment_requested'),
  },
  confirm_payment: {
    from: fromEach(['payment_requested'], ['system', 'receiving_officer']),
    to: resumeAfter('request_payment'),
  },
  extend: { from: fromEach(BEFORE_RESULT, OFFICERS_HANDLING), to: UNCHANGED },
  return_result: { from: fromEach(['resolved'], ['receiving_officer']), to: to('result_returned') },
  withdraw: { from: fromEach(['new', ...BEFORE_RESULT], ['applicant']), to: to('withdrawn') },
  stop: { from: fromEach(BEFORE_RESULT, ['leader']), to: to('stopped') },
  rate: { from: fromEach(['result_returned'], ['applicant']), to: UNCHANGED },
};

/** The statuses an action is allowed from, whoever takes it. */
export function statusesAllowingAction(action: DossierAction): DossierStatus[] {
  return Object.keys(TRANSITION_TABLE[action].from) as DossierStatus[];
}
