import { foldDiacritics, searchKey } from './fold-diacritics';

describe('foldDiacritics', () => {
  it.each([
    ['Đăng ký khai sinh', 'Dang ky khai sinh'],
    ['đ Đ', 'd D'],
    ['àáảãạ ằắẳẵặ ầấẩẫậ', 'aaaaa aaaaa aaaaa'],
    ['èéẻẽẹ ềếểễệ', 'eeeee eeeee'],
    ['ìíỉĩị', 'iiiii'],
    ['òóỏõọ ồốổỗộ ờớởỡợ', 'ooooo ooooo ooooo'],
    ['ùúủũụ ừứửữự', 'uuuuu uuuuu'],
    ['ỳýỷỹỵ', 'yyyyy'],
    ['ĂÂÊÔƠƯ', 'AAEOOU'],
    ['Hồ sơ đã được tiếp nhận', 'Ho so da duoc tiep nhan'],
    ['plain ASCII 123', 'plain ASCII 123'],
  ])('%s → %s', (input, expected) => {
    expect(foldDiacritics(input)).toBe(expected);
  });

  it('handles decomposed (NFD) input the same as composed', () => {
    expect(foldDiacritics('Đăng ký'.normalize('NFD'))).toBe('Dang ky');
  });

  it('searchKey lower-cases, folds and collapses spaces', () => {
    expect(searchKey('  Đăng   KÝ khai  SINH ')).toBe('dang ky khai sinh');
  });
});
