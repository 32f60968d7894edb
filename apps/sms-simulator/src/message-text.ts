import type { DecodedMessage, PDU } from 'smpp';

/** Text and UDH of a submit_sm, from message_payload when present and short_message otherwise. */
export interface SubmittedText {
  text: string;
  udh?: Buffer[];
}

/**
 * node-smpp has already decoded the octets by data_coding (0/1 GSM 03.38, 3 Latin-1, 8 UCS-2) and split off the
 * UDH when esm_class has UDHI (0x40). Codings it does not know stay raw; they are read as Latin-1.
 */
export function submittedText(pdu: Pick<PDU, 'short_message' | 'message_payload'>): SubmittedText {
  const payload = asDecoded(pdu.message_payload);
  const short = asDecoded(pdu.short_message);
  const chosen = payload && (payload.text.length > 0 || !short?.text) ? payload : short;
  return chosen ?? { text: '' };
}

function asDecoded(value: DecodedMessage | string | Buffer | undefined | null): SubmittedText | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return { text: value };
  if (Buffer.isBuffer(value)) return { text: value.toString('latin1') };
  const text = typeof value.message === 'string' ? value.message : Buffer.isBuffer(value.message) ? value.message.toString('latin1') : '';
  return value.udh && value.udh.length > 0 ? { text, udh: value.udh } : { text };
}
