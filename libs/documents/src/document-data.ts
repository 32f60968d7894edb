/** The one-stop-shop forms the documents route renders (`GET /api/v1/dossiers/{code}/documents/{form}`). */
export type DocumentForm = 'receipt' | 'supplement-request' | 'refusal' | 'apology' | 'control-slip' | 'stop-notice';

export const DOCUMENT_FORMS: readonly DocumentForm[] = ['receipt', 'supplement-request', 'refusal', 'apology', 'control-slip', 'stop-notice'];

export function isDocumentForm(value: string): value is DocumentForm {
  return (DOCUMENT_FORMS as readonly string[]).includes(value);
}

/** An officer as printed on a form: full name, and title under it. */
export interface Signer {
  name: string;
  title?: string | null;
}

/**
 * Everything a form needs, already resolved by the caller (no database access here). Times are ISO 8601 with an
 * offset; they are printed in Hà Nội time (fixed UTC+7).
 */
export interface DocumentData {
  form: DocumentForm;
  ruleSet: 'decree_61_2018' | 'decree_118_2025';
  dossierCode: string;
  procedureCode: string;
  procedureName: string;
  /**
   * The receiving agency. `name` is the desk ("Bộ phận Một cửa Phường Tràng Tiền"), `unitName` its administrative
   * unit ("Phường Tràng Tiền"), `parentName` the governing body printed above it in the header when it is not
   * simply "UBND {unitName}" (e.g. "UBND Thành phố Hà Nội" for a department of the city).
   */
  agency: { code: string; name: string; unitName: string; parentName?: string | null };
  applicant: { fullName: string; idNumber: string; phone: string; address: string; email?: string };
  submittedAt: string;
  receivedAt: string | null;
  dueAt: string | null;
  components: { code: string; name: string; originals: number; certifiedCopies: number; photocopies: number; provided: boolean }[];
  resultDelivery: 'desk' | 'post' | 'online';
  /** The receiving officer on Form 01. */
  receivedBy?: Signer | null;
  /** Form 02. */
  supplement?: { reason: string; missing: { code: string; name: string }[]; requestedAt: string; requestedBy: Signer } | null;
  /** Form 03. */
  refusal?: { reason: string; refusedAt: string; refusedBy: Signer } | null;
  /** The stop notice (Circular 03/2025). */
  stop?: { reason: string; stoppedAt: string; stoppedBy: Signer } | null;
  /**
   * Form 04. `issuedBy` is the officer who issued it; `signedBy` the leader who signs for the head of the agency
   * (the leader who approved the result, or the agency's leader), null to leave the head's block for a hand signature.
   */
  apology?: { reason: string; previousDueAt: string; newDueAt: string; issuedAt: string; issuedBy: Signer; signedBy: Signer | null } | null;
  /**
   * Form 05/06, one line per hand-over. A null agency is printed as a dash (the applicant's side of the first and
   * last hand-overs). `result` may be `early` / `on_time` / `late` (printed in Vietnamese) or free text.
   */
  controlSlip?: { fromAgencyName: string | null; toAgencyName: string | null; at: string; givenBy: string; result: string | null; action: string }[];
  fees?: { name: string; amountVnd: number }[];
  feeTotalVnd?: number;
  /** Public tracking page, encoded in the QR code. */
  trackingUrl: string;
  /** When the document is issued signed: its public verification page, printed and encoded in the QR code instead. */
  verifyUrl?: string;
  /** Place on the date line; defaults to "Hà Nội". */
  place?: string;
}
