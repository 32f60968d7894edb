import { GSM7_BASIC_CHARS, GSM7_EXTENSION_CHARS, gsm7CharSeptets, gsm7Length, isGsm7 } from './gsm7';

describe('GSM-7 alphabet', () => {
  it('has the 127 characters of the basic table (128 minus the escape) and 10 extension characters', () => {
    expect([...GSM7_BASIC_CHARS]).toHaveLength(127);
    expect(new Set(GSM7_BASIC_CHARS).size).toBe(127);
    expect([...GSM7_EXTENSION_CHARS]).toHaveLength(10);
    expect(GSM7_BASIC_CHARS).not.toContain('\x1b');
  });

  it.each([
    ['plain ASCII letters and digits', 'Ho so 000.00.12.H26-261123-0001', true],
    ['basic-table specials', '@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ¤¡ÄÖÑÜ§¿äöñüà', true],
    ['newline and carriage return', 'a\nb\r\nc', true],
    ['extension chars', '^{}\\[~]|', true],
    ['euro sign', 'Phí 10€', false], // í is not GSM-7
    ['euro sign alone', '10€', true],
    ['form feed', 'a\fb', true],
    ['empty', '', true],
    ['Vietnamese diacritics', 'Hồ sơ', false],
    ['đ', 'đ', false],
    ['backtick', '`', false],
    ['lower-case c cedilla (only Ç is in the table)', 'ç', false],
    ['smart quote', '’', false],
    ['emoji', 'ok 👍', false],
    ['tab', 'a\tb', false],
    ['raw escape', '\x1b', false],
  ])('%s → %s', (_label, text, expected) => {
    expect(isGsm7(text)).toBe(expected);
  });

  it.each([
    ['', 0],
    ['abc', 3],
    ['€', 2],
    ['{x}', 5],
    ['^{}\\[~]|€\f', 20],
    ['@£$', 3],
    ['a\r\nb', 4],
  ])('gsm7Length(%j) = %i', (text, septets) => {
    expect(gsm7Length(text)).toBe(septets);
  });

  it('gsm7Length throws on text that is not GSM-7', () => {
    expect(() => gsm7Length('Hồ')).toThrow(RangeError);
  });

  it.each([
    ['a', 1],
    ['€', 2],
    ['|', 2],
    ['ồ', 0],
    ['😀', 0],
  ])('gsm7CharSeptets(%j) = %i', (char, septets) => {
    expect(gsm7CharSeptets(char)).toBe(septets);
  });
});
