import { DocumentData, DocumentForm } from './document-data';

/**
 * A complete, realistic dossier for tests and previews: a birth registration received at the one-stop desk of
 * Phường Tràng Tiền on 25 November 2026, due on the 27th.
 */
export function documentFixture(form: DocumentForm, overrides: Partial<DocumentData> = {}): DocumentData {
  return {
    form,
    ruleSet: 'decree_118_2025',
    dossierCode: '001.22.22.H26-261125-0001',
    procedureCode: '1.001193',
    procedureName: 'Đăng ký khai sinh',
    agency: { code: '001.22.22.H26', name: 'Bộ phận Một cửa Phường Tràng Tiền', unitName: 'Phường Tràng Tiền', parentName: null },
    applicant: {
      fullName: 'Nguyễn Văn An',
      idNumber: '001089012345',
      phone: '0912345678',
      address: 'Số 12 phố Hàng Bài, Phường Tràng Tiền, Thành phố Hà Nội',
      email: 'an.nguyen@example.vn',
    },
    submittedAt: '2026-11-25T08:12:00+07:00',
    receivedAt: '2026-11-25T08:30:00+07:00',
    dueAt: '2026-11-27T10:30:00+07:00',
    components: [
      { code: 'TK01', name: 'Tờ khai đăng ký khai sinh theo mẫu', originals: 1, certifiedCopies: 0, photocopies: 0, provided: true },
      { code: 'GCS', name: 'Giấy chứng sinh', originals: 1, certifiedCopies: 0, photocopies: 0, provided: true },
      { code: 'CCCD', name: 'Căn cước công dân của người đi đăng ký', originals: 0, certifiedCopies: 1, photocopies: 1, provided: true },
      { code: 'UQ', name: 'Văn bản ủy quyền (trường hợp ủy quyền)', originals: 1, certifiedCopies: 0, photocopies: 0, provided: false },
    ],
    resultDelivery: 'desk',
    receivedBy: { name: 'Trần Thị Bích Ngọc', title: 'Công chức Bộ phận Một cửa' },
    supplement: {
      reason: 'Giấy chứng sinh bị tẩy xóa, không đọc được ngày sinh của trẻ',
      missing: [
        { code: 'GCS', name: 'Giấy chứng sinh (bản chính, không tẩy xóa)' },
        { code: 'KH', name: 'Giấy chứng nhận kết hôn của cha mẹ' },
      ],
      requestedAt: '2026-11-25T09:05:00+07:00',
      requestedBy: { name: 'Trần Thị Bích Ngọc', title: 'Công chức Bộ phận Một cửa' },
    },
    refusal: {
      reason: 'Thủ tục không thuộc thẩm quyền giải quyết của Ủy ban nhân dân phường; đề nghị liên hệ Sở Tư pháp.',
      refusedAt: '2026-11-25T09:10:00+07:00',
      refusedBy: { name: 'Trần Thị Bích Ngọc', title: 'Công chức Bộ phận Một cửa' },
    },
    stop: {
      reason: 'Người yêu cầu đã rút yêu cầu bằng văn bản',
      stoppedAt: '2026-11-27T10:00:00+07:00',
      stoppedBy: { name: 'Lê Quang Huy', title: 'Chủ tịch UBND phường' },
    },
    apology: {
      reason: 'Cần xác minh thông tin với cơ sở y tế nơi trẻ được sinh ra',
      previousDueAt: '2026-11-27T10:30:00+07:00',
      newDueAt: '2026-12-02T16:00:00+07:00',
      issuedAt: '2026-11-26T15:00:00+07:00',
      issuedBy: { name: 'Đặng Thu Trang', title: 'Công chức Tư pháp - Hộ tịch' },
      signedBy: { name: 'Lê Hoàng Việt', title: 'Chủ tịch UBND phường' },
    },
    controlSlip: [
      {
        fromAgencyName: null,
        toAgencyName: 'Bộ phận Một cửa Phường Tràng Tiền',
        at: '2026-11-25T08:30:00+07:00',
        givenBy: 'Nguyễn Văn An',
        result: null,
        action: 'Nộp hồ sơ',
      },
      {
        fromAgencyName: 'Bộ phận Một cửa Phường Tràng Tiền',
        toAgencyName: 'Phòng Văn hóa - Xã hội',
        at: '2026-11-25T10:00:00+07:00',
        givenBy: 'Trần Thị Bích Ngọc',
        result: null,
        action: 'Chuyển xử lý',
      },
      {
        fromAgencyName: 'Phòng Văn hóa - Xã hội',
        toAgencyName: 'Bộ phận Một cửa Phường Tràng Tiền',
        at: '2026-11-27T09:00:00+07:00',
        givenBy: 'Phạm Quốc Hưng',
        result: 'on_time',
        action: 'Trả kết quả',
      },
    ],
    fees: [{ name: 'Phí cấp bản sao trích lục khai sinh', amountVnd: 8000 }],
    feeTotalVnd: 8000,
    trackingUrl: 'https://dichvucong.hanoi.gov.vn/tra-cuu/001.22.22.H26-261125-0001',
    ...overrides,
  };
}
