import { cleanText } from './clean-text';

/**
 * Removes Vietnamese diacritics: tone marks and the letter modifications (ă â ê ô ơ ư → a a e o o u,
 * đ → d), keeping case. "Đăng ký khai sinh" → "Dang ky khai sinh". Used for search keys and GSM-7 SMS text.
 */
export function foldDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}

/** Lower-case, diacritic-free, single-spaced: the key both the catalogue and a query are compared on. */
export function searchKey(text: string): string {
  return foldDiacritics(text).toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The worklist's search key of an applicant's name: the same folding, on text cleaned as it is stored. */
export function applicantSearchKey(fullName: string): string {
  return searchKey(cleanText(fullName));
}
