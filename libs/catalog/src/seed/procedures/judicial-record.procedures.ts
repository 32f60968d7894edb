import type { ProcedureDefinition } from '@dvc/core';
import { date, email, form, gender, int, mobile, object, oneOfText, personalId, text } from './schema-helpers';

/**
 * Lĩnh vực Lý lịch tư pháp — issued by the city Department of Justice under the 3-level structure
 * (Luật Lý lịch tư pháp 2009, Điều 44).
 */

const relative = (title: string) =>
  object(
    title,
    {
      hoTen: text('Họ, chữ đệm và tên', 100),
      namSinh: int('Năm sinh', 1900, 2100),
    },
    ['hoTen'],
  );

export const JUDICIAL_RECORD_PROCEDURES: ProcedureDefinition[] = [
  {
    code: '2.000488',
    name: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam',
    field: 'Lý lịch tư pháp',
    fieldCode: 'ly-lich-tu-phap',
    receivingLevels: ['city'],
    decidingLevel: 'city',
    onlineLevel: 4,
    // Không quá 10 ngày kể từ ngày nhận yêu cầu hợp lệ; trường hợp phải xác minh thì không quá 15 ngày.
    processingTime: { workingDays: 10 },
    components: [
      {
        code: 'TK',
        name: 'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp (Mẫu số 03/2024/LLTP, 04/2024/LLTP; nộp trực tuyến dùng Mẫu số 12/2024/LLTP, 13/2024/LLTP)',
        originals: 1,
        certifiedCopies: 0,
        photocopies: 0,
        required: true,
      },
      {
        code: 'CCCD',
        name: 'Bản sao Thẻ căn cước công dân, Thẻ căn cước hoặc Hộ chiếu của người được cấp Phiếu',
        originals: 0,
        certifiedCopies: 0,
        photocopies: 1,
        required: true,
        note: 'Nộp bản chụp thì xuất trình bản chính để đối chiếu; nộp trực tuyến trên Cổng Dịch vụ công quốc gia thì không phải đính kèm.',
      },
      {
        code: 'CU_TRU',
        name: 'Bản sao giấy tờ chứng minh nơi cư trú (khi không khai thác được Cơ sở dữ liệu quốc gia về dân cư)',
        originals: 0,
        certifiedCopies: 0,
        photocopies: 1,
        required: false,
      },
      {
        code: 'VBUQ',
        name: 'Văn bản ủy quyền (ủy quyền yêu cầu cấp Phiếu lý lịch tư pháp số 1)',
        originals: 1,
        certifiedCopies: 0,
        photocopies: 0,
        required: false,
        note: 'Cha, mẹ, vợ, chồng, con của người được cấp Phiếu không cần văn bản ủy quyền.',
      },
      {
        code: 'MIEN_GIAM',
        name: 'Giấy tờ chứng minh thuộc đối tượng được miễn, giảm phí (nếu có)',
        originals: 0,
        certifiedCopies: 0,
        photocopies: 1,
        required: false,
      },
    ],
    fees: [
      {
        code: 'PHI_LLTP',
        kind: 'fee',
        // Thông tư 244/2016/TT-BTC: 200.000 đ/lần/người; sinh viên, người có công, thân nhân liệt sĩ 100.000 đ;
        // từ Phiếu thứ 3 trở đi thu thêm 5.000 đ/Phiếu (the reduction and the surcharge are not modelled).
        name: 'Phí cung cấp thông tin lý lịch tư pháp',
        basis: 'fixed',
        amountVnd: 200000,
        exemptions: [
          { code: 'TRE_EM', description: 'Trẻ em theo quy định của Luật Trẻ em' },
          { code: 'NGUOI_CAO_TUOI', description: 'Người cao tuổi theo quy định của Luật Người cao tuổi' },
          { code: 'NGUOI_KHUYET_TAT', description: 'Người khuyết tật theo quy định của Luật Người khuyết tật' },
          { code: 'HO_NGHEO', description: 'Người thuộc hộ nghèo' },
          { code: 'XA_DBKK', description: 'Người cư trú tại xã đặc biệt khó khăn, đồng bào dân tộc thiểu số ở xã có điều kiện kinh tế - xã hội đặc biệt khó khăn' },
        ],
        exemptionField: 'doiTuongMienPhi',
        payment: 'before',
      },
    ],
    formSchema: form(
      'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp',
      {
        nguoiDuocCap: object(
          'Người được cấp Phiếu lý lịch tư pháp',
          {
            hoTen: text('Họ, chữ đệm và tên', 100),
            tenGoiKhac: text('Tên gọi khác', 100),
            gioiTinh: gender(),
            ngaySinh: date('Ngày, tháng, năm sinh'),
            noiSinh: text('Nơi sinh', 200),
            quocTich: text('Quốc tịch', 60),
            danToc: text('Dân tộc', 50),
            soDinhDanh: personalId(),
            noiThuongTru: text('Nơi thường trú', 300),
            noiTamTru: text('Nơi tạm trú', 300),
            soDienThoai: mobile(),
            email: email(),
          },
          ['hoTen', 'gioiTinh', 'ngaySinh', 'noiSinh', 'quocTich', 'soDinhDanh', 'noiThuongTru', 'soDienThoai'],
        ),
        cha: relative('Cha'),
        me: relative('Mẹ'),
        voChong: relative('Vợ/chồng'),
        loaiPhieu: { type: 'integer', title: 'Loại Phiếu lý lịch tư pháp yêu cầu cấp', enum: [1, 2] },
        yeuCauXacNhanCamDamNhiemChucVu: { type: 'boolean', title: 'Yêu cầu xác nhận về việc bị cấm đảm nhiệm chức vụ, thành lập, quản lý doanh nghiệp, hợp tác xã' },
        soLuongPhieu: int('Số lượng Phiếu yêu cầu cấp', 1, 10),
        mucDichSuDung: text('Mục đích sử dụng Phiếu', 300),
        nhanKetQua: oneOfText('Hình thức nhận kết quả', ['Trực tiếp tại Sở Tư pháp', 'Qua dịch vụ bưu chính', 'Phiếu lý lịch tư pháp điện tử trên VNeID']),
        doiTuongMienPhi: {
          type: 'string',
          title: 'Đối tượng được miễn phí (nếu có)',
          enum: ['TRE_EM', 'NGUOI_CAO_TUOI', 'NGUOI_KHUYET_TAT', 'HO_NGHEO', 'XA_DBKK'],
        },
      },
      ['nguoiDuocCap', 'loaiPhieu', 'soLuongPhieu', 'nhanKetQua'],
    ),
    workflow: [
      { code: 'TIEP_NHAN', name: 'Tiếp nhận hồ sơ, thu phí tại Bộ phận Một cửa Sở Tư pháp', level: 'city', sector: 'one_stop', sharePercent: 5 },
      {
        code: 'TRA_CUU',
        name: 'Phòng Lý lịch tư pháp tra cứu cơ sở dữ liệu lý lịch tư pháp, xác minh tại Công an, Tòa án, Trung tâm Lý lịch tư pháp quốc gia',
        level: 'city',
        sector: 'justice',
        sharePercent: 75,
      },
      { code: 'KY_PHIEU', name: 'Lãnh đạo Sở Tư pháp ký Phiếu lý lịch tư pháp', level: 'city', sector: 'justice', sharePercent: 15 },
      { code: 'TRA_KET_QUA', name: 'Trả Phiếu tại Bộ phận Một cửa Sở Tư pháp, qua bưu chính hoặc bản điện tử', level: 'city', sector: 'one_stop', sharePercent: 5 },
    ],
    resultName: 'Phiếu lý lịch tư pháp số 1 hoặc số 2',
    legalBasis: [
      'Luật Lý lịch tư pháp số 28/2009/QH12',
      'Nghị định 111/2010/NĐ-CP quy định chi tiết và hướng dẫn thi hành một số điều của Luật Lý lịch tư pháp',
      'Thông tư 06/2024/TT-BTP ban hành biểu mẫu và mẫu sổ lý lịch tư pháp',
      'Thông tư 244/2016/TT-BTC quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí cung cấp thông tin lý lịch tư pháp',
    ],
  },
];
