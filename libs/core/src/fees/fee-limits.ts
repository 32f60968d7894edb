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
