/**
 * The most a dossier's fees may come to in all, far above any charge in the catalogue; amounts are kept in 32-bit
 * columns, and a request that would take the paid total past this is refused rather than failing in the database.
 */
export const MAX_DOSSIER_FEES_VND = 1_000_000_000;

/** Whether an officer may ask for `amount` more on a dossier that has `paidVnd` paid already. */
export function requestedAmountProblem(amount: number, paidVnd: number): string | null {
  if (!Number.isInteger(amount) || amount <= 0) return 'must be a positive whole number of VND';
  if (paidVnd + amount > MAX_DOSSIER_FEES_VND) return `would take the dossier's fees past ${MAX_DOSSIER_FEES_VND.toLocaleString('vi-VN')} VND`;
  return null;
}

/** What the assessment still leaves unpaid: the most an officer below a leader may ask for. */
export function assessedOutstandingVnd(d: { feeTotalVnd: number; feesPaidVnd: number }): number {
  return Math.max(0, d.feeTotalVnd - d.feesPaidVnd);
}

/**
 * Fees come from the procedure's rules and the form (computeFees). Asking for more than the assessment leaves unpaid
 * (an extra charge the rules do not compute) is a leader's decision: a receiving officer or specialist asking above
 * it is refused with this reason; a leader may (up to MAX_DOSSIER_FEES_VND), and so may the system, which only
 * ever asks for what the assessment says.
 */
export function aboveAssessmentProblem(amount: number, d: { feeTotalVnd: number; feesPaidVnd: number }, role: string): string | null {
  const outstanding = assessedOutstandingVnd(d);
  if (amount <= outstanding || role === 'leader' || role === 'system') return null;
  return `Only a leader may ask for more than the assessed fees leave unpaid (${outstanding.toLocaleString('vi-VN')} VND; asked ${amount.toLocaleString('vi-VN')} VND).`;
}
