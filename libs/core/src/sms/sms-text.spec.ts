import { isGsm7 } from './gsm7';
import { prepareSmsText, toGsmText } from './sms-text';

describe('toGsmText', () => {
  // every vowel family, both cases: base, huyền, sắc, hỏi, ngã, nặng
  it.each([
    ['aàáảãạ', 'aaaaaa'],
    ['AÀÁẢÃẠ', 'AAAAAA'],
    ['ăằắẳẵặ', 'aaaaaa'],
    ['ĂẰẮẲẴẶ', 'AAAAAA'],
    ['âầấẩẫậ', 'aaaaaa'],
    ['ÂẦẤẨẪẬ', 'AAAAAA'],
    ['eèéẻẽẹ', 'eeeeee'],
    ['EÈÉẺẼẸ', 'EEEEEE'],
    ['êềếểễệ', 'eeeeee'],
    ['ÊỀẾỂỄỆ', 'EEEEEE'],
    ['iìíỉĩị', 'iiiiii'],
    ['IÌÍỈĨỊ', 'IIIIII'],
    ['oòóỏõọ', 'oooooo'],
    ['OÒÓỎÕỌ', 'OOOOOO'],
    ['ôồốổỗộ', 'oooooo'],
    ['ÔỒỐỔỖỘ', 'OOOOOO'],
    ['ơờớởỡợ', 'oooooo'],
    ['ƠỜỚỞỠỢ', 'OOOOOO'],
    ['uùúủũụ', 'uuuuuu'],
    ['UÙÚỦŨỤ', 'UUUUUU'],
    ['ưừứửữự', 'uuuuuu'],
    ['ƯỪỨỬỮỰ', 'UUUUUU'],
    ['yỳýỷỹỵ', 'yyyyyy'],
    ['YỲÝỶỸỴ', 'YYYYYY'],
    ['đ Đ', 'd D'],
    ['Đăng ký khai sinh', 'Dang ky khai sinh'],
    ['Hồ sơ đã được tiếp nhận. Ngày hẹn trả: 26/11/2026', 'Ho so da duoc tiep nhan. Ngay hen tra: 26/11/2026'],
    ['Ủy ban nhân dân phường Hoàn Kiếm', 'Uy ban nhan dan phuong Hoan Kiem'],
  ])('strips diacritics: %s → %s', (input, expected) => {
    expect(toGsmText(input)).toBe(expected);
  });

  it('folds decomposed (NFD) input the same as composed', () => {
    expect(toGsmText('Hồ sơ đã được tiếp nhận'.normalize('NFD'))).toBe('Ho so da duoc tiep nhan');
  });

  it.each([
    ['smart single quotes', '‘a’', "'a'"],
    ['smart double quotes', '“a” „b‟ «c»', '"a" "b" "c"'],
    ['en and em dashes', '1–2 — 3', '1-2 - 3'],
    ['ellipsis', 'chờ…', 'cho...'],
    ['non-breaking space', '100\u00a0000', '100 000'],
    ['narrow NBSP and thin space', 'a\u202fb\u2009c', 'a b c'],
    ['tab', 'a\tb', 'a b'],
    ['zero-width space dropped', 'a\u200bb', 'ab'],
    ['đồng sign', '100.000₫', '100.000d'],
    ['eth typed for Đ', 'Ðống Ða', 'Dong Da'],
    ['emoji', 'ok 👍', 'ok ?'],
    ['CJK', '河内', '??'],
    ['backtick', '`x`', "'x'"],
    ['GSM extension chars kept', '{[€]}', '{[€]}'],
    ['GSM basic specials kept', '@£$¥', '@£$¥'],
  ])('falls back to GSM-7: %s', (_label, input, expected) => {
    expect(toGsmText(input)).toBe(expected);
    expect(isGsm7(toGsmText(input))).toBe(true);
  });
});

describe('prepareSmsText', () => {
  const text = 'Hồ sơ 000.00.12.H26-261123-0001 đã được tiếp nhận. Ngày hẹn trả: 26/11/2026.';

  it('without diacritics: GSM-7, one segment (the domain.md example)', () => {
    expect(prepareSmsText(text, { keepDiacritics: false })).toEqual({
      text: 'Ho so 000.00.12.H26-261123-0001 da duoc tiep nhan. Ngay hen tra: 26/11/2026.',
      encoding: 'GSM7',
      segments: 1,
    });
  });

  it('with diacritics: UCS-2, the text kept (77 units → 2 segments)', () => {
    expect(prepareSmsText(text, { keepDiacritics: true })).toEqual({ text, encoding: 'UCS2', segments: 2 });
  });

  it('with diacritics normalises NFD input to NFC (fewer units, same text)', () => {
    expect(prepareSmsText(text.normalize('NFD'), { keepDiacritics: true }).text).toBe(text);
  });

  it('keepDiacritics on plain GSM text stays GSM-7', () => {
    expect(prepareSmsText('Ma OTP: 123456', { keepDiacritics: true })).toEqual({ text: 'Ma OTP: 123456', encoding: 'GSM7', segments: 1 });
  });
});
