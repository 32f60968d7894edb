import type { ProcedureDefinition } from '@dvc/core';
import { applicant, bool, email, enterpriseCode, form, mobile, object, oneOfText, text } from './schema-helpers';

/**
 * Lĩnh vực Môi trường — the city environmental permit: appraised by the Department of Natural Resources and
 * Environment, signed by the city People's Committee (Luật Bảo vệ môi trường 2020, Điều 41, 43).
 * The appraisal fee is set by the city People's Council and is not modelled here (see the seed notes).
 */

export const ENVIRONMENT_PROCEDURES: ProcedureDefinition[] = [
  {
    code: '1.010727',
    name: 'Cấp giấy phép môi trường (cấp tỉnh)',
    field: 'Môi trường',
    fieldCode: 'moi-truong',
    receivingLevels: ['city'],
    decidingLevel: 'city',
    onlineLevel: 3,
    // Không quá 30 ngày đối với giấy phép thuộc thẩm quyền cấp tỉnh; 15 ngày nếu không phải vận hành thử nghiệm.
    processingTime: { workingDays: 30 },
    components: [
      {
        code: 'VB',
        name: 'Văn bản đề nghị cấp giấy phép môi trường (Mẫu Phụ lục XIII ban hành kèm theo Nghị định 08/2022/NĐ-CP)',
        originals: 1,
        certifiedCopies: 0,
        photocopies: 0,
        required: true,
      },
      {
        code: 'BC',
        name: 'Báo cáo đề xuất cấp giấy phép môi trường',
        originals: 1,
        certifiedCopies: 0,
        photocopies: 0,
        required: true,
      },
      {
        code: 'BCNCKT',
        name: 'Báo cáo nghiên cứu khả thi hoặc tài liệu tương đương (dự án đầu tư không thuộc đối tượng phải đánh giá tác động môi trường)',
        originals: 0,
        certifiedCopies: 0,
        photocopies: 1,
        required: false,
      },
      {
        code: 'QD_DTM',
        name: 'Quyết định phê duyệt kết quả thẩm định báo cáo đánh giá tác động môi trường (nếu có)',
        originals: 0,
        certifiedCopies: 0,
        photocopies: 1,
        required: false,
      },
    ],
    fees: [],
    formSchema: form(
      'Văn bản đề nghị cấp giấy phép môi trường',
      {
        nguoiNopHoSo: applicant('Người nộp hồ sơ'),
        chuDuAn: object(
          'Chủ dự án đầu tư, cơ sở',
          {
            tenToChuc: text('Tên chủ dự án đầu tư, cơ sở', 300),
            maSoDoanhNghiep: enterpriseCode(),
            nguoiDaiDien: text('Người đại diện theo pháp luật', 100),
            diaChi: text('Địa chỉ trụ sở', 300),
            soDienThoai: mobile('Điện thoại'),
            email: email(),
          },
          ['tenToChuc', 'nguoiDaiDien', 'diaChi', 'soDienThoai'],
        ),
        duAn: object(
          'Dự án đầu tư, cơ sở',
          {
            ten: text('Tên dự án đầu tư, cơ sở', 300),
            diaDiem: text('Địa điểm thực hiện', 300),
            loaiHinh: text('Loại hình sản xuất, kinh doanh, dịch vụ', 200),
            congSuat: text('Quy mô, công suất', 200),
          },
          ['ten', 'diaDiem', 'loaiHinh'],
        ),
        doiTuong: oneOfText('Đối tượng đề nghị cấp phép', ['Dự án đầu tư', 'Cơ sở đang hoạt động', 'Khu sản xuất, kinh doanh, dịch vụ tập trung']),
        phaiVanHanhThuNghiem: bool('Thuộc đối tượng phải vận hành thử nghiệm công trình xử lý chất thải'),
        noiDungCapPhep: {
          type: 'array',
          title: 'Nội dung đề nghị cấp phép',
          minItems: 1,
          uniqueItems: true,
          items: {
            type: 'string',
            enum: ['Xả nước thải', 'Xả khí thải', 'Tiếng ồn, độ rung', 'Quản lý chất thải', 'Nhập khẩu phế liệu làm nguyên liệu sản xuất'],
          },
        },
      },
      ['nguoiNopHoSo', 'chuDuAn', 'duAn', 'doiTuong', 'phaiVanHanhThuNghiem', 'noiDungCapPhep'],
    ),
    workflow: [
      { code: 'TIEP_NHAN', name: 'Tiếp nhận hồ sơ tại Bộ phận Một cửa Sở Tài nguyên và Môi trường', level: 'city', sector: 'one_stop', sharePercent: 5 },
      {
        code: 'THAM_DINH',
        name: 'Chi cục Bảo vệ môi trường kiểm tra hồ sơ, thành lập hội đồng thẩm định hoặc đoàn kiểm tra thực tế',
        level: 'city',
        sector: 'natural_resources',
        sharePercent: 65,
      },
      { code: 'TRINH', name: 'Sở Tài nguyên và Môi trường trình UBND thành phố dự thảo giấy phép', level: 'city', sector: 'natural_resources', sharePercent: 10 },
      { code: 'KY_GIAY_PHEP', name: 'Lãnh đạo UBND thành phố ký giấy phép môi trường', level: 'city', sector: 'general', sharePercent: 15 },
      { code: 'TRA_KET_QUA', name: 'Trả giấy phép tại Bộ phận Một cửa Sở Tài nguyên và Môi trường', level: 'city', sector: 'one_stop', sharePercent: 5 },
    ],
    resultName: 'Giấy phép môi trường',
    legalBasis: [
      'Luật Bảo vệ môi trường số 72/2020/QH14',
      'Nghị định 08/2022/NĐ-CP quy định chi tiết một số điều của Luật Bảo vệ môi trường',
      'Thông tư 02/2022/TT-BTNMT quy định chi tiết thi hành một số điều của Luật Bảo vệ môi trường',
    ],
  },
];
