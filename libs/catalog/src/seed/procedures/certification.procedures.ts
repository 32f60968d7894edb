import type { ProcedureDefinition } from '@dvc/core';
import { applicant, form, int, oneOfText, text } from './schema-helpers';

/**
 * Lĩnh vực Chứng thực — Nghị định 23/2015/NĐ-CP. Both procedures are also available at the district justice
 * office; the seed models the commune desk, where most of the city's certified copies are made.
 * Time: "trong ngày cơ quan tiếp nhận yêu cầu hoặc trong ngày làm việc tiếp theo nếu tiếp nhận sau 15 giờ".
 */

const FIELD = 'Chứng thực';
const FIELD_CODE = 'chung-thuc';
const LAW = [
  'Nghị định 23/2015/NĐ-CP về cấp bản sao từ sổ gốc, chứng thực bản sao từ bản chính, chứng thực chữ ký và chứng thực hợp đồng, giao dịch',
  'Thông tư 01/2020/TT-BTP quy định chi tiết và hướng dẫn thi hành một số điều của Nghị định 23/2015/NĐ-CP',
  'Thông tư 226/2016/TT-BTC quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí chứng thực',
];

const workflow = (signName: string) => [
  { code: 'TIEP_NHAN', name: 'Tiếp nhận yêu cầu chứng thực tại Bộ phận Một cửa UBND cấp xã', level: 'commune' as const, sector: 'one_stop' as const, sharePercent: 10 },
  { code: 'KIEM_TRA', name: 'Công chức tư pháp - hộ tịch kiểm tra, đối chiếu, ghi lời chứng và vào Sổ chứng thực', level: 'commune' as const, sector: 'justice' as const, sharePercent: 50 },
  { code: 'KY', name: signName, level: 'commune' as const, sector: 'general' as const, sharePercent: 25 },
  { code: 'TRA_KET_QUA', name: 'Trả kết quả, thu phí tại Bộ phận Một cửa UBND cấp xã', level: 'commune' as const, sector: 'one_stop' as const, sharePercent: 15 },
];

export const CERTIFICATION_PROCEDURES: ProcedureDefinition[] = [
  {
    code: '2.000815',
    name: 'Thủ tục chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan tổ chức có thẩm quyền của Việt Nam cấp hoặc chứng nhận',
    field: FIELD,
    fieldCode: FIELD_CODE,
    receivingLevels: ['commune'],
    decidingLevel: 'commune',
    // The original must be presented to the certifying officer.
    onlineLevel: 3,
    processingTime: { workingHours: 4, sameDay: true },
    components: [
      {
        code: 'BC',
        name: 'Bản chính giấy tờ, văn bản làm cơ sở để chứng thực bản sao',
        originals: 1,
        certifiedCopies: 0,
        photocopies: 0,
        required: true,
        note: 'Xuất trình để đối chiếu; được trả lại ngay sau khi chứng thực.',
      },
      {
        code: 'BS',
        name: 'Bản sao cần chứng thực (bản chụp từ bản chính)',
        originals: 0,
        certifiedCopies: 0,
        photocopies: 1,
        required: true,
        note: 'Người yêu cầu không tự chụp được thì cơ quan chứng thực chụp.',
      },
    ],
    fees: [
      {
        code: 'PHI_CHUNG_THUC_BAN_SAO',
        kind: 'fee',
        // Thông tư 226/2016/TT-BTC art. 4(2): 2.000 đ/trang; từ trang thứ ba 1.000 đ/trang, tối đa 200.000 đ/bản.
        name: 'Phí chứng thực bản sao từ bản chính (2.000 đồng/trang; từ trang thứ ba 1.000 đồng/trang, tối đa 200.000 đồng/bản)',
        basis: 'per_copy',
        amountVnd: 2000,
        copiesField: 'soBanSao',
        pages: { field: 'soTrangMoiBan', firstPages: 2, laterPageAmountVnd: 1000, maxPerCopyVnd: 200_000, totalField: 'tongSoTrang' },
        payment: 'before',
      },
    ],
    formSchema: form(
      'Yêu cầu chứng thực bản sao từ bản chính',
      {
        nguoiYeuCau: applicant(),
        tenGiayTo: text('Tên giấy tờ, văn bản cần chứng thực', 300),
        coQuanCap: text('Cơ quan, tổ chức cấp bản chính', 200),
        soBanSao: int('Số bản sao cần chứng thực', 1, 100),
        soTrangMoiBan: int('Số trang của mỗi bản', 1, 500),
        // Filled in by the system from the two counts above; what the applicant types here is replaced.
        tongSoTrang: int('Tổng số trang cần chứng thực (số bản × số trang)', 1, 50000),
      },
      ['nguoiYeuCau', 'tenGiayTo', 'soBanSao', 'soTrangMoiBan'],
    ),
    workflow: workflow('Chủ tịch (Phó Chủ tịch) UBND cấp xã ký chứng thực, đóng dấu'),
    resultName: 'Bản sao được chứng thực từ bản chính',
    legalBasis: LAW,
  },

  {
    code: '2.000884',
    name: 'Thủ tục chứng thực chữ ký trong các giấy tờ, văn bản (áp dụng cho cả trường hợp chứng thực điểm chỉ và trường hợp người yêu cầu chứng thực không thể ký, không thể điểm chỉ được)',
    field: FIELD,
    fieldCode: FIELD_CODE,
    receivingLevels: ['commune'],
    decidingLevel: 'commune',
    // The signer must sign (or fingerprint) in front of the certifying officer.
    onlineLevel: 3,
    processingTime: { workingHours: 4, sameDay: true },
    components: [
      {
        code: 'GTTT',
        name: 'Bản chính hoặc bản sao có chứng thực Giấy chứng minh nhân dân, Thẻ căn cước công dân hoặc Hộ chiếu còn giá trị sử dụng',
        originals: 1,
        certifiedCopies: 0,
        photocopies: 0,
        required: true,
        note: 'Xuất trình.',
      },
      { code: 'VB', name: 'Giấy tờ, văn bản mà mình sẽ ký', originals: 1, certifiedCopies: 0, photocopies: 0, required: true },
    ],
    fees: [
      {
        code: 'PHI_CHUNG_THUC_CHU_KY',
        kind: 'fee',
        name: 'Phí chứng thực chữ ký (10.000 đồng/trường hợp)',
        basis: 'fixed',
        amountVnd: 10000,
        payment: 'before',
      },
    ],
    formSchema: form(
      'Yêu cầu chứng thực chữ ký',
      {
        nguoiYeuCau: applicant(),
        tenGiayTo: text('Tên giấy tờ, văn bản cần chứng thực chữ ký', 300),
        hinhThuc: oneOfText('Hình thức', ['Ký', 'Điểm chỉ', 'Không thể ký, không thể điểm chỉ']),
        soBan: int('Số bản giấy tờ cần chứng thực', 1, 50),
      },
      ['nguoiYeuCau', 'tenGiayTo', 'hinhThuc', 'soBan'],
    ),
    workflow: workflow('Người thực hiện chứng thực ghi lời chứng, ký và đóng dấu UBND cấp xã'),
    resultName: 'Giấy tờ, văn bản đã được chứng thực chữ ký',
    legalBasis: LAW,
  },
];
