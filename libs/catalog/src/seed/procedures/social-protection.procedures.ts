import type { ProcedureDefinition } from '@dvc/core';
import { applicant, date, form, gender, object, oneOfText, personalId, text } from './schema-helpers';

/**
 * Lĩnh vực Bảo trợ xã hội — received at the commune, decided by the Chairman of the district People's Committee
 * on the appraisal of the district Labour, Invalids and Social Affairs office (liên thông xã → huyện).
 */

export const SOCIAL_PROTECTION_PROCEDURES: ProcedureDefinition[] = [
  {
    code: '1.001776',
    name: 'Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hằng tháng, hỗ trợ kinh phí chăm sóc, nuôi dưỡng hằng tháng',
    field: 'Bảo trợ xã hội',
    fieldCode: 'bao-tro-xa-hoi',
    receivingLevels: ['commune'],
    decidingLevel: 'district',
    onlineLevel: 3,
    // Nghị định 20/2021/NĐ-CP, Điều 8: UBND cấp xã xét duyệt, niêm yết (12 ngày làm việc), Phòng LĐ-TB&XH
    // thẩm định (07 ngày), Chủ tịch UBND cấp huyện quyết định (03 ngày).
    processingTime: { workingDays: 22 },
    components: [
      {
        code: 'TK',
        name: 'Tờ khai đề nghị trợ giúp xã hội (Mẫu số 1a, 1b, 1c, 1d, 1đ ban hành kèm theo Nghị định 20/2021/NĐ-CP)',
        originals: 1,
        certifiedCopies: 0,
        photocopies: 0,
        required: true,
      },
      {
        code: 'GXNKT',
        name: 'Giấy xác nhận khuyết tật (đối tượng là người khuyết tật)',
        originals: 0,
        certifiedCopies: 0,
        photocopies: 1,
        required: false,
      },
      {
        code: 'GKS',
        name: 'Giấy khai sinh của trẻ em (đối tượng là trẻ em hoặc người đơn thân nghèo đang nuôi con)',
        originals: 0,
        certifiedCopies: 0,
        photocopies: 1,
        required: false,
      },
      {
        code: 'HIV',
        name: 'Giấy tờ xác nhận bị nhiễm HIV của cơ quan y tế có thẩm quyền (đối tượng nhiễm HIV/AIDS)',
        originals: 0,
        certifiedCopies: 1,
        photocopies: 0,
        required: false,
      },
      {
        code: 'QDTD',
        name: 'Quyết định thôi hưởng trợ cấp ở nơi cư trú cũ (trường hợp chuyển nơi cư trú)',
        originals: 0,
        certifiedCopies: 0,
        photocopies: 1,
        required: false,
      },
    ],
    fees: [],
    formSchema: form(
      'Tờ khai đề nghị trợ giúp xã hội',
      {
        nguoiKhai: applicant('Người khai (đối tượng hoặc người giám hộ, người thân)'),
        doiTuong: object(
          'Đối tượng đề nghị trợ cấp',
          {
            hoTen: text('Họ, chữ đệm và tên', 100),
            gioiTinh: gender(),
            ngaySinh: date('Ngày, tháng, năm sinh'),
            soDinhDanh: personalId(),
            noiThuongTru: text('Nơi thường trú', 300),
          },
          ['hoTen', 'gioiTinh', 'ngaySinh', 'noiThuongTru'],
        ),
        loaiDeNghi: oneOfText('Nội dung đề nghị', ['Thực hiện trợ cấp', 'Điều chỉnh mức trợ cấp', 'Thôi hưởng trợ cấp']),
        nhomDoiTuong: oneOfText('Nhóm đối tượng (Điều 5 Nghị định 20/2021/NĐ-CP)', [
          'Trẻ em dưới 16 tuổi không có nguồn nuôi dưỡng',
          'Người từ 16 đến 22 tuổi đang học, không có nguồn nuôi dưỡng',
          'Trẻ em nhiễm HIV/AIDS thuộc hộ nghèo',
          'Người thuộc hộ nghèo không có chồng hoặc không có vợ đang nuôi con',
          'Người cao tuổi thuộc hộ nghèo không có người phụng dưỡng',
          'Người từ đủ 80 tuổi trở lên không có lương hưu, trợ cấp bảo hiểm xã hội hằng tháng',
          'Người khuyết tật nặng, người khuyết tật đặc biệt nặng',
          'Trẻ em dưới 3 tuổi thuộc hộ nghèo, hộ cận nghèo',
          'Người nhiễm HIV/AIDS thuộc hộ nghèo không có nguồn thu nhập ổn định',
          'Hộ gia đình, cá nhân nhận chăm sóc, nuôi dưỡng đối tượng',
        ]),
        hinhThucNhan: oneOfText('Hình thức nhận trợ cấp', ['Nhận tiền mặt tại xã', 'Chuyển khoản qua tài khoản ngân hàng', 'Qua dịch vụ bưu chính']),
        soTaiKhoan: { type: 'string', title: 'Số tài khoản ngân hàng', pattern: '^[0-9]{6,20}$' },
        nganHang: text('Ngân hàng', 100),
      },
      ['nguoiKhai', 'doiTuong', 'loaiDeNghi', 'nhomDoiTuong', 'hinhThucNhan'],
    ),
    workflow: [
      { code: 'TIEP_NHAN', name: 'Tiếp nhận hồ sơ tại Bộ phận Một cửa UBND cấp xã', level: 'commune', sector: 'one_stop', sharePercent: 5 },
      {
        code: 'XET_DUYET',
        name: 'Công chức Lao động - Thương binh và Xã hội cấp xã rà soát, Hội đồng xét duyệt, niêm yết công khai 02 ngày',
        level: 'commune',
        sector: 'labour_social',
        sharePercent: 40,
      },
      { code: 'DE_NGHI', name: 'Chủ tịch UBND cấp xã ký văn bản đề nghị gửi Phòng Lao động - Thương binh và Xã hội', level: 'commune', sector: 'general', sharePercent: 10 },
      { code: 'THAM_DINH', name: 'Phòng Lao động - Thương binh và Xã hội cấp huyện thẩm định, trình quyết định', level: 'district', sector: 'labour_social', sharePercent: 30 },
      { code: 'QUYET_DINH', name: 'Chủ tịch UBND cấp huyện ký quyết định trợ cấp xã hội', level: 'district', sector: 'general', sharePercent: 12 },
      { code: 'TRA_KET_QUA', name: 'Trả quyết định tại Bộ phận Một cửa UBND cấp xã', level: 'commune', sector: 'one_stop', sharePercent: 3 },
    ],
    resultName: 'Quyết định trợ cấp xã hội hằng tháng (hoặc điều chỉnh, thôi hưởng) của Chủ tịch UBND cấp huyện',
    legalBasis: [
      'Luật Người cao tuổi số 39/2009/QH12',
      'Luật Người khuyết tật số 51/2010/QH12',
      'Nghị định 20/2021/NĐ-CP quy định chính sách trợ giúp xã hội đối với đối tượng bảo trợ xã hội',
      'Nghị định 76/2024/NĐ-CP sửa đổi, bổ sung một số điều của Nghị định 20/2021/NĐ-CP',
    ],
  },
];
