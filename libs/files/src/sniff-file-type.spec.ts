import { SNIFF_BYTES, sniffFileType } from './sniff-file-type';

const PNG_1X1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xd9]);

describe('sniffFileType', () => {
  it.each([
    ['a PDF', PDF, 'application/pdf', 'pdf'],
    ['a PNG', PNG_1X1, 'image/png', 'png'],
    ['a JPEG', JPEG, 'image/jpeg', 'jpg'],
    ['a Windows executable', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]), 'application/x-msdownload', 'exe'],
    ['a ZIP archive', Buffer.from([0x50, 0x4b, 0x03, 0x04, ...Array(40).fill(0)]), 'application/zip', 'zip'],
  ])('recognises %s from its content', async (_label, content, mime, ext) => {
    await expect(sniffFileType(content)).resolves.toEqual({ mime, ext });
  });

  it.each([
    ['plain text', Buffer.from('Đơn đề nghị cấp bản sao trích lục khai sinh\n')],
    ['HTML', Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>')],
    ['CSV', Buffer.from('ma,ten\n00079,Tràng Tiền\n')],
    ['nothing at all', Buffer.alloc(0)],
  ])('recognises nothing in %s', async (_label, content) => {
    await expect(sniffFileType(content)).resolves.toBeUndefined();
  });

  it('ignores bytes past the sniffing window', async () => {
    const late = Buffer.concat([Buffer.alloc(SNIFF_BYTES, 0x20), PDF]);
    await expect(sniffFileType(late)).resolves.toBeUndefined();
  });
});
