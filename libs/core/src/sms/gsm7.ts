/**
 * The GSM 03.38 (3GPP TS 23.038) default alphabet, as carriers' brandname gateways encode it.
 *
 * A character of the basic table costs one septet; a character of the extension table costs two (the escape
 * 0x1B, then the character). Everything else forces the whole message to UCS-2.
 */

/**
 * The basic table in code-point order (0x00–0x7F), without 0x1B (the escape to the extension table, which is
 * not a character of the text). 0x09 is Ç (capital), as in the Unicode mapping of GSM 03.38.
 */
export const GSM7_BASIC_CHARS =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ' + 'ÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' + '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§' + '¿abcdefghijklmnopqrstuvwxyzäöñüà';

/** The extension table: each costs 2 septets (escape + character). \f is form feed. */
export const GSM7_EXTENSION_CHARS = '\f^{}\\[~]|€';

const BASIC = new Set(GSM7_BASIC_CHARS);
const EXTENSION = new Set(GSM7_EXTENSION_CHARS);

/**
 * Septets one character (a single code point) costs in GSM-7: 1 (basic table), 2 (extension table), or 0
 * when GSM-7 cannot encode it at all.
 */
export function gsm7CharSeptets(char: string): 0 | 1 | 2 {
  if (BASIC.has(char)) return 1;
  if (EXTENSION.has(char)) return 2;
  return 0;
}

/** True when every character of `text` is in the GSM-7 default alphabet or its extension table. */
export function isGsm7(text: string): boolean {
  for (const char of text) {
    if (gsm7CharSeptets(char) === 0) return false;
  }
  return true;
}

/**
 * Length of `text` in GSM-7 septets (extension characters count 2).
 * Throws a RangeError when the text is not GSM-7 (check with `isGsm7` first, or convert with `toGsmText`).
 */
export function gsm7Length(text: string): number {
  let septets = 0;
  for (const char of text) {
    const cost = gsm7CharSeptets(char);
    if (cost === 0) {
      throw new RangeError(`"${char}" (U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}) is not in the GSM-7 alphabet`);
    }
    septets += cost;
  }
  return septets;
}
