import { DomainError } from '../../errors/domain-error';
import { SUPPLEMENT_REQUESTS_ALLOWED } from '../../calendar/timeliness';
import type { ActionEffect, ActionInput, DossierState } from './action-effect';

export interface SupplementRequestEffect {
  reason: string;
  missing: string[];
  /** The count after this request. */
  supplementRequests: number;
  /** A request beyond the one allowed: recorded as a breach, and the dossier counts late. */
  breach: boolean;
  repeatReason: string | null;
}

/**
 * Form 02: the missing components and the reason, asked once, in writing (Decree 61/2018 art. 15). A further request
 * is possible only with an explicit reason for asking again; it is recorded as a breach of the once rule and the
 * dossier counts late in the on-time statistics, as the national service index does (Decision 766/QĐ-TTg).
 */
export function decideSupplementRequest(
  facts: { supplementRequests: number; componentCodes: readonly string[]; procedureCode: string },
  input: { reason?: string; components?: readonly unknown[]; repeatReason?: string },
): SupplementRequestEffect {
  const reason = input.reason?.trim();
  if (!reason) throw DomainError.validation([{ field: 'reason', message: 'is required for this action' }]);
  const missing = (input.components ?? []) as string[];
  if (missing.length === 0) throw DomainError.validation([{ field: 'components', message: 'list the missing components' }]);
  const known = new Set(facts.componentCodes);
  const unknown = missing.map((m, i) => ({ m, i })).filter(({ m }) => !known.has(m));
  if (unknown.length > 0) {
    throw DomainError.validation(unknown.map(({ i }) => ({ field: `components[${i}]`, message: `is not a component of procedure ${facts.procedureCode}` })));
  }
  const supplementRequests = facts.supplementRequests + 1;
  const breach = supplementRequests > SUPPLEMENT_REQUESTS_ALLOWED;
  const repeatReason = input.repeatReason?.trim() || null;
  if (breach && (!repeatReason || repeatReason.length < 3)) {
    throw DomainError.validation(
      [
        {
          field: 'repeatReason',
          message: `supplementation was already requested ${facts.supplementRequests} time(s); it is asked once, in writing — give the reason for asking again (recorded as a breach; the dossier counts late)`,
        },
      ],
      'Supplementation is requested once, in writing.',
    );
  }
  return { reason, missing, supplementRequests, breach, repeatReason: breach ? repeatReason : null };
}

/** The request as the dossier records it: the wait remembers the status to resume. */
export function requestSupplementEffect(dossier: DossierState, input: ActionInput, facts: { componentCodes: readonly string[] }): ActionEffect {
  const e = decideSupplementRequest(
    { supplementRequests: dossier.supplementRequests, componentCodes: facts.componentCodes, procedureCode: dossier.procedureCode },
    { reason: input.reason, components: input.components, repeatReason: input.repeatReason },
  );
  return {
    patch: { resumeStatus: dossier.status, supplementRequests: e.supplementRequests },
    note: e.reason,
    data: {
      form: 'form_02',
      missingComponents: e.missing,
      ...(e.breach ? { breachOfOnceRule: true, repeatReason: e.repeatReason, request: e.supplementRequests } : {}),
    },
    variables: { reason: e.reason },
  };
}
