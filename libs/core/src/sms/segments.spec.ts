import { countSegments } from './segments';

const gsm = (n: number) => 'a'.repeat(n);
const ucs = (n: number) => 'ồ'.repeat(n); // one UTF-16 unit each
const EMOJI = '😀'; // a surrogate pair: 2 UTF-16 units

describe('countSegments', () => {
  it.each([
    ['empty text', '', 'GSM7', 1, 0, 160],
    ['1 GSM char', gsm(1), 'GSM7', 1, 1, 160],
    ['160 GSM chars', gsm(160), 'GSM7', 1, 160, 160],
    ['161 GSM chars', gsm(161), 'GSM7', 2, 161, 153],
    ['306 GSM chars', gsm(306), 'GSM7', 2, 306, 153],
    ['307 GSM chars', gsm(307), 'GSM7', 3, 307, 153],
    ['459 GSM chars', gsm(459), 'GSM7', 3, 459, 153],
    ['460 GSM chars', gsm(460), 'GSM7', 4, 460, 153],
    ['80 extension chars (160 septets)', '€'.repeat(80), 'GSM7', 1, 160, 160],
    ['159 chars + € (161 septets)', gsm(159) + '€', 'GSM7', 2, 161, 153],
    // 152 septets then € (2 septets): only 1 left in part 1, so € moves to part 2 — no split escape pair
    ['€ straddling the 153 boundary', gsm(152) + '€' + gsm(152), 'GSM7', 3, 306, 153],
    ['€ just fitting before the boundary', gsm(151) + '€' + gsm(153), 'GSM7', 2, 306, 153],
    ['€ right after the boundary', gsm(153) + '€' + gsm(151), 'GSM7', 2, 306, 153],
    ['70 UCS-2 units', ucs(70), 'UCS2', 1, 70, 70],
    ['71 UCS-2 units', ucs(71), 'UCS2', 2, 71, 67],
    ['134 UCS-2 units', ucs(134), 'UCS2', 2, 134, 67],
    ['135 UCS-2 units', ucs(135), 'UCS2', 3, 135, 67],
    ['one non-GSM char forces UCS-2', gsm(69) + 'ồ', 'UCS2', 1, 70, 70],
    ['35 emoji (70 units)', EMOJI.repeat(35), 'UCS2', 1, 70, 70],
    // 66 units then an emoji: only 1 unit left in part 1, the pair moves to part 2
    ['emoji straddling the 67 boundary', ucs(66) + EMOJI + ucs(66), 'UCS2', 3, 134, 67],
    ['emoji just fitting before the boundary', ucs(65) + EMOJI + ucs(67), 'UCS2', 2, 134, 67],
    ['67 emoji (134 units, 33 per part)', EMOJI.repeat(67), 'UCS2', 3, 134, 67],
  ])('%s', (_label, text, encoding, segments, units, perSegment) => {
    expect(countSegments(text)).toEqual({ encoding, segments, units, perSegment });
  });
});
