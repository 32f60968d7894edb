import { concatUdh8, splitIntoParts } from './concatenation';
import { countSegments } from './segments';

describe('concatenated SMS parts', () => {
  it.each([
    ['one GSM-7 SMS', 'a'.repeat(160), [160]],
    ['161 GSM-7 characters', 'a'.repeat(161), [153, 8]],
    ['306 GSM-7 characters', 'a'.repeat(306), [153, 153]],
    ['307 GSM-7 characters', 'a'.repeat(307), [153, 153, 1]],
    ['one UCS-2 SMS', 'ệ'.repeat(70), [70]],
    ['71 UCS-2 characters', 'ệ'.repeat(71), [67, 4]],
  ])('%s → parts of %j characters', (_label, text, lengths) => {
    const parts = splitIntoParts(text);
    expect(parts.map((p) => p.length)).toEqual(lengths);
    expect(parts.join('')).toBe(text);
    expect(parts).toHaveLength(countSegments(text).segments);
  });

  it('an escape pair (€ is ESC + 0x65) is not split across parts: 152 septets + € does not fit 153', () => {
    const text = `${'a'.repeat(152)}€${'b'.repeat(10)}`;
    expect(splitIntoParts(text)).toEqual(['a'.repeat(152), `€${'b'.repeat(10)}`]);
    expect(countSegments(text).segments).toBe(2);
  });

  it('a surrogate pair is not split across UCS-2 parts', () => {
    const text = `${'ệ'.repeat(66)}😀${'ệ'.repeat(5)}`;
    const parts = splitIntoParts(text);
    expect(parts[0]).toBe('ệ'.repeat(66));
    expect(parts[1].startsWith('😀')).toBe(true);
  });

  it.each([
    [7, 3, 1, [0x05, 0x00, 0x03, 7, 3, 1]],
    [300, 2, 2, [0x05, 0x00, 0x03, 44, 2, 2]],
  ])('UDH for reference %d, part %d/%d', (ref, total, seq, udh) => {
    expect(concatUdh8(ref, total, seq)).toEqual(udh);
  });

  it('refuses a part number outside 1..total', () => {
    expect(() => concatUdh8(1, 2, 3)).toThrow(RangeError);
    expect(() => concatUdh8(1, 256, 1)).toThrow(RangeError);
  });
});
