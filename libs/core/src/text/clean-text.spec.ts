import { cleanText, cleanTextDeep } from './clean-text';
import { searchKey } from './fold-diacritics';

describe('cleanText', () => {
  it.each([
    ['Nguyễn Thị Hằng', 'Nguyễn Thị Hằng'],
    // Decomposed marks (U+0303 tilde, U+0323 dot below, U+0300 grave, U+0306 breve) become the composed letters.
    ['Nguye\u0302\u0303n Thi\u0323 Ha\u0306\u0300ng', 'Nguyễn Thị Hằng'],
    ['\u202eNguyễn\u202c Văn An', 'Nguyễn Văn An'],
    ['Ng\u200buyễn', 'Nguyễn'],
    ['\u2066Trần\u2069 \u2067Thị\u2069 \u2068Bình\u2069', 'Trần Thị Bình'],
    ['\u200eLê\u200f Văn', 'Lê Văn'],
    ['\ufeffPhạm', 'Phạm'],
    ['a\u200c\u200db\u2060c', 'abc'],
    ['12 Tràng Tiền\nHoàn Kiếm\tHà Nội', '12 Tràng Tiền\nHoàn Kiếm\tHà Nội'],
    ['a\u0000b\u0007c\u007fd\u0085e', 'abcde'],
    ['a\ud800b', 'a\ufffdb'],
    ['😀 Đ', '😀 Đ'],
  ])('%j → %j', (raw, expected) => {
    expect(cleanText(raw)).toBe(expected);
  });

  it('removes a zero-width character between a letter and its mark before composing', () => {
    expect(cleanText('Ha\u200b\u0300ng')).toBe('Hàng');
  });

  it('cleans every string of a form, keys included, and leaves other values alone', () => {
    const form = { hoTen: 'Ha\u0306\u0300ng', 'so\u200bDinhDanh': '001', ds: ['\u202eA', 2, true, null, { x: 'Thi\u0323' }] };
    expect(cleanTextDeep(form)).toEqual({ hoTen: 'Hằng', soDinhDanh: '001', ds: ['A', 2, true, null, { x: 'Thị' }] });
  });

  it('decomposed, composed and unaccented names have one search key', () => {
    const keys = ['Nguyễn Thị Hằng', 'Nguyễn Thị Hằng'.normalize('NFD'), 'Nguyen Thi Hang', 'NGUYỄN thị  HẰNG'].map((n) => searchKey(cleanText(n)));
    expect(new Set(keys)).toEqual(new Set(['nguyen thi hang']));
  });
});
