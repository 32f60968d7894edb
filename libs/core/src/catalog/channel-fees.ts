import type { NationalDetails, SubmissionChannel } from './national/national-procedure';
import type { FeeRule } from './procedure-definition';

/**
 * The fee rules a dossier is assessed on, by its channel: an imported procedure charges what the record publishes
 * for that channel (1.004222 charges 10.000 đ online and 20.000 đ at the desk); our own rules (the seed's, or kept
 * by an import) and a channel without published amounts use the procedure's fees.
 */
export function feesForChannel(p: { fees: FeeRule[]; national: NationalDetails | null }, channel: SubmissionChannel): FeeRule[] {
  if (!p.national || p.national.kept?.includes('fees')) return p.fees;
  const published = p.national.feesByChannel.find((c) => c.channel === channel)?.fees ?? [];
  return published.length > 0 ? published : p.fees;
}
