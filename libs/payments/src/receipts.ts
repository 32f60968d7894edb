import { EntityManager } from 'typeorm';
import { toLocalParts } from '@dvc/core';

/** Series "BL/26E": electronic receipt (biên lai điện tử) of 2026. */
export function receiptSeries(year: number): string {
  return `BL/${String(year).slice(-2)}E`;
}

/**
 * The next receipt number of an agency's year. Must run in the transaction that marks the payment paid: the
 * counter row stays locked until it commits and a rollback gives the number back, so numbers have no gaps.
 */
export async function takeReceiptNumber(em: EntityManager, agencyCode: string, at: Date): Promise<{ series: string; number: number }> {
  const year = toLocalParts(at).year;
  const rows: { last_value: number }[] = await em.query(
    `INSERT INTO receipt_counters (agency_code, year, last_value) VALUES ($1, $2, 1)
     ON CONFLICT (agency_code, year) DO UPDATE SET last_value = receipt_counters.last_value + 1 RETURNING last_value`,
    [agencyCode, year],
  );
  return { series: receiptSeries(year), number: rows[0].last_value };
}

export function formatReceipt(series: string | null, number: number | null): string | null {
  return series && number ? `${series} ${String(number).padStart(7, '0')}` : null;
}
