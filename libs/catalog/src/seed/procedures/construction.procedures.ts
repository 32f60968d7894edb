import type { ProcedureDefinition } from '@dvc/core';
import { applicant, bool, form, int, landParcel, object, oneOfText, positiveNumber, text } from './schema-helpers';

/**
 * Lĩnh vực Hoạt động xây dựng — building permits for individual houses are issued by the district People's
 * Committee (Luật Xây dựng 2014, Điều 103), processed by the district urban management office.
 * Hà Nội collects the permit charge (75.000 đồng for an individual house) when the permit is handed over.
 */

export const CONSTRUCTION_PROCEDURES: ProcedureDefinition[] = [
  {
    code: '1.013225',
    name: 'Cấp giấy phép xây dựng mới đối với công trình cấp III, cấp IV và nhà ở riêng lẻ',
    field: 'Hoạt động xây dựng',
    fieldCode: 'hoat-dong-xay-dung',
    receivingLevels: ['district'],
    decidingLevel: 'district',
    onlineLevel: 3,
    // Nhà ở riêng lẻ: không quá 15 ngày kể từ ngày nhận đủ hồ sơ hợp lệ (Luật Xây dựng, Điều 102).
    processingTime: { workingDays: 15 },
    components: [
      {
        code: 'DON',
        name: 'Đơn đề nghị cấp giấy phép xây dựng theo mẫu',
        originals: 1,
        certifiedCopies: 0,
        photocopies: 0,
        required: true,
      },
      {
        code: 'GTDD',
        name: 'Giấy tờ chứng minh quyền sử dụng đất theo quy định của pháp luật về đất đai',
        originals: 0,
        certifiedCopies: 1,
        photocopies: 0,
        required: true,
        note: 'Nộp trực tuyến thì tải lên bản điện tử được chứng thực điện tử hoặc bản chụp từ bản chính.',
      },
      {
        code: 'BVTK',
        name: 'Bản vẽ thiết kế xây dựng: mặt bằng vị trí công trình trên lô đất, mặt bằng các tầng, mặt đứng, mặt cắt chính, mặt bằng móng, sơ đồ đấu nối hạ tầng kỹ thuật',
        originals: 2,
        certifiedCopies: 0,
        photocopies: 0,
        required: true,
      },
      {
        code: 'CAM_KET',
        name: 'Bản cam kết bảo đảm an toàn đối với công trình liền kề (công trình có tầng hầm hoặc xây chen)',
        originals: 1,
        certifiedCopies: 0,
        photocopies: 0,
        required: false,
      },
      {
        code: 'THAM_TRA',
        name: 'Báo cáo kết quả thẩm tra thiết kế (nhà ở riêng lẻ từ 07 tầng trở lên hoặc có tầng hầm)',
        originals: 1,
        certifiedCopies: 0,
        photocopies: 0,
        required: false,
      },
    ],
    fees: [
      {
        code: 'LP_GPXD',
        kind: 'charge',
        name: 'Lệ phí cấp giấy phép xây dựng nhà ở riêng lẻ',
        basis: 'fixed',
        amountVnd: 75000,
        payment: 'after',
      },
    ],
    formSchema: form(
      'Đơn đề nghị cấp giấy phép xây dựng',
      {
        chuDauTu: applicant('Chủ đầu tư'),
        diaDiemXayDung: landParcel('Địa điểm xây dựng'),
        congTrinh: object(
          'Nội dung đề nghị cấp phép',
          {
            loaiCongTrinh: oneOfText('Loại công trình', ['Nhà ở riêng lẻ', 'Công trình cấp III', 'Công trình cấp IV']),
            dienTichXayDung: positiveNumber('Diện tích xây dựng tầng 1 (m²)'),
            tongDienTichSan: positiveNumber('Tổng diện tích sàn (m²)'),
            chieuCao: positiveNumber('Chiều cao công trình (m)'),
            soTang: int('Số tầng (kể cả tầng hầm, tầng tum)', 1, 50),
            coTangHam: bool('Có tầng hầm'),
            cotNenXayDung: text('Cốt nền xây dựng', 50),
          },
          ['loaiCongTrinh', 'dienTichXayDung', 'tongDienTichSan', 'chieuCao', 'soTang', 'coTangHam'],
        ),
        donViThietKe: text('Tổ chức, cá nhân thiết kế', 200),
        duKienThoiGianHoanThanh: int('Dự kiến thời gian hoàn thành (tháng)', 1, 120),
      },
      ['chuDauTu', 'diaDiemXayDung', 'congTrinh'],
    ),
    workflow: [
      { code: 'TIEP_NHAN', name: 'Tiếp nhận hồ sơ tại Bộ phận Một cửa UBND cấp huyện', level: 'district', sector: 'one_stop', sharePercent: 5 },
      {
        code: 'THAM_DINH',
        name: 'Phòng Quản lý đô thị thẩm định hồ sơ, kiểm tra thực địa, đối chiếu quy hoạch, dự thảo giấy phép',
        level: 'district',
        sector: 'urban_management',
        sharePercent: 65,
      },
      { code: 'KY_GIAY_PHEP', name: 'Lãnh đạo UBND cấp huyện ký giấy phép xây dựng', level: 'district', sector: 'general', sharePercent: 20 },
      { code: 'TRA_KET_QUA', name: 'Trả giấy phép và bản vẽ có đóng dấu tại Bộ phận Một cửa UBND cấp huyện', level: 'district', sector: 'one_stop', sharePercent: 10 },
    ],
    resultName: 'Giấy phép xây dựng kèm bản vẽ thiết kế có đóng dấu của cơ quan cấp phép',
    legalBasis: [
      'Luật Xây dựng số 50/2014/QH13, được sửa đổi, bổ sung bởi Luật số 62/2020/QH14',
      'Nghị định 175/2024/NĐ-CP quy định chi tiết một số điều và biện pháp thi hành Luật Xây dựng về quản lý hoạt động xây dựng',
      'Thông tư 85/2019/TT-BTC hướng dẫn về phí và lệ phí thuộc thẩm quyền quyết định của HĐND cấp tỉnh',
    ],
  },
];
