/**
 * SMPP 3.4 delivery receipts (spec Appendix B): the short_message of a deliver_sm with esm_class bit 2 set reads
 *   id:IIIIIIIIII sub:SSS dlvrd:DDD submit date:YYMMDDhhmm done date:YYMMDDhhmm stat:DDDDDDD err:E text:…
 * Appendix B calls the format vendor-specific, and SMS centres write the field names in either case and give the
 * id in decimal while submit_sm_resp gave it in hex (or the other way round).
 */
export interface SmppReceiptText {
  id: string;
  /** DELIVRD, EXPIRED, DELETED, UNDELIV, ACCEPTD, UNKNOWN, REJECTD or ENROUTE, upper case. */
  stat: string;
  err: string | null;
}

/** States of Appendix B that are not final (no receipt for us yet); DELIVRD is delivered, any other state failed. */
const NOT_FINAL = new Set(['ENROUTE', 'ACCEPTD']);

export function parseSmppReceiptText(text: string): SmppReceiptText | null {
  const field = (name: string) => new RegExp(`(?:^|\\s)${name}:(\\S*)`, 'i').exec(text)?.[1];
  const id = field('id');
  const stat = field('stat');
  if (!id || !stat) return null;
  return { id, stat: stat.toUpperCase(), err: field('err') ?? null };
}

/** delivered, failed (EXPIRED, DELETED, UNDELIV, UNKNOWN, REJECTD or a vendor's own), or null while not final. */
export function receiptOutcome(stat: string): 'delivered' | 'failed' | null {
  const state = stat.toUpperCase();
  if (NOT_FINAL.has(state)) return null;
  return state === 'DELIVRD' ? 'delivered' : 'failed';
}

const HEX_WIDTHS = [8, 10, 16];

/**
 * The spellings under which the SMS centre may have given us the same message id in submit_sm_resp: the id as
 * received, its case variants, and — for an all-decimal id — its hex form (lower and upper case, bare and zero-padded
 * to the usual widths); for a hex id, its decimal form. An id is opaque to SMPP: a receipt matches the message whose
 * stored id is one of these.
 */
export function smscIdSpellings(id: string): string[] {
  const spellings = new Set([id, id.toLowerCase(), id.toUpperCase()]);
  if (/^[0-9]{1,20}$/.test(id)) {
    const hex = BigInt(id).toString(16);
    for (const h of [hex, ...HEX_WIDTHS.filter((w) => w > hex.length).map((w) => hex.padStart(w, '0'))]) {
      spellings.add(h);
      spellings.add(h.toUpperCase());
    }
  }
  if (/^[0-9a-f]{1,16}$/i.test(id)) spellings.add(BigInt(`0x${id}`).toString(10));
  return [...spellings];
}
