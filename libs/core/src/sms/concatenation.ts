import { gsm7CharSeptets } from './gsm7';
import { countSegments, GSM7_MULTI_SEGMENT, UCS2_MULTI_SEGMENT } from './segments';

/**
 * The parts of a long message sent as concatenated SMS (3GPP TS 23.040 §9.2.3.24.1): 153 GSM-7 septets or 67
 * UCS-2 units each, an escape pair or a surrogate pair never split — the same packing countSegments bills, so
 * that the parts sent are the parts counted. A message that fits one SMS is one part.
 */
export function splitIntoParts(text: string): string[] {
  const count = countSegments(text);
  if (count.segments <= 1) return [text];
  const capacity = count.encoding === 'GSM7' ? GSM7_MULTI_SEGMENT : UCS2_MULTI_SEGMENT;
  const size = (char: string) => (count.encoding === 'GSM7' ? gsm7CharSeptets(char) : char.length);
  const parts: string[] = [];
  let current = '';
  let used = 0;
  for (const char of text) {
    if (used + size(char) > capacity) {
      parts.push(current);
      current = '';
      used = 0;
    }
    current += char;
    used += size(char);
  }
  parts.push(current);
  return parts;
}

/** The user data header of one part: UDHL 5, IEI 0x00 (concatenation, 8-bit reference), IEDL 3, ref, total, seq. */
export function concatUdh8(reference: number, total: number, sequence: number): number[] {
  if (total < 1 || total > 255 || sequence < 1 || sequence > total) throw new RangeError(`part ${sequence} of ${total} cannot be numbered`);
  return [0x05, 0x00, 0x03, reference & 0xff, total, sequence];
}
