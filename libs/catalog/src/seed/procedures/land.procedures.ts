import type { ProcedureDefinition } from '@dvc/core';
import { applicant, bool, date, form, landParcel, object, oneOfText, personalId, text } from './schema-helpers';

/**
 * Lĩnh vực Đất đai (Luật Đất đai 2024, Nghị định 101/2024/NĐ-CP), as run in Hà Nội under the 3-level structure:
 *  - first registration of households and individuals: filed at the commune, which certifies the land's status,
 *    then the district land registration branch and the district People's Committee, which signs the certificate;
 *  - transfers: filed at the district one-stop desk where the branch of the city Land Registration Office
 *    (Văn phòng Đăng ký đất đai Hà Nội, under the Department of Natural Resources and Environment) receives them;
 *    the department decides and the result goes back to the district desk.
 * The certificate charge is collected when the certificate is handed over, hence `payment: 'after'`.
 */

const FIELD = 'Đất đai';
const FIELD_CODE = 'dat-dai';
const LAND_LAW = ['Luật Đất đai số 31/2024/QH15', 'Nghị định 101/2024/NĐ-CP quy định về điều tra cơ bản đất đai; đăng ký, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất và Hệ thống thông tin đất đai'];
const FEE_LAW = 'Thông tư 85/2019/TT-BTC hướng dẫn về phí và lệ phí thuộc thẩm quyền quyết định của HĐND cấp tỉnh';

const landUse = () =>
  oneOfText('Mục đích sử dụng đất', [
    'Đất ở tại đô thị',
    'Đất ở tại nông thôn',
    'Đất trồng cây hằng năm khác',
    'Đất trồng cây lâu năm',
    'Đất nuôi trồng thủy sản',
    'Đất thương mại, dịch vụ',
  ]);

export const LAND_PROCEDURES: ProcedureDefinition[] = [
  {
    code: '1.013978',
    name: 'Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất lần đầu đối với hộ gia đình, cá nhân, cộng đồng dân cư, người gốc Việt Nam định cư ở nước ngoài',
    field: FIELD,
    fieldCode: FIELD_CODE,
    receivingLevels: ['commune'],
    decidingLevel: 'district',
    onlineLevel: 3,
    // Không quá 20 ngày làm việc (đăng ký lần đầu và cấp Giấy chứng nhận), không kể thời gian niêm yết công khai
    // và thời gian thực hiện nghĩa vụ tài chính.
    processingTime: { workingDays: 20 },
    components: [
      {
        code: 'DON',
        name: 'Đơn đăng ký đất đai, tài sản gắn liền với đất (Mẫu số 04/ĐK ban hành kèm theo Nghị định 101/2024/NĐ-CP)',
        originals: 1,
        certifiedCopies: 0,
        photocopies: 0,
        required: true,
      },
      {
        code: 'GTQSD',
        name: 'Một trong các loại giấy tờ về quyền sử dụng đất quy định tại Điều 137 Luật Đất đai (nếu có)',
        originals: 0,
        certifiedCopies: 1,
        photocopies: 0,
        required: false,
      },
      {
        code: 'SODO',
        name: 'Sơ đồ nhà ở, công trình xây dựng; giấy tờ về quyền sở hữu tài sản gắn liền với đất (nếu đăng ký tài sản)',
        originals: 1,
        certifiedCopies: 0,
        photocopies: 0,
        required: false,
      },
      {
        code: 'NVTC',
        name: 'Giấy tờ chứng minh được miễn, giảm hoặc đã hoàn thành nghĩa vụ tài chính về đất đai (nếu có)',
        originals: 0,
        certifiedCopies: 1,
        photocopies: 0,
        required: false,
      },
      {
        code: 'TK_THUE',
        name: 'Tờ khai lệ phí trước bạ, tờ khai tiền sử dụng đất (nếu có)',
        originals: 1,
        certifiedCopies: 0,
        photocopies: 0,
        required: false,
      },
    ],
    fees: [
      {
        code: 'LP_CAP_GCN',
        kind: 'charge',
        name: 'Lệ phí cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất (hộ gia đình, cá nhân)',
        basis: 'fixed',
        amountVnd: 100000,
        payment: 'after',
      },
    ],
    formSchema: form(
      'Đơn đăng ký đất đai, tài sản gắn liền với đất',
      {
        nguoiNopHoSo: applicant('Người nộp hồ sơ'),
        nguoiSuDungDat: object(
          'Người sử dụng đất',
          {
            hoTen: text('Họ, chữ đệm và tên', 100),
            ngaySinh: date('Ngày, tháng, năm sinh'),
            soDinhDanh: personalId(),
            diaChi: text('Địa chỉ thường trú', 300),
            voChong: text('Họ tên vợ/chồng cùng đứng tên (nếu có)', 100),
          },
          ['hoTen', 'ngaySinh', 'soDinhDanh', 'diaChi'],
        ),
        thuaDat: landParcel(),
        mucDichSuDung: landUse(),
        thoiDiemBatDauSuDung: date('Thời điểm bắt đầu sử dụng đất'),
        nguonGocSuDung: oneOfText('Nguồn gốc sử dụng đất', [
          'Nhà nước giao đất có thu tiền sử dụng đất',
          'Nhà nước giao đất không thu tiền sử dụng đất',
          'Nhận chuyển quyền sử dụng đất',
          'Sử dụng đất ổn định, không có giấy tờ về quyền sử dụng đất',
          'Nguồn gốc khác',
        ]),
        coTaiSanGanLienVoiDat: bool('Đề nghị đăng ký tài sản gắn liền với đất'),
        deNghiGhiNoNghiaVuTaiChinh: bool('Đề nghị ghi nợ tiền sử dụng đất, lệ phí trước bạ'),
      },
      ['nguoiNopHoSo', 'nguoiSuDungDat', 'thuaDat', 'mucDichSuDung', 'nguonGocSuDung'],
    ),
    workflow: [
      { code: 'TIEP_NHAN', name: 'Tiếp nhận hồ sơ tại Bộ phận Một cửa UBND cấp xã', level: 'commune', sector: 'one_stop', sharePercent: 5 },
      {
        code: 'XAC_NHAN_XA',
        name: 'Công chức địa chính cấp xã xác nhận hiện trạng, tình trạng tranh chấp, nguồn gốc và thời điểm sử dụng đất; niêm yết công khai',
        level: 'commune',
        sector: 'natural_resources',
        sharePercent: 25,
      },
      { code: 'CHUYEN_HUYEN', name: 'UBND cấp xã ký văn bản chuyển hồ sơ lên cấp huyện', level: 'commune', sector: 'general', sharePercent: 5 },
      {
        code: 'DANG_KY',
        name: 'Chi nhánh Văn phòng Đăng ký đất đai kiểm tra hồ sơ, trích lục/trích đo địa chính, gửi thông tin xác định nghĩa vụ tài chính',
        level: 'district',
        sector: 'natural_resources',
        sharePercent: 30,
      },
      { code: 'THAM_DINH', name: 'Phòng Tài nguyên và Môi trường thẩm định, trình UBND cấp huyện cấp Giấy chứng nhận', level: 'district', sector: 'natural_resources', sharePercent: 15 },
      { code: 'KY_GCN', name: 'Lãnh đạo UBND cấp huyện ký Giấy chứng nhận', level: 'district', sector: 'general', sharePercent: 15 },
      { code: 'TRA_KET_QUA', name: 'Trả Giấy chứng nhận tại Bộ phận Một cửa UBND cấp xã', level: 'commune', sector: 'one_stop', sharePercent: 5 },
    ],
    resultName: 'Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất',
    legalBasis: [...LAND_LAW, FEE_LAW],
  },

  {
    code: '1.013831',
    name: 'Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất trong các trường hợp chuyển đổi, chuyển nhượng, thừa kế, tặng cho, góp vốn bằng quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất',
    field: FIELD,
    fieldCode: FIELD_CODE,
    receivingLevels: ['district'],
    decidingLevel: 'city',
    onlineLevel: 3,
    // Không quá 08 ngày làm việc, không kể thời gian thực hiện nghĩa vụ tài chính.
    processingTime: { workingDays: 8 },
    components: [
      {
        code: 'DON',
        name: 'Đơn đăng ký biến động đất đai, tài sản gắn liền với đất (Mẫu số 11/ĐK ban hành kèm theo Nghị định 101/2024/NĐ-CP)',
        originals: 1,
        certifiedCopies: 0,
        photocopies: 0,
        required: true,
      },
      { code: 'GCN', name: 'Bản gốc Giấy chứng nhận đã cấp', originals: 1, certifiedCopies: 0, photocopies: 0, required: true },
      {
        code: 'HD',
        name: 'Hợp đồng, văn bản về việc chuyển đổi, chuyển nhượng, thừa kế, tặng cho, góp vốn đã được công chứng hoặc chứng thực',
        originals: 1,
        certifiedCopies: 0,
        photocopies: 0,
        required: true,
      },
      {
        code: 'TK_THUE',
        name: 'Tờ khai thuế thu nhập cá nhân, tờ khai lệ phí trước bạ',
        originals: 1,
        certifiedCopies: 0,
        photocopies: 0,
        required: true,
      },
      {
        code: 'VB_THE_CHAP',
        name: 'Văn bản của bên nhận thế chấp đồng ý cho chuyển quyền (trường hợp đất đang thế chấp)',
        originals: 1,
        certifiedCopies: 0,
        photocopies: 0,
        required: false,
      },
    ],
    fees: [
      {
        code: 'LP_CAP_GCN',
        kind: 'charge',
        name: 'Lệ phí cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất (cấp mới sau biến động)',
        basis: 'fixed',
        amountVnd: 100000,
        payment: 'after',
      },
    ],
    formSchema: form(
      'Đơn đăng ký biến động đất đai, tài sản gắn liền với đất',
      {
        nguoiNopHoSo: applicant('Người nộp hồ sơ'),
        hinhThucBienDong: oneOfText('Hình thức biến động', ['Chuyển đổi', 'Chuyển nhượng', 'Thừa kế', 'Tặng cho', 'Góp vốn']),
        benChuyenQuyen: object(
          'Bên chuyển quyền',
          {
            hoTen: text('Họ, chữ đệm và tên (tên tổ chức)', 200),
            soDinhDanh: personalId(),
          },
          ['hoTen'],
        ),
        benNhanQuyen: object(
          'Bên nhận quyền',
          {
            hoTen: text('Họ, chữ đệm và tên (tên tổ chức)', 200),
            ngaySinh: date('Ngày, tháng, năm sinh'),
            soDinhDanh: personalId(),
            diaChi: text('Địa chỉ', 300),
          },
          ['hoTen', 'soDinhDanh', 'diaChi'],
        ),
        giayChungNhan: object(
          'Giấy chứng nhận đã cấp',
          {
            soPhatHanh: { type: 'string', title: 'Số phát hành (số seri)', pattern: '^[A-Z]{1,2} ?[0-9]{6,8}$' },
            soVaoSo: text('Số vào sổ cấp Giấy chứng nhận', 50),
            ngayCap: date('Ngày cấp'),
          },
          ['soPhatHanh', 'ngayCap'],
        ),
        thuaDat: landParcel(),
        hopDong: object(
          'Hợp đồng, văn bản chuyển quyền',
          {
            soCongChung: text('Số công chứng, chứng thực', 50),
            ngayCongChung: date('Ngày công chứng, chứng thực'),
            toChucCongChung: text('Tổ chức hành nghề công chứng / cơ quan chứng thực', 200),
          },
          ['soCongChung', 'ngayCongChung', 'toChucCongChung'],
        ),
        deNghiCapGcnMoi: bool('Đề nghị cấp mới Giấy chứng nhận'),
      },
      ['nguoiNopHoSo', 'hinhThucBienDong', 'benChuyenQuyen', 'benNhanQuyen', 'giayChungNhan', 'thuaDat', 'hopDong'],
    ),
    workflow: [
      { code: 'TIEP_NHAN', name: 'Tiếp nhận hồ sơ tại Bộ phận Một cửa UBND cấp huyện', level: 'district', sector: 'one_stop', sharePercent: 5 },
      {
        code: 'KIEM_TRA',
        name: 'Văn phòng Đăng ký đất đai Hà Nội (Sở Tài nguyên và Môi trường) kiểm tra hồ sơ, gửi thông tin sang cơ quan thuế, chỉnh lý hồ sơ địa chính',
        level: 'city',
        sector: 'natural_resources',
        sharePercent: 55,
      },
      {
        code: 'KY_GCN',
        name: 'Lãnh đạo Sở Tài nguyên và Môi trường ký cấp Giấy chứng nhận (hoặc Văn phòng Đăng ký đất đai xác nhận nội dung biến động)',
        level: 'city',
        sector: 'natural_resources',
        sharePercent: 25,
      },
      { code: 'TRA_KET_QUA', name: 'Trả kết quả tại Bộ phận Một cửa UBND cấp huyện', level: 'district', sector: 'one_stop', sharePercent: 15 },
    ],
    resultName: 'Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất cấp mới hoặc Giấy chứng nhận đã cấp được xác nhận nội dung biến động',
    legalBasis: [...LAND_LAW, 'Luật Công chứng số 53/2014/QH13', FEE_LAW],
  },
];
