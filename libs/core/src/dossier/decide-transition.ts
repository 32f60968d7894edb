import { DomainError, DomainErrorCode } from '../errors/domain-error';
import { DOSSIER_ACTIONS, slugOfAction } from './dossier-actions';
import type { ActorRole, DossierAction } from './dossier-actions';
import { isClockPaused, isClockRunning, isClosedStatus } from './dossier-status';
import type { DossierStatus } from './dossier-status';
import { TRANSITION_TABLE, statusesAllowingAction } from './transition-table';

export interface TransitionContext {
  status: DossierStatus;
  action: DossierAction;
  role: ActorRole;
  /** For `supplement` / `confirm_payment`: the status the dossier was in before the wait began. */
  resumeStatus?: DossierStatus | null;
}

export type TransitionDecision =
  { ok: true; to: DossierStatus; pausesClock: boolean; resumesClock: boolean; final: boolean } | { ok: false; error: DomainError };

const ROLE_LABELS: Record<ActorRole, string> = {
  applicant: 'An applicant',
  receiving_officer: 'A receiving officer',
  specialist: 'A specialist',
  leader: 'A leader',
  admin: 'An admin',
  system: 'The system',
};

function refuse(code: DomainErrorCode, message: string): TransitionDecision {
  return { ok: false, error: new DomainError(code, message) };
}

/** 409 when the status forbids the action for everyone; 403 when only this role may not take it. */
export function decideTransition(ctx: TransitionContext): TransitionDecision {
  const { status, action, role } = ctx;
  const rule = TRANSITION_TABLE[action];
  const slug = slugOfAction(action);
  const rolesHere = rule.from[status];
  if (!rolesHere) {
    return refuse(DomainErrorCode.TransitionNotAllowed, `Cannot ${slug} a dossier that is ${status}.`);
  }
  if (!rolesHere.includes(role)) {
    return refuse(DomainErrorCode.Forbidden, `${ROLE_LABELS[role]} may not ${slug} a dossier.`);
  }

  let to: DossierStatus;
  switch (rule.to.kind) {
    case 'status':
      to = rule.to.status;
      break;
    case 'unchanged':
      to = status;
      break;
    case 'resume': {
      const resume = ctx.resumeStatus;
      if (!resume || !statusesAllowingAction(rule.to.pausedBy).includes(resume)) {
        return refuse(
          DomainErrorCode.TransitionNotAllowed,
          `Cannot ${slug} a dossier: the status to resume (${resume ?? 'none'}) is not one it could have been paused from.`,
        );
      }
      to = resume;
      break;
    }
  }

  return {
    ok: true,
    to,
    pausesClock: isClockRunning(status) && isClockPaused(to),
    resumesClock: isClockPaused(status) && isClockRunning(to),
    final: isClosedStatus(to),
  };
}

/** The actions a role may take now (for UIs: which buttons to show). */
export function availableActions(status: DossierStatus, role: ActorRole): DossierAction[] {
  return DOSSIER_ACTIONS.filter((action) => TRANSITION_TABLE[action].from[status]?.includes(role) ?? false);
}
