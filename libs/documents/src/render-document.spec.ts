import { documentFixture } from './document-fixture';
import { DocumentData, DOCUMENT_FORMS } from './document-data';
import { DocumentDataError } from './document-data-error';
import { APOLOGY_TITLES } from './forms/apology.form';
import { CONTROL_SLIP_TITLE } from './forms/control-slip.form';
import { renderDocument, DOCUMENT_AUTHOR } from './render-document';

// The CommonJS entry of pdf-parse 1.x (its index runs a debug self-test when loaded without a parent module).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a deep CommonJS path without an import-able type
const pdfParse: typeof import('pdf-parse') = require('pdf-parse/lib/pdf-parse.js');

interface Extracted {
  text: string;
  pages: number;
  info: Record<string, unknown>;
  raw: string;
}

async function extract(pdf: Buffer): Promise<Extracted> {
  const parsed = await pdfParse(pdf);
  return { text: parsed.text, pages: parsed.numpages, info: parsed.info as Record<string, unknown>, raw: pdf.toString('latin1') };
}

async function render(form: DocumentData['form'], overrides: Partial<DocumentData> = {}): Promise<Extracted> {
  return extract(await renderDocument(documentFixture(form, overrides)));
}

const count = (haystack: string, needle: string): number => haystack.split(needle).length - 1;

describe('renderDocument', () => {
  describe.each(DOCUMENT_FORMS)('every form: %s', (form) => {
    let doc: Extracted;
    beforeAll(async () => {
      doc = await render(form);
    });

    it('is a one-page A4 PDF', () => {
      expect(doc.raw.startsWith('%PDF-')).toBe(true);
      expect(doc.pages).toBe(1);
      expect(doc.raw).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    });

    it('carries the official heading in Vietnamese, with the receiving agency', () => {
      expect(doc.text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(doc.text).toContain('Độc lập - Tự do - Hạnh phúc');
      expect(doc.text).toContain('UBND PHƯỜNG TRÀNG TIỀN');
      expect(doc.text).toContain('Bộ phận Một cửa Phường Tràng Tiền');
      expect(doc.text).toContain('Mã hồ sơ: 001.22.22.H26-261125-0001');
      expect(doc.text).toMatch(/Hà Nội, ngày \d{2} tháng \d{1,2} năm 2026/);
    });

    it('shows the applicant and the procedure', () => {
      expect(doc.text).toContain('Nguyễn Văn An');
      expect(doc.text).toContain('Đăng ký khai sinh');
    });

    it('has the tracking QR code, its caption and the URL on the page', () => {
      expect(doc.raw).toMatch(/\/Subtype \/Image/);
      expect(doc.text).toContain('Tra cứu hồ sơ');
      expect(doc.text).toContain('https://dichvucong.hanoi.gov.vn/tra-cuu/001.22.22.H26-261125-0001');
      expect(doc.text).not.toMatch(/Trang \d+\/\d+/);
    });

    it('embeds the Vietnamese font and sets the metadata', () => {
      expect(doc.raw).toContain('DejaVuSerif');
      expect(doc.info.Author).toBe(DOCUMENT_AUTHOR);
      expect(String(doc.info.Title)).toContain('001.22.22.H26-261125-0001');
    });
  });

  it('receipt (Mẫu số 01): components, reception time, appointment, delivery, fees and officer', async () => {
    const { text, info } = await render('receipt');
    expect(text).toContain('Mẫu số 01');
    expect(text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(info.Title).toBe('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ - 001.22.22.H26-261125-0001');
    expect(text).toContain('Hà Nội, ngày 25 tháng 11 năm 2026');
    expect(text).toContain('Tờ khai đăng ký khai sinh theo mẫu');
    expect(text).toContain('Giấy chứng sinh');
    expect(text).toContain('Chưa nộp');
    expect(text).toContain('Thời gian nhận hồ sơ: 08 giờ 30 phút, ngày 25 tháng 11 năm 2026');
    expect(text).toContain('Thời gian trả kết quả: 10 giờ 30 phút, ngày 27 tháng 11 năm 2026');
    expect(text).toContain('Nhận trực tiếp tại Bộ phận tiếp nhận và trả kết quả');
    expect(text).toContain('Phí cấp bản sao trích lục khai sinh: 8.000 đồng');
    expect(text).toContain('NGƯỜI TIẾP NHẬN HỒ SƠ');
    expect(text).toContain('Trần Thị Bích Ngọc\nCông chức Bộ phận Một cửa');
    expect(text).toContain('001089012345');
    expect(text).toContain('Số 12 phố Hàng Bài, Phường Tràng Tiền, Thành phố Hà Nội');
  });

  it('receipt without fees leaves the fee section out', async () => {
    const { text } = await render('receipt', { fees: [], feeTotalVnd: 0, resultDelivery: 'post' });
    expect(text).not.toContain('Phí, lệ phí');
    expect(text).toContain('Qua dịch vụ bưu chính công ích');
  });

  it('supplement request (Mẫu số 02): reason and the missing components', async () => {
    const { text } = await render('supplement-request');
    expect(text).toContain('Mẫu số 02');
    expect(text).toContain('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ');
    expect(text).toContain('Giấy chứng sinh bị tẩy xóa, không đọc được ngày sinh của trẻ');
    expect(text).toContain('Giấy chứng sinh (bản chính, không tẩy xóa)');
    expect(text).toContain('Giấy chứng nhận kết hôn của cha mẹ');
    expect(text).toContain('NGƯỜI HƯỚNG DẪN');
  });

  it('refusal (Mẫu số 03): the reason', async () => {
    const { text } = await render('refusal');
    expect(text).toContain('Mẫu số 03');
    expect(text).toContain('PHIẾU TỪ CHỐI TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ');
    expect(text.replace(/\s+/g, ' ')).toContain('Thủ tục không thuộc thẩm quyền giải quyết của Ủy ban nhân dân phường; đề nghị liên hệ Sở Tư pháp.');
  });

  it.each([
    ['decree_61_2018', APOLOGY_TITLES.decree_61_2018, 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ'],
    ['decree_118_2025', APOLOGY_TITLES.decree_118_2025, 'VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT'],
  ] as const)('apology (Mẫu số 04) under %s is titled by its rule set', async (ruleSet, title, literal) => {
    expect(title).toBe(literal);
    const { text } = await render('apology', { ruleSet });
    expect(text).toContain('Mẫu số 04');
    expect(text).toContain(literal);
    const other = ruleSet === 'decree_61_2018' ? APOLOGY_TITLES.decree_118_2025 : APOLOGY_TITLES.decree_61_2018;
    expect(text).not.toContain(other);
    expect(text).toContain('Cần xác minh thông tin với cơ sở y tế nơi trẻ được sinh ra');
    expect(text).toContain('10 giờ 30 phút, ngày 27 tháng 11 năm 2026');
    expect(text).toContain('16 giờ 00 phút, ngày 02 tháng 12 năm 2026');
    expect(text).toContain('Hà Nội, ngày 26 tháng 11 năm 2026');
    // The head of the agency's block: the leader who signs for it, with the title, not the officer who issued it.
    expect(text).toContain('THỦ TRƯỞNG CƠ QUAN');
    expect(text).toContain('Lê Hoàng Việt\nChủ tịch UBND phường');
    expect(text).not.toContain('Đặng Thu Trang');
  });

  it("apology with no leader to sign leaves the head's block for a hand signature", async () => {
    const fixture = documentFixture('apology');
    const { text } = await render('apology', { apology: { ...fixture.apology!, signedBy: null } });
    expect(text).toContain('THỦ TRƯỞNG CƠ QUAN');
    expect(text).not.toContain('Lê Hoàng Việt');
    expect(text).not.toContain('Đặng Thu Trang');
  });

  it.each([
    ['decree_61_2018', 'Mẫu số 05'],
    ['decree_118_2025', 'Mẫu số 06'],
  ] as const)('control slip under %s is %s, with every hand-over', async (ruleSet, formNumber) => {
    const { text } = await render('control-slip', { ruleSet });
    expect(text).toContain(formNumber);
    expect(text).toContain(CONTROL_SLIP_TITLE);
    expect(text).toContain('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ');
    // Table cells wrap within their column: compare with the line breaks flattened.
    const flat = text.replace(/\s+/g, ' ');
    for (const s of [
      'Bên giao',
      'Bên nhận',
      'Người giao',
      'Chuyển xử lý',
      'Trả kết quả',
      'Đúng hạn',
      'Phạm Quốc Hưng',
      'Phòng Văn hóa - Xã hội',
      '25/11/2026',
      '27/11/2026',
    ]) {
      expect(flat).toContain(s);
    }
  });

  it('breaks a long component list over pages, repeating the QR code and numbering the pages', async () => {
    const components = Array.from({ length: 40 }, (_, i) => ({
      code: `C${i}`,
      name: `Giấy tờ số ${i + 1} về quyền sử dụng đất ở và tài sản gắn liền với đất`,
      originals: 1,
      certifiedCopies: 0,
      photocopies: 1,
      provided: true,
    }));
    const { text, pages } = await render('receipt', { components });
    expect(pages).toBeGreaterThan(1);
    expect(count(text, 'Tra cứu hồ sơ')).toBe(pages);
    for (let p = 1; p <= pages; p++) expect(text).toContain(`Trang ${p}/${pages}`);
    expect(text).toContain('Giấy tờ số 40 về quyền sử dụng đất ở');
    expect(count(text, 'Tên giấy tờ')).toBeGreaterThan(1);
  });

  it('prints times in Hà Nội time whatever the offset given, and accepts decomposed (NFD) text', async () => {
    const { text } = await render('receipt', {
      receivedAt: '2026-11-24T17:45:00Z',
      dueAt: '2026-11-27T03:30:00Z',
      applicant: { ...documentFixture('receipt').applicant, fullName: 'Nguyễn Văn An'.normalize('NFD') },
    });
    expect(text).toContain('Thời gian nhận hồ sơ: 00 giờ 45 phút, ngày 25 tháng 11 năm 2026');
    expect(text).toContain('Thời gian trả kết quả: 10 giờ 30 phút, ngày 27 tháng 11 năm 2026');
    expect(text).toContain('Nguyễn Văn An');
  });

  it('is deterministic for the same data', async () => {
    const a = await renderDocument(documentFixture('receipt'));
    const b = await renderDocument(documentFixture('receipt'));
    expect(a.equals(b)).toBe(true);
  });

  describe('missing section data', () => {
    it.each([
      ['supplement-request', { supplement: null }, /no supplementation request data/],
      ['refusal', { refusal: null }, /no refusal data/],
      ['refusal', { refusal: undefined }, /no refusal data/],
      ['apology', { apology: null }, /no apology data/],
      ['control-slip', { controlSlip: undefined }, /no control slip data/],
      ['receipt', { receivedAt: null }, /reception time/],
      ['receipt', { dueAt: null }, /appointment/],
      ['refusal', { refusal: { reason: '  ', refusedAt: '2026-11-25T09:10:00+07:00', refusedBy: { name: 'X' } } }, /reason for the refusal/],
      [
        'apology',
        {
          apology: {
            reason: 'x',
            previousDueAt: 'not a date',
            newDueAt: '2026-12-02T16:00:00+07:00',
            issuedAt: '2026-11-26T15:00:00+07:00',
            issuedBy: { name: 'X' },
            signedBy: null,
          },
        },
        /previousDueAt/,
      ],
    ] as const)('%s with %j is refused with a DocumentDataError', async (form, overrides, message) => {
      const attempt = renderDocument(documentFixture(form, overrides as Partial<DocumentData>));
      await expect(attempt).rejects.toBeInstanceOf(DocumentDataError);
      await expect(renderDocument(documentFixture(form, overrides as Partial<DocumentData>))).rejects.toThrow(message);
    });

    it('names the dossier and the form in the message', async () => {
      await expect(renderDocument(documentFixture('refusal', { refusal: null }))).rejects.toThrow(
        "Dossier 001.22.22.H26-261125-0001 has no refusal data: form 'refusal' cannot be issued",
      );
    });

    it('rejects an unknown form', async () => {
      await expect(renderDocument(documentFixture('annual-report' as DocumentData['form']))).rejects.toThrow(DocumentDataError);
    });

    it('has no stop notice for a dossier received under Decree 61/2018', async () => {
      await expect(renderDocument({ ...documentFixture('stop-notice'), ruleSet: 'decree_61_2018' })).rejects.toThrow(/no stop notice/);
    });

    it('renders a control slip with no hand-over yet as an empty table', async () => {
      const { text } = await render('control-slip', { controlSlip: [] });
      expect(text).toContain('(chưa có lượt giao, nhận hồ sơ)');
    });
  });
});
