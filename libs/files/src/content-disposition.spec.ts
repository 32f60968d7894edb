import { contentDisposition } from './content-disposition';

describe('contentDisposition', () => {
  it('gives an ASCII fallback and the UTF-8 name (RFC 5987)', () => {
    expect(contentDisposition('Giấy khai sinh.pdf')).toBe(`attachment; filename="Giay khai sinh.pdf"; filename*=UTF-8''Gi%E1%BA%A5y%20khai%20sinh.pdf`);
    expect(contentDisposition('Đơn (bản sao).pdf')).toBe(
      `attachment; filename="Don (ban sao).pdf"; filename*=UTF-8''%C4%90%C6%A1n%20%28b%E1%BA%A3n%20sao%29.pdf`,
    );
  });

  it('lets no quote, backslash or line break out of the header', () => {
    const value = contentDisposition('a"b\\c\r\nSet-Cookie: x=1.pdf');
    expect(value).not.toMatch(/[\r\n]/);
    expect(value).toContain('filename="a_b_c__Set-Cookie: x=1.pdf"');
  });
});
