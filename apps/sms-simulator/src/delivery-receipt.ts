/** Final states a receipt reports (SMPP 3.4 message_state values and the "stat:" words). */
export const RECEIPT_STATES = {
  DELIVERED: { stat: 'DELIVRD', messageState: 2, err: '000', dlvrd: '001' },
  UNDELIVERED: { stat: 'UNDELIV', messageState: 5, err: '001', dlvrd: '000' },
} as const;
export type ReceiptState = keyof typeof RECEIPT_STATES;

export interface ReceiptInput {
  messageId: string;
  state: ReceiptState;
  submitDate: Date;
  doneDate: Date;
  /** The original message text; its first 20 characters go into "text:". */
  text: string;
}

/** Address of the original submit_sm, reversed for the receipt. */
export interface ReceiptAddresses {
  source: string;
  sourceTon?: number;
  sourceNpi?: number;
  destination: string;
  destinationTon?: number;
  destinationNpi?: number;
}

const HANOI_OFFSET_MS = 7 * 3600_000;

/** YYMMDDhhmm in Hà Nội time (UTC+07:00, no daylight saving), as Vietnamese SMS centres write receipts. */
export function formatReceiptDate(date: Date): string {
  const local = new Date(date.getTime() + HANOI_OFFSET_MS);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(local.getUTCFullYear() % 100)}${two(local.getUTCMonth() + 1)}${two(local.getUTCDate())}${two(local.getUTCHours())}${two(local.getUTCMinutes())}`;
}

/** Printable ASCII for the receipt's "text:" field: Vietnamese letters lose their diacritics, the rest become '?'. */
export function receiptSnippet(text: string): string {
  const plain = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[\r\n\t]/g, ' ');
  return [...plain]
    .slice(0, 20)
    .map((ch) => (/^[\x20-\x7e]$/.test(ch) ? ch : '?'))
    .join('');
}

/**
 * How receipts look: `standard` is the Appendix B text in lower case with the receipted_message_id and
 * message_state TLVs; `upper-decimal` is what some SMS centres send instead — field names in upper case, the id in
 * decimal although submit_sm_resp gave it in hex, and no TLVs.
 */
export type ReceiptStyle = 'standard' | 'upper-decimal';

/** The de-facto standard receipt text (SMPP 3.4 appendix B). */
export function formatReceiptText(input: ReceiptInput, style: ReceiptStyle = 'standard'): string {
  const s = RECEIPT_STATES[input.state];
  const text =
    `id:${style === 'upper-decimal' ? BigInt(`0x${input.messageId}`).toString(10) : input.messageId} sub:001 dlvrd:${s.dlvrd} submit date:${formatReceiptDate(input.submitDate)} ` +
    `done date:${formatReceiptDate(input.doneDate)} stat:${s.stat} err:${s.err} text:`;
  return `${style === 'upper-decimal' ? text.toUpperCase() : text}${receiptSnippet(input.text)}`;
}

/** deliver_sm fields for a receipt: addresses swapped, esm_class 0x04, receipted_message_id and message_state TLVs. */
export function receiptPduFields(input: ReceiptInput, original: ReceiptAddresses, style: ReceiptStyle = 'standard'): Record<string, unknown> {
  const fields: Record<string, unknown> = {
    source_addr_ton: original.destinationTon ?? 0,
    source_addr_npi: original.destinationNpi ?? 0,
    source_addr: original.destination,
    dest_addr_ton: original.sourceTon ?? 0,
    dest_addr_npi: original.sourceNpi ?? 0,
    destination_addr: original.source,
    esm_class: 0x04,
    data_coding: 0,
    short_message: formatReceiptText(input, style),
  };
  if (style === 'standard') Object.assign(fields, { receipted_message_id: input.messageId, message_state: RECEIPT_STATES[input.state].messageState });
  return fields;
}
