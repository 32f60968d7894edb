import { MAX_FILE_NAME_LENGTH, sanitizeFileName, storedFileName } from './sanitize-file-name';

describe('sanitizeFileName', () => {
  it.each([
    ['Giấy khai sinh.pdf', 'Giấy khai sinh.pdf'],
    ['Đơn đề nghị – bản chính (1).PDF', 'Đơn đề nghị – bản chính (1).PDF'],
    ['../../etc/passwd.pdf', 'passwd.pdf'],
    ['..\\..\\Windows\\system32\\cmd.pdf', 'cmd.pdf'],
    ['C:\\Users\\An\\Tài liệu\\CCCD mặt trước.jpg', 'CCCD mặt trước.jpg'],
    ['/absolute/path/ảnh.png', 'ảnh.png'],
    ['a\u0000b\r\nc\t.pdf', 'abc.pdf'],
    ['invoice\u202Efdp.exe', 'invoicefdp.exe'],
    ['  many    spaces   .pdf  ', 'many spaces .pdf'],
    ['\ufeffbom.pdf', 'bom.pdf'],
  ])('%j → %j', (raw, expected) => {
    expect(sanitizeFileName(raw)).toBe(expected);
  });

  it('normalises decomposed Vietnamese (as macOS sends it) to composed form', () => {
    const decomposed = 'Giấy tờ.pdf'.normalize('NFD');
    expect(decomposed).not.toBe('Giấy tờ.pdf');
    expect(sanitizeFileName(decomposed)).toBe('Giấy tờ.pdf');
  });

  it.each([[''], ['   '], ['..'], ['.'], ['../'], ['a/..'], [undefined], [null], ['\u0001\u0002']])('%j falls back', (raw) => {
    expect(sanitizeFileName(raw as string | undefined, 'file.pdf')).toBe('file.pdf');
  });

  it('limits the length to 255 characters, keeping the extension and whole characters', () => {
    const long = `${'Đơn xin xác nhận '.repeat(30)}.pdf`;
    const name = sanitizeFileName(long);
    expect(Array.from(name)).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(name.endsWith('.pdf')).toBe(true);
    expect(name.startsWith('Đơn xin xác nhận')).toBe(true);

    const emoji = sanitizeFileName('😀'.repeat(300));
    expect(Array.from(emoji)).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(emoji).toBe('😀'.repeat(MAX_FILE_NAME_LENGTH));
  });

  it('replaces lone surrogates so the name is valid UTF-8', () => {
    expect(sanitizeFileName('a\ud800b.pdf')).toBe('a\ufffdb.pdf');
  });
});

describe("storedFileName: the sniffed type's extension", () => {
  it.each([
    ['x.html', 'pdf', 'x.pdf'],
    ['x.php', 'pdf', 'x.pdf'],
    ['shell.php', 'png', 'shell.png'],
    ['ảnh.HTML', 'jpg', 'ảnh.jpg'],
    ['Giấy khai sinh.pdf', 'pdf', 'Giấy khai sinh.pdf'],
    ['Giấy khai sinh.PDF', 'pdf', 'Giấy khai sinh.PDF'],
    ['CCCD.jpeg', 'jpg', 'CCCD.jpeg'],
    ['CCCD.JPG', 'jpg', 'CCCD.JPG'],
    ['scan', 'pdf', 'scan.pdf'],
    ['Đơn v1.2', 'pdf', 'Đơn v1.2.pdf'],
    ['report.pdf.exe', 'pdf', 'report.pdf.pdf'],
    ['invoice\u202Efdp.exe', 'pdf', 'invoicefdp.pdf'],
    ['x.', 'pdf', 'x.pdf'],
    ['', 'png', 'file.png'],
    [undefined, 'pdf', 'file.pdf'],
    ['../../.htaccess', 'pdf', 'file.pdf'],
  ])('%j sniffed as %s → %j', (raw, ext, expected) => {
    expect(storedFileName(raw, ext)).toBe(expected);
  });

  it('keeps within 255 characters with the new extension', () => {
    const name = storedFileName(`${'Đơn '.repeat(100)}.html`, 'pdf');
    expect(Array.from(name).length).toBeLessThanOrEqual(MAX_FILE_NAME_LENGTH);
    expect(name.endsWith('.pdf')).toBe(true);
  });
});
