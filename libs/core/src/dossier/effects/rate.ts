import { DomainError, DomainErrorCode } from '../../errors/domain-error';
import { requiredText, type ActionEffect, type ActionInput, type DossierState } from './action-effect';

/** Satisfaction, once per dossier: very satisfied, satisfied, or unsatisfied with a reason (domain.md "Dossier life cycle" 9). */
export function rateEffect(dossier: DossierState, input: ActionInput, now: Date): ActionEffect {
  if (dossier.rating) throw new DomainError(DomainErrorCode.Conflict, 'This dossier has already been rated.');
  const rating = input.rating;
  if (rating !== 'very_satisfied' && rating !== 'satisfied' && rating !== 'unsatisfied') {
    throw DomainError.validation([{ field: 'rating', message: 'must be very_satisfied, satisfied or unsatisfied' }]);
  }
  const reason = rating === 'unsatisfied' ? requiredText(input.reason, 'reason') : input.reason?.trim() || null;
  return { patch: { rating: { rating, reason, ratedAt: now.toISOString() } }, note: reason, data: { rating } };
}
