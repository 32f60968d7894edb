import { gsm7CharSeptets, isGsm7 } from './gsm7';

export type SmsEncoding = 'GSM7' | 'UCS2';

export interface SegmentCount {
  encoding: SmsEncoding;
  /** Parts the message is sent (and billed) as; 1 for the empty text. */
  segments: number;
  /** Length in the encoding's units: GSM-7 septets (extension chars count 2) or UTF-16 code units. */
  units: number;
  /** Capacity of one part: 160 / 70 for a single-part message, 153 / 67 once concatenated (UDH takes the rest). */
  perSegment: number;
}

export const GSM7_SINGLE_SEGMENT = 160;
export const GSM7_MULTI_SEGMENT = 153;
export const UCS2_SINGLE_SEGMENT = 70;
export const UCS2_MULTI_SEGMENT = 67;

/**
 * Greedy packing of indivisible pieces (an escape pair, a surrogate pair) into parts of `capacity` units:
 * a piece that does not fit in what is left of a part starts the next one.
 */
function packParts(pieces: Iterable<number>, capacity: number): number {
  let parts = 1;
  let used = 0;
  for (const size of pieces) {
    if (used + size > capacity) {
      parts += 1;
      used = 0;
    }
    used += size;
  }
  return parts;
}

function* gsmPieces(text: string): Generator<number> {
  for (const char of text) yield gsm7CharSeptets(char);
}

function* utf16Pieces(text: string): Generator<number> {
  // `for…of` walks code points: a surrogate pair is one piece of 2 units, a lone surrogate one of 1.
  for (const char of text) yield char.length;
}

/**
 * How many parts `text` is sent as. GSM-7 when every character is in the GSM 03.38 alphabet, else UCS-2.
 * GSM-7: ≤ 160 septets in one part, otherwise parts of 153 and an escape pair never split across two;
 * UCS-2: ≤ 70 code units in one part, otherwise parts of 67 and a surrogate pair never split.
 */
export function countSegments(text: string): SegmentCount {
  if (isGsm7(text)) {
    let units = 0;
    for (const size of gsmPieces(text)) units += size;
    if (units <= GSM7_SINGLE_SEGMENT) return { encoding: 'GSM7', segments: 1, units, perSegment: GSM7_SINGLE_SEGMENT };
    return { encoding: 'GSM7', segments: packParts(gsmPieces(text), GSM7_MULTI_SEGMENT), units, perSegment: GSM7_MULTI_SEGMENT };
  }
  const units = text.length;
  if (units <= UCS2_SINGLE_SEGMENT) return { encoding: 'UCS2', segments: 1, units, perSegment: UCS2_SINGLE_SEGMENT };
  return { encoding: 'UCS2', segments: packParts(utf16Pieces(text), UCS2_MULTI_SEGMENT), units, perSegment: UCS2_MULTI_SEGMENT };
}
