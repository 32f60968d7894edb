import { foldDiacritics } from '../text/fold-diacritics';
import { gsm7CharSeptets } from './gsm7';
import { countSegments, type SmsEncoding } from './segments';

/** Close GSM-7 stand-ins for common characters outside the alphabet (after diacritics are folded). */
const FALLBACKS: Record<string, string> = {
  // quotes and apostrophes
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': "'",
  '\u201B': "'",
  '\u2032': "'",
  '\u00B4': "'",
  '`': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u201F': '"',
  '\u2033': '"',
  '\u00AB': '"',
  '\u00BB': '"',
  // dashes, hyphens, minus
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2015': '-',
  '\u2212': '-',
  // ellipsis, bullets, misc. symbols
  '\u2026': '...',
  '\u2022': '-',
  '\u00B7': '.',
  '\u00D7': 'x',
  '\u20AB': 'd',
  // Icelandic eth, often typed for Đ/đ in legacy Vietnamese text
  '\u00D0': 'D',
  '\u00F0': 'd',
  // spaces
  '\t': ' ',
  '\u00A0': ' ',
  '\u2000': ' ',
  '\u2001': ' ',
  '\u2002': ' ',
  '\u2003': ' ',
  '\u2004': ' ',
  '\u2005': ' ',
  '\u2006': ' ',
  '\u2007': ' ',
  '\u2008': ' ',
  '\u2009': ' ',
  '\u200A': ' ',
  '\u202F': ' ',
  '\u205F': ' ',
  '\u3000': ' ',
  // invisible characters are dropped
  '\u200B': '',
  '\u200C': '',
  '\u200D': '',
  '\u2060': '',
  '\uFEFF': '',
  '\u00AD': '',
};

/**
 * Text a brandname SMS can carry in GSM-7: Vietnamese diacritics stripped ("Hồ sơ đã được tiếp nhận" →
 * "Ho so da duoc tiep nhan"), typographic quotes/dashes/ellipsis/odd spaces replaced by ASCII, and any other
 * character outside the GSM 03.38 alphabet (emoji, CJK …) replaced by "?".
 */
export function toGsmText(text: string): string {
  let out = '';
  for (const char of foldDiacritics(text)) {
    if (gsm7CharSeptets(char) !== 0) out += char;
    else out += FALLBACKS[char] ?? '?';
  }
  return out;
}

export interface PreparedSms {
  text: string;
  encoding: SmsEncoding;
  segments: number;
}

/**
 * The text that is actually sent, its encoding and its part count (what is billed).
 * keepDiacritics false → `toGsmText` (always GSM-7); true → the text as written (NFC-normalised, which
 * changes nothing visible), UCS-2 as soon as one character is outside GSM-7.
 */
export function prepareSmsText(text: string, options: { keepDiacritics: boolean }): PreparedSms {
  const sent = options.keepDiacritics ? text.normalize('NFC') : toGsmText(text);
  const { encoding, segments } = countSegments(sent);
  return { text: sent, encoding, segments };
}
