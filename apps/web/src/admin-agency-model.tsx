// What the agencies administration edits: the agency as the API answers it, the form's draft, and the field errors.
import { ApiError, type FieldError } from './api';

export interface Agency {
  code: string;
  name: string;
  kind: string;
  unitCode: string;
  unitName: string;
  sectors: string[];
  receives: boolean;
  smsBrandname: string | null;
  validFrom: string;
  validTo: string | null;
  closedFrom: string | null;
  open: boolean;
  procedures: { receives: string[]; processes: string[] };
  openDossiers?: number;
}
export interface Unit {
  code: string;
  name: string;
  parentCode: string | null;
  officeHours: OfficeHours | null;
}
export interface OfficeHours {
  sessions: { start: string; end: string }[];
  sameDayCutoff: string;
  cutoff: string;
}

export const KINDS: Record<string, string> = {
  one_stop_desk: 'Bộ phận Một cửa',
  office: 'Phòng, ban chuyên môn',
  department: 'Sở, ban, ngành',
  people_committee: 'Ủy ban nhân dân',
};
export const SECTORS: Record<string, string> = {
  one_stop: 'Một cửa',
  justice: 'Tư pháp - Hộ tịch',
  construction: 'Xây dựng',
  natural_resources: 'Tài nguyên và Môi trường',
  planning_investment: 'Kế hoạch và Đầu tư',
  urban_management: 'Quản lý đô thị',
  economy: 'Kinh tế',
  labour_social: 'Lao động - Xã hội',
  culture: 'Văn hóa',
  general: 'Chung (UBND)',
};
export const DEFAULT_HOURS: OfficeHours = {
  sessions: [
    { start: '07:30', end: '11:30' },
    { start: '13:00', end: '17:00' },
  ],
  sameDayCutoff: '15:00',
  cutoff: '17:00',
};
export const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
export const codesOf = (text: string) => [
  ...new Set(
    text
      .split(/[\s,;]+/)
      .map((c) => c.trim())
      .filter(Boolean),
  ),
];

/** A Vietnamese sentence for a field the API refused (its own messages are for developers). */
function fieldText(e: FieldError, status: number): string {
  if (e.field === 'code')
    return status === 409
      ? 'Mã định danh này đã được dùng cho một cơ quan khác.'
      : 'Mã định danh chưa đúng: theo cấu trúc QCVN 102:2016 (ví dụ 005.35.22.H26), đánh số ngay dưới mã của UBND đơn vị.';
  if (e.field === 'name') return 'Vui lòng nhập tên cơ quan.';
  if (e.field === 'kind') return 'Không tạo được loại cơ quan này ở đây (UBND có sẵn theo đơn vị; sở chỉ thuộc Thành phố).';
  if (e.field === 'sectors') return 'Chọn ít nhất một lĩnh vực; chỉ Bộ phận Một cửa có lĩnh vực Một cửa.';
  if (e.field.startsWith('procedures.receives')) return 'Có mã thủ tục không có trong danh mục, hoặc cơ quan chưa được chọn là nơi tiếp nhận hồ sơ.';
  if (e.field.startsWith('procedures.processes')) return 'Có mã thủ tục không có trong danh mục.';
  if (e.field === 'closedFrom') return status === 409 ? 'Cơ quan đã đóng, không mở lại hay đổi ngày đóng được.' : 'Ngày đóng phải từ hôm nay trở đi.';
  if (e.field === 'smsBrandname') return 'Tên người gửi SMS tối đa 11 ký tự không dấu.';
  return 'Giá trị chưa hợp lệ.';
}

export function fieldErrorsOf(e: unknown): Record<string, string> {
  if (!(e instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const f of e.problem.errors ?? []) {
    const key = f.field.replace(/\[\d+\]$/, '');
    out[key] ??= fieldText(f, e.status);
  }
  return out;
}

export function FieldNote({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p className="field-error" id={`${id}-error`}>
      {error}
    </p>
  ) : null;
}

export interface Draft {
  code: string;
  name: string;
  kind: string;
  sectors: string[];
  receives: boolean;
  receivesText: string;
  processesText: string;
  smsBrandname: string;
  closedFrom: string;
}
export const emptyDraft: Draft = {
  code: '',
  name: '',
  kind: 'office',
  sectors: [],
  receives: false,
  receivesText: '',
  processesText: '',
  smsBrandname: '',
  closedFrom: '',
};
export const draftOf = (a: Agency): Draft => ({
  code: a.code,
  name: a.name,
  kind: a.kind,
  sectors: a.sectors,
  receives: a.receives,
  receivesText: a.procedures.receives.join(', '),
  processesText: a.procedures.processes.join(', '),
  smsBrandname: a.smsBrandname ?? '',
  closedFrom: a.closedFrom ?? '',
});
