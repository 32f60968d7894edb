import type { ProcedureDefinition } from '@dvc/core';
import { applicant, date, email, form, gender, int, mobile, object, oneOfText, personalId, text } from './schema-helpers';

/**
 * Lĩnh vực Hộ tịch — commune-level procedures of the Ministry of Justice (Luật Hộ tịch 2014).
 * Fees: Luật Hộ tịch Điều 11 exempts on-time birth and death registration and marriage registration of citizens
 * residing in Việt Nam; other civil-status charges are set by the city People's Council (Thông tư 85/2019/TT-BTC).
 */

const FIELD = 'Hộ tịch';
const FIELD_CODE = 'ho-tich';

const HO_TICH_LAW = ['Luật Hộ tịch số 60/2014/QH13', 'Nghị định 123/2015/NĐ-CP quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch'];
const HO_TICH_FORMS = 'Thông tư 04/2020/TT-BTP quy định chi tiết thi hành Luật Hộ tịch và Nghị định 123/2015/NĐ-CP';
const HO_TICH_ONLINE = 'Nghị định 87/2020/NĐ-CP quy định về Cơ sở dữ liệu hộ tịch điện tử, đăng ký hộ tịch trực tuyến';

const ETHNICITY = (title = 'Dân tộc') => text(title, 50);
const NATIONALITY = (title = 'Quốc tịch') => text(title, 60);

/** Identity of a parent as entered on the birth registration form. */
const parent = (title: string) =>
  object(
    title,
    {
      hoTen: text('Họ, chữ đệm và tên', 100),
      ngaySinh: date('Ngày, tháng, năm sinh'),
      danToc: ETHNICITY(),
      quocTich: NATIONALITY(),
      soDinhDanh: personalId(),
      noiCuTru: text('Nơi cư trú', 300),
    },
    ['hoTen', 'ngaySinh', 'danToc', 'quocTich', 'noiCuTru'],
  );

/** A spouse-to-be on the marriage registration form. */
const spouse = (title: string) =>
  object(
    title,
    {
      hoTen: text('Họ, chữ đệm và tên', 100),
      ngaySinh: date('Ngày, tháng, năm sinh'),
      danToc: ETHNICITY(),
      quocTich: NATIONALITY(),
      soDinhDanh: personalId(),
      noiCuTru: text('Nơi cư trú', 300),
      soDienThoai: mobile(),
      lanKetHon: int('Kết hôn lần thứ', 1, 20),
    },
    ['hoTen', 'ngaySinh', 'danToc', 'quocTich', 'soDinhDanh', 'noiCuTru', 'lanKetHon'],
  );

/** The usual commune civil-status workflow: desk → justice officer → commune leader → desk. */
const communeCivilStatusWorkflow = (processName: string, signName: string) => [
  { code: 'TIEP_NHAN', name: 'Tiếp nhận, kiểm tra hồ sơ tại Bộ phận Một cửa UBND cấp xã', level: 'commune' as const, sector: 'one_stop' as const, sharePercent: 10 },
  { code: 'XU_LY', name: processName, level: 'commune' as const, sector: 'justice' as const, sharePercent: 50 },
  { code: 'PHE_DUYET', name: signName, level: 'commune' as const, sector: 'general' as const, sharePercent: 25 },
  { code: 'TRA_KET_QUA', name: 'Trả kết quả tại Bộ phận Một cửa UBND cấp xã', level: 'commune' as const, sector: 'one_stop' as const, sharePercent: 15 },
];

export const CIVIL_STATUS_PROCEDURES: ProcedureDefinition[] = [
  {
    code: '1.001193',
    name: 'Thủ tục đăng ký khai sinh',
    field: FIELD,
    fieldCode: FIELD_CODE,
    receivingLevels: ['commune'],
    decidingLevel: 'commune',
    onlineLevel: 4,
    // Ngay trong ngày tiếp nhận; hồ sơ nhận sau 15 giờ được trả trong ngày làm việc tiếp theo.
    processingTime: { workingHours: 8, sameDay: true },
    components: [
      { code: 'TK', name: 'Tờ khai đăng ký khai sinh theo mẫu', originals: 1, certifiedCopies: 0, photocopies: 0, required: true },
      {
        code: 'GCS',
        name: 'Giấy chứng sinh',
        originals: 1,
        certifiedCopies: 0,
        photocopies: 0,
        required: true,
        note: 'Không có Giấy chứng sinh thì nộp văn bản của người làm chứng xác nhận về việc sinh; không có người làm chứng thì nộp giấy cam đoan về việc sinh.',
      },
      {
        code: 'GTTT',
        name: 'Hộ chiếu, Thẻ căn cước công dân hoặc giấy tờ tùy thân có ảnh của người đi đăng ký',
        originals: 0,
        certifiedCopies: 0,
        photocopies: 1,
        required: true,
        note: 'Xuất trình bản chính khi nhận kết quả; nộp trực tuyến thì tải lên bản chụp.',
      },
      {
        code: 'GCNKH',
        name: 'Giấy chứng nhận kết hôn của cha, mẹ trẻ (nếu cha, mẹ đã đăng ký kết hôn)',
        originals: 0,
        certifiedCopies: 0,
        photocopies: 1,
        required: false,
      },
      {
        code: 'MTH',
        name: 'Văn bản xác nhận của cơ sở y tế đã thực hiện kỹ thuật hỗ trợ sinh sản (trẻ sinh ra do mang thai hộ)',
        originals: 1,
        certifiedCopies: 0,
        photocopies: 0,
        required: false,
      },
      {
        code: 'VBUQ',
        name: 'Văn bản ủy quyền được chứng thực (trường hợp ủy quyền đăng ký khai sinh)',
        originals: 1,
        certifiedCopies: 0,
        photocopies: 0,
        required: false,
        note: 'Không cần nếu người được ủy quyền là ông, bà, anh, chị, em ruột của trẻ.',
      },
    ],
    fees: [
      {
        code: 'LP_KHAI_SINH',
        kind: 'charge',
        name: 'Lệ phí đăng ký khai sinh (miễn đối với đăng ký khai sinh đúng hạn)',
        basis: 'fixed',
        amountVnd: 0,
        payment: 'before',
      },
    ],
    formSchema: form(
      'Tờ khai đăng ký khai sinh',
      {
        nguoiYeuCau: object(
          'Người đi đăng ký khai sinh',
          {
            hoTen: text('Họ, chữ đệm và tên', 100),
            soDinhDanh: personalId(),
            quanHe: oneOfText('Quan hệ với người được khai sinh', ['Cha', 'Mẹ', 'Ông', 'Bà', 'Anh, chị ruột', 'Người thân thích khác', 'Người được ủy quyền']),
            soDienThoai: mobile(),
            email: email(),
            noiCuTru: text('Nơi cư trú', 300),
          },
          ['hoTen', 'soDinhDanh', 'quanHe', 'soDienThoai', 'noiCuTru'],
        ),
        treEm: object(
          'Người được khai sinh',
          {
            hoTen: text('Họ, chữ đệm và tên', 100),
            gioiTinh: gender(),
            ngaySinh: date('Ngày, tháng, năm sinh'),
            noiSinh: text('Nơi sinh (tên cơ sở y tế hoặc địa chỉ)', 300),
            danToc: ETHNICITY(),
            quocTich: NATIONALITY(),
            queQuan: text('Quê quán', 200),
          },
          ['hoTen', 'gioiTinh', 'ngaySinh', 'noiSinh', 'danToc', 'quocTich', 'queQuan'],
        ),
        me: parent('Thông tin người mẹ'),
        cha: parent('Thông tin người cha'),
        giayChungSinh: object(
          'Giấy chứng sinh',
          {
            so: text('Số giấy chứng sinh', 50),
            ngayCap: date('Ngày cấp'),
            coSoYTe: text('Cơ sở y tế cấp', 200),
          },
          ['so', 'ngayCap', 'coSoYTe'],
        ),
        soBanSaoGiayKhaiSinh: int('Số bản sao Giấy khai sinh đề nghị cấp', 0, 10),
      },
      ['nguoiYeuCau', 'treEm'],
      // Ít nhất một trong hai: thông tin người mẹ hoặc người cha (trẻ chưa xác định được cha hoặc mẹ).
      // (`properties` is repeated inside each branch because Ajv's strictRequired checks each subschema on its own.)
      { anyOf: [{ properties: { me: true }, required: ['me'] }, { properties: { cha: true }, required: ['cha'] }] },
    ),
    workflow: communeCivilStatusWorkflow(
      'Công chức tư pháp - hộ tịch kiểm tra, ghi Sổ đăng ký khai sinh và cập nhật Cơ sở dữ liệu hộ tịch điện tử',
      'Chủ tịch (Phó Chủ tịch) UBND cấp xã ký Giấy khai sinh',
    ),
    resultName: 'Giấy khai sinh (bản chính) và bản sao Giấy khai sinh nếu có yêu cầu',
    legalBasis: [...HO_TICH_LAW, HO_TICH_FORMS, HO_TICH_ONLINE, 'Thông tư 85/2019/TT-BTC hướng dẫn về phí và lệ phí thuộc thẩm quyền quyết định của HĐND cấp tỉnh'],
  },

  {
    code: '1.000656',
    name: 'Thủ tục đăng ký khai tử',
    field: FIELD,
    fieldCode: FIELD_CODE,
    receivingLevels: ['commune'],
    decidingLevel: 'commune',
    onlineLevel: 4,
    // Ngay sau khi nhận đủ giấy tờ; cần xác minh thì không quá 03 ngày làm việc.
    processingTime: { workingHours: 8, sameDay: true },
    components: [
      { code: 'TK', name: 'Tờ khai đăng ký khai tử theo mẫu', originals: 1, certifiedCopies: 0, photocopies: 0, required: true },
      {
        code: 'GBT',
        name: 'Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử do cơ quan có thẩm quyền cấp',
        originals: 1,
        certifiedCopies: 0,
        photocopies: 0,
        required: true,
      },
      {
        code: 'GTTT',
        name: 'Giấy tờ tùy thân có ảnh của người đi đăng ký khai tử',
        originals: 0,
        certifiedCopies: 0,
        photocopies: 1,
        required: true,
        note: 'Xuất trình bản chính khi nhận kết quả.',
      },
      { code: 'VBUQ', name: 'Văn bản ủy quyền được chứng thực (trường hợp ủy quyền)', originals: 1, certifiedCopies: 0, photocopies: 0, required: false },
    ],
    fees: [],
    formSchema: form(
      'Tờ khai đăng ký khai tử',
      {
        nguoiYeuCau: object(
          'Người đi đăng ký khai tử',
          {
            hoTen: text('Họ, chữ đệm và tên', 100),
            soDinhDanh: personalId(),
            quanHe: text('Quan hệ với người đã chết', 50),
            soDienThoai: mobile(),
            noiCuTru: text('Nơi cư trú', 300),
          },
          ['hoTen', 'soDinhDanh', 'quanHe', 'soDienThoai', 'noiCuTru'],
        ),
        nguoiChet: object(
          'Người đã chết',
          {
            hoTen: text('Họ, chữ đệm và tên', 100),
            gioiTinh: gender(),
            ngaySinh: date('Ngày, tháng, năm sinh'),
            danToc: ETHNICITY(),
            quocTich: NATIONALITY(),
            soDinhDanh: personalId(),
            noiCuTruCuoiCung: text('Nơi cư trú cuối cùng', 300),
            ngayChet: date('Ngày chết'),
            gioChet: { type: 'string', title: 'Giờ, phút chết (HH:mm)', pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' },
            noiChet: text('Nơi chết', 300),
            nguyenNhan: text('Nguyên nhân chết', 300),
          },
          ['hoTen', 'gioiTinh', 'ngaySinh', 'danToc', 'quocTich', 'noiCuTruCuoiCung', 'ngayChet', 'noiChet'],
        ),
        giayBaoTu: object(
          'Giấy báo tử hoặc giấy tờ thay thế',
          {
            so: text('Số', 50),
            ngayCap: date('Ngày cấp'),
            coQuanCap: text('Cơ quan cấp', 200),
          },
          ['coQuanCap', 'ngayCap'],
        ),
      },
      ['nguoiYeuCau', 'nguoiChet', 'giayBaoTu'],
    ),
    workflow: communeCivilStatusWorkflow(
      'Công chức tư pháp - hộ tịch kiểm tra, ghi Sổ đăng ký khai tử, cập nhật Cơ sở dữ liệu hộ tịch điện tử',
      'Chủ tịch (Phó Chủ tịch) UBND cấp xã ký Trích lục khai tử',
    ),
    resultName: 'Trích lục khai tử (bản chính)',
    legalBasis: [...HO_TICH_LAW, HO_TICH_FORMS, HO_TICH_ONLINE],
  },

  {
    code: '1.000894',
    name: 'Thủ tục đăng ký kết hôn',
    field: FIELD,
    fieldCode: FIELD_CODE,
    receivingLevels: ['commune'],
    decidingLevel: 'commune',
    // Hai bên nam, nữ phải có mặt ký vào Sổ đăng ký kết hôn và Giấy chứng nhận kết hôn: không trả kết quả trực tuyến.
    onlineLevel: 3,
    // Ngay sau khi nhận đủ giấy tờ; cần xác minh điều kiện kết hôn thì không quá 05 ngày làm việc.
    processingTime: { workingHours: 8, sameDay: true },
    components: [
      {
        code: 'TK',
        name: 'Tờ khai đăng ký kết hôn theo mẫu (hai bên có thể khai chung một Tờ khai)',
        originals: 1,
        certifiedCopies: 0,
        photocopies: 0,
        required: true,
      },
      {
        code: 'XNTTHN',
        name: 'Giấy xác nhận tình trạng hôn nhân (bên không thường trú tại xã nơi đăng ký kết hôn)',
        originals: 1,
        certifiedCopies: 0,
        photocopies: 0,
        required: false,
      },
      {
        code: 'GTTT',
        name: 'Giấy tờ tùy thân có ảnh của hai bên nam, nữ',
        originals: 0,
        certifiedCopies: 0,
        photocopies: 2,
        required: true,
        note: 'Xuất trình bản chính khi ký Giấy chứng nhận kết hôn.',
      },
      {
        code: 'LYHON',
        name: 'Trích lục ghi chú ly hôn (công dân Việt Nam đã ly hôn ở nước ngoài)',
        originals: 0,
        certifiedCopies: 1,
        photocopies: 0,
        required: false,
      },
    ],
    // Miễn lệ phí đăng ký kết hôn của công dân Việt Nam cư trú ở trong nước (Luật Hộ tịch, Điều 11).
    fees: [],
    formSchema: form(
      'Tờ khai đăng ký kết hôn',
      {
        benNu: spouse('Bên nữ'),
        benNam: spouse('Bên nam'),
        ngayHenDangKy: date('Ngày đề nghị tổ chức đăng ký kết hôn'),
        camKet: { type: 'boolean', const: true, title: 'Cam đoan việc kết hôn là tự nguyện, đủ điều kiện kết hôn theo Luật Hôn nhân và gia đình' },
      },
      ['benNu', 'benNam', 'camKet'],
    ),
    workflow: communeCivilStatusWorkflow(
      'Công chức tư pháp - hộ tịch kiểm tra điều kiện kết hôn, ghi Sổ đăng ký kết hôn',
      'Chủ tịch UBND cấp xã ký Giấy chứng nhận kết hôn; hai bên ký vào Sổ và Giấy chứng nhận',
    ),
    resultName: 'Giấy chứng nhận kết hôn (mỗi bên một bản chính)',
    legalBasis: ['Luật Hôn nhân và gia đình số 52/2014/QH13', ...HO_TICH_LAW, HO_TICH_FORMS, HO_TICH_ONLINE],
  },

  {
    code: '2.000635',
    name: 'Cấp bản sao Trích lục hộ tịch',
    field: FIELD,
    fieldCode: FIELD_CODE,
    receivingLevels: ['commune'],
    decidingLevel: 'commune',
    onlineLevel: 4,
    // Ngay trong ngày tiếp nhận yêu cầu; nhận sau 15 giờ thì trả trong ngày làm việc tiếp theo.
    // A counter service: half a working day on the clock.
    processingTime: { workingHours: 4, sameDay: true },
    components: [
      { code: 'TK', name: 'Tờ khai cấp bản sao Trích lục hộ tịch theo mẫu', originals: 1, certifiedCopies: 0, photocopies: 0, required: true },
      {
        code: 'GTTT',
        name: 'Giấy tờ tùy thân có ảnh của người yêu cầu',
        originals: 0,
        certifiedCopies: 0,
        photocopies: 1,
        required: true,
      },
      { code: 'VBUQ', name: 'Văn bản ủy quyền (trường hợp ủy quyền yêu cầu cấp bản sao)', originals: 1, certifiedCopies: 0, photocopies: 0, required: false },
    ],
    fees: [
      {
        code: 'PHI_BAN_SAO',
        kind: 'fee',
        name: 'Phí khai thác, sử dụng thông tin trong Cơ sở dữ liệu hộ tịch (cấp bản sao trích lục)',
        basis: 'per_copy',
        amountVnd: 8000,
        copiesField: 'soBanSao',
        payment: 'before',
      },
    ],
    formSchema: form(
      'Tờ khai cấp bản sao Trích lục hộ tịch',
      {
        nguoiYeuCau: applicant(),
        loaiTrichLuc: oneOfText('Loại việc hộ tịch', [
          'Khai sinh',
          'Kết hôn',
          'Khai tử',
          'Nhận cha, mẹ, con',
          'Giám hộ',
          'Thay đổi, cải chính, bổ sung thông tin hộ tịch',
          'Việc hộ tịch khác',
        ]),
        nguoiDuocCap: object(
          'Người được cấp bản sao trích lục',
          {
            hoTen: text('Họ, chữ đệm và tên', 100),
            ngaySinh: date('Ngày, tháng, năm sinh'),
            soDinhDanh: personalId(),
          },
          ['hoTen', 'ngaySinh'],
        ),
        soDangKy: text('Số đăng ký (nếu biết)', 50),
        ngayDangKy: date('Ngày đăng ký'),
        noiDangKy: text('Cơ quan đã đăng ký', 200),
        soBanSao: int('Số bản sao đề nghị cấp', 1, 20),
        mucDich: text('Mục đích sử dụng', 300),
      },
      ['nguoiYeuCau', 'loaiTrichLuc', 'nguoiDuocCap', 'noiDangKy', 'soBanSao'],
    ),
    workflow: communeCivilStatusWorkflow(
      'Công chức tư pháp - hộ tịch tra cứu Sổ hộ tịch, Cơ sở dữ liệu hộ tịch và in bản sao trích lục',
      'Lãnh đạo UBND cấp xã ký bản sao trích lục',
    ),
    resultName: 'Bản sao Trích lục hộ tịch',
    legalBasis: [
      ...HO_TICH_LAW,
      HO_TICH_FORMS,
      'Thông tư 281/2016/TT-BTC quy định mức thu, chế độ thu, nộp phí khai thác, sử dụng thông tin trong cơ sở dữ liệu hộ tịch',
    ],
  },

  {
    code: '1.004873',
    name: 'Thủ tục cấp Giấy xác nhận tình trạng hôn nhân',
    field: FIELD,
    fieldCode: FIELD_CODE,
    receivingLevels: ['commune'],
    decidingLevel: 'commune',
    onlineLevel: 4,
    // 03 ngày làm việc; cần xác minh thì không quá 23 ngày (Nghị định 123/2015, Điều 22).
    processingTime: { workingDays: 3 },
    components: [
      { code: 'TK', name: 'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân theo mẫu', originals: 1, certifiedCopies: 0, photocopies: 0, required: true },
      { code: 'GTTT', name: 'Giấy tờ tùy thân có ảnh của người yêu cầu', originals: 0, certifiedCopies: 0, photocopies: 1, required: true },
      {
        code: 'BANAN',
        name: 'Bản án, quyết định ly hôn có hiệu lực hoặc giấy tờ chứng minh vợ/chồng đã chết (nếu đã từng kết hôn)',
        originals: 0,
        certifiedCopies: 1,
        photocopies: 0,
        required: false,
      },
      {
        code: 'XNCU',
        name: 'Giấy xác nhận tình trạng hôn nhân đã được cấp trước đây (trường hợp đề nghị cấp lại)',
        originals: 1,
        certifiedCopies: 0,
        photocopies: 0,
        required: false,
      },
    ],
    fees: [],
    formSchema: form(
      'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân',
      {
        nguoiYeuCau: applicant(),
        nguoiDuocXacNhan: object(
          'Người được xác nhận tình trạng hôn nhân',
          {
            hoTen: text('Họ, chữ đệm và tên', 100),
            gioiTinh: gender(),
            ngaySinh: date('Ngày, tháng, năm sinh'),
            danToc: ETHNICITY(),
            quocTich: NATIONALITY(),
            soDinhDanh: personalId(),
            noiCuTru: text('Nơi cư trú', 300),
          },
          ['hoTen', 'gioiTinh', 'ngaySinh', 'danToc', 'quocTich', 'soDinhDanh', 'noiCuTru'],
        ),
        tinhTrangHonNhan: oneOfText('Tình trạng hôn nhân hiện tại', [
          'Chưa đăng ký kết hôn với ai',
          'Đang có vợ/chồng',
          'Đã ly hôn, chưa kết hôn lại',
          'Vợ/chồng đã chết, chưa kết hôn lại',
        ]),
        mucDichSuDung: text('Mục đích sử dụng Giấy xác nhận', 300),
        soBanXacNhan: int('Số bản đề nghị cấp', 1, 5),
      },
      ['nguoiYeuCau', 'nguoiDuocXacNhan', 'tinhTrangHonNhan', 'mucDichSuDung'],
    ),
    workflow: communeCivilStatusWorkflow(
      'Công chức tư pháp - hộ tịch kiểm tra, tra cứu Cơ sở dữ liệu hộ tịch, xác minh (nếu cần)',
      'Chủ tịch UBND cấp xã ký Giấy xác nhận tình trạng hôn nhân',
    ),
    resultName: 'Giấy xác nhận tình trạng hôn nhân',
    legalBasis: [...HO_TICH_LAW, HO_TICH_FORMS, HO_TICH_ONLINE],
  },
];
