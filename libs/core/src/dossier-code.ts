import { formatYmd } from './calendar';

/**
 * `{agency identifier}-{yyMMdd}-{NNNN}`: a per-agency, per-day (Asia/Ho_Chi_Minh) sequence, at least four
 * digits, growing to five and more past 9999 rather than failing.
 */
export function formatDossierCode(agencyCode: string, at: Date, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new Error(`A dossier sequence starts at 1 (got ${sequence})`);
  const ymd = formatYmd(at).replace(/-/g, '').slice(2);
  return `${agencyCode}-${ymd}-${String(sequence).padStart(4, '0')}`;
}

export const DOSSIER_CODE_PATTERN = /^\d{3}\.\d{2}\.\d{2}\.H\d{2}-\d{6}-\d{4,}$/;

export function isDossierCode(value: string): boolean {
  return DOSSIER_CODE_PATTERN.test(value);
}
