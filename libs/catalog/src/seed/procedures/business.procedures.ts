import type { ProcedureDefinition } from '@dvc/core';
import { businessLines, date, email, form, gender, int, mobile, object, personalId, text } from './schema-helpers';

/**
 * Business registration (Luật Doanh nghiệp 2020, Nghị định 01/2021/NĐ-CP):
 *  - household businesses: the district business registration office (Phòng Tài chính - Kế hoạch);
 *  - enterprises: the Business Registration Office of the Department of Planning and Investment.
 * In both cases the registration office itself signs the certificate.
 */

const BUSINESS_LAW = [
  'Luật Doanh nghiệp số 59/2020/QH14',
  'Nghị định 01/2021/NĐ-CP về đăng ký doanh nghiệp',
  'Thông tư 01/2021/TT-BKHĐT hướng dẫn về đăng ký doanh nghiệp',
];

const owner = (title: string) =>
  object(
    title,
    {
      hoTen: text('Họ, chữ đệm và tên', 100),
      ngaySinh: date('Ngày, tháng, năm sinh'),
      gioiTinh: gender(),
      danToc: text('Dân tộc', 50),
      quocTich: text('Quốc tịch', 60),
      soDinhDanh: personalId(),
      noiThuongTru: text('Địa chỉ thường trú', 300),
      noiOHienTai: text('Địa chỉ liên lạc', 300),
      soDienThoai: mobile(),
      email: email(),
    },
    ['hoTen', 'ngaySinh', 'gioiTinh', 'soDinhDanh', 'noiThuongTru', 'soDienThoai'],
  );

export const BUSINESS_PROCEDURES: ProcedureDefinition[] = [
  {
    code: '1.001612',
    name: 'Đăng ký thành lập hộ kinh doanh',
    field: 'Thành lập và hoạt động của hộ kinh doanh',
    fieldCode: 'ho-kinh-doanh',
    receivingLevels: ['district'],
    decidingLevel: 'district',
    onlineLevel: 4,
    // 03 ngày làm việc kể từ ngày nhận hồ sơ hợp lệ (Nghị định 01/2021/NĐ-CP, Điều 88).
    processingTime: { workingDays: 3 },
    components: [
      {
        code: 'GDN',
        name: 'Giấy đề nghị đăng ký hộ kinh doanh (Phụ lục III-1 Thông tư 01/2021/TT-BKHĐT)',
        originals: 1,
        certifiedCopies: 0,
        photocopies: 0,
        required: true,
      },
      {
        code: 'GTPL',
        name: 'Bản sao giấy tờ pháp lý của cá nhân đối với các thành viên hộ gia đình đăng ký hộ kinh doanh',
        originals: 0,
        certifiedCopies: 0,
        photocopies: 1,
        required: true,
      },
      {
        code: 'BBH',
        name: 'Biên bản họp thành viên hộ gia đình về việc thành lập hộ kinh doanh (các thành viên cùng đăng ký)',
        originals: 1,
        certifiedCopies: 0,
        photocopies: 0,
        required: false,
      },
      {
        code: 'VBUQ',
        name: 'Văn bản ủy quyền cho thành viên hộ gia đình làm chủ hộ kinh doanh (các thành viên cùng đăng ký)',
        originals: 1,
        certifiedCopies: 0,
        photocopies: 0,
        required: false,
      },
    ],
    fees: [
      {
        code: 'LP_DK_HKD',
        kind: 'charge',
        name: 'Lệ phí đăng ký hộ kinh doanh',
        basis: 'fixed',
        amountVnd: 100000,
        payment: 'before',
      },
    ],
    formSchema: form(
      'Giấy đề nghị đăng ký hộ kinh doanh',
      {
        tenHoKinhDoanh: text('Tên hộ kinh doanh', 200),
        chuHo: owner('Chủ hộ kinh doanh'),
        diaChiKinhDoanh: text('Địa chỉ trụ sở hộ kinh doanh', 300),
        soDienThoaiHoKinhDoanh: mobile('Điện thoại của hộ kinh doanh'),
        nganhNghe: businessLines(),
        vonKinhDoanh: int('Vốn kinh doanh (đồng)', 0),
        soLaoDong: int('Số lượng lao động', 0, 10000),
      },
      ['tenHoKinhDoanh', 'chuHo', 'diaChiKinhDoanh', 'nganhNghe', 'vonKinhDoanh'],
    ),
    workflow: [
      { code: 'TIEP_NHAN', name: 'Tiếp nhận hồ sơ tại Bộ phận Một cửa UBND cấp huyện', level: 'district', sector: 'one_stop', sharePercent: 10 },
      {
        code: 'THAM_DINH',
        name: 'Chuyên viên Phòng Tài chính - Kế hoạch kiểm tra tính hợp lệ, tên hộ kinh doanh, ngành nghề; nhập Hệ thống thông tin quốc gia về đăng ký hộ kinh doanh',
        level: 'district',
        sector: 'planning_investment',
        sharePercent: 60,
      },
      { code: 'PHE_DUYET', name: 'Lãnh đạo Phòng Tài chính - Kế hoạch ký Giấy chứng nhận đăng ký hộ kinh doanh', level: 'district', sector: 'planning_investment', sharePercent: 20 },
      { code: 'TRA_KET_QUA', name: 'Trả kết quả tại Bộ phận Một cửa UBND cấp huyện', level: 'district', sector: 'one_stop', sharePercent: 10 },
    ],
    resultName: 'Giấy chứng nhận đăng ký hộ kinh doanh',
    legalBasis: [...BUSINESS_LAW, 'Thông tư 85/2019/TT-BTC hướng dẫn về phí và lệ phí thuộc thẩm quyền quyết định của HĐND cấp tỉnh'],
  },

  {
    code: '2.001610',
    name: 'Đăng ký thành lập doanh nghiệp tư nhân',
    field: 'Thành lập và hoạt động của doanh nghiệp',
    fieldCode: 'doanh-nghiep',
    receivingLevels: ['city'],
    decidingLevel: 'city',
    onlineLevel: 4,
    // 03 ngày làm việc kể từ ngày nhận hồ sơ hợp lệ (Luật Doanh nghiệp 2020, Điều 26).
    processingTime: { workingDays: 3 },
    components: [
      {
        code: 'GDN',
        name: 'Giấy đề nghị đăng ký doanh nghiệp tư nhân (Phụ lục I-1 Thông tư 01/2021/TT-BKHĐT)',
        originals: 1,
        certifiedCopies: 0,
        photocopies: 0,
        required: true,
      },
      {
        code: 'GTPL',
        name: 'Bản sao giấy tờ pháp lý của cá nhân đối với chủ doanh nghiệp tư nhân',
        originals: 0,
        certifiedCopies: 0,
        photocopies: 1,
        required: true,
      },
      {
        code: 'VBUQ',
        name: 'Văn bản ủy quyền cho người nộp hồ sơ và bản sao giấy tờ pháp lý của người được ủy quyền (nếu có)',
        originals: 1,
        certifiedCopies: 0,
        photocopies: 1,
        required: false,
      },
    ],
    fees: [
      {
        code: 'LP_DKDN',
        kind: 'charge',
        name: 'Lệ phí đăng ký doanh nghiệp',
        basis: 'fixed',
        amountVnd: 50000,
        exemptions: [{ code: 'DANG_KY_QUA_MANG', description: 'Đăng ký doanh nghiệp qua mạng thông tin điện tử' }],
        exemptionField: 'mienLePhi',
        payment: 'before',
      },
      {
        code: 'PHI_CONG_BO',
        kind: 'fee',
        name: 'Phí công bố nội dung đăng ký doanh nghiệp',
        basis: 'fixed',
        amountVnd: 100000,
        payment: 'before',
      },
    ],
    formSchema: form(
      'Giấy đề nghị đăng ký doanh nghiệp tư nhân',
      {
        tenDoanhNghiep: object(
          'Tên doanh nghiệp',
          {
            tenTiengViet: text('Tên doanh nghiệp viết bằng tiếng Việt', 200),
            tenTiengNuocNgoai: text('Tên doanh nghiệp viết bằng tiếng nước ngoài', 200),
            tenVietTat: text('Tên doanh nghiệp viết tắt', 100),
          },
          ['tenTiengViet'],
        ),
        truSoChinh: object(
          'Địa chỉ trụ sở chính',
          {
            diaChi: text('Số nhà, đường phố, xã/phường, quận/huyện', 300),
            soDienThoai: mobile('Điện thoại'),
            email: email(),
          },
          ['diaChi', 'soDienThoai'],
        ),
        chuDoanhNghiep: owner('Chủ doanh nghiệp tư nhân'),
        nganhNghe: businessLines(),
        vonDauTu: int('Vốn đầu tư (đồng)', 1),
        mienLePhi: { type: 'string', title: 'Trường hợp miễn lệ phí đăng ký doanh nghiệp', enum: ['DANG_KY_QUA_MANG'] },
      },
      ['tenDoanhNghiep', 'truSoChinh', 'chuDoanhNghiep', 'nganhNghe', 'vonDauTu'],
    ),
    workflow: [
      { code: 'TIEP_NHAN', name: 'Tiếp nhận hồ sơ tại Bộ phận Một cửa Sở Kế hoạch và Đầu tư', level: 'city', sector: 'one_stop', sharePercent: 5 },
      {
        code: 'THAM_DINH',
        name: 'Phòng Đăng ký kinh doanh kiểm tra tính hợp lệ của hồ sơ, tên doanh nghiệp; cấp mã số doanh nghiệp qua Hệ thống thông tin quốc gia về đăng ký doanh nghiệp',
        level: 'city',
        sector: 'planning_investment',
        sharePercent: 70,
      },
      { code: 'PHE_DUYET', name: 'Lãnh đạo Phòng Đăng ký kinh doanh ký Giấy chứng nhận đăng ký doanh nghiệp', level: 'city', sector: 'planning_investment', sharePercent: 15 },
      { code: 'TRA_KET_QUA', name: 'Trả kết quả tại Bộ phận Một cửa Sở Kế hoạch và Đầu tư hoặc qua bưu chính', level: 'city', sector: 'one_stop', sharePercent: 10 },
    ],
    resultName: 'Giấy chứng nhận đăng ký doanh nghiệp',
    legalBasis: [...BUSINESS_LAW, 'Thông tư 47/2019/TT-BTC quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí, lệ phí cung cấp thông tin doanh nghiệp, lệ phí đăng ký doanh nghiệp'],
  },
];
