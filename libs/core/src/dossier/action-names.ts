import type { ActorRole } from './dossier-actions';

/**
 * The Vietnamese name of every event a dossier's history can hold: the one table the printed forms (the control
 * slip's content column), the national-portal pushes and the history shown to officers and applicants use.
 */
export const ACTION_NAMES_VI: Readonly<Record<string, string>> = {
  submit: 'Nộp hồ sơ trực tuyến',
  register: 'Đăng ký hồ sơ tại Bộ phận Một cửa',
  accept: 'Tiếp nhận hồ sơ',
  request_supplement: 'Yêu cầu bổ sung hồ sơ',
  supplement: 'Bổ sung hồ sơ',
  refuse: 'Từ chối hồ sơ',
  assign: 'Phân công xử lý',
  transfer: 'Chuyển hồ sơ',
  propose: 'Trình kết quả xử lý',
  approve: 'Phê duyệt kết quả',
  send_back: 'Trả lại để xử lý lại',
  request_payment: 'Yêu cầu thực hiện nghĩa vụ tài chính',
  confirm_payment: 'Xác nhận đã nộp phí, lệ phí',
  extend: 'Xin lỗi và hẹn lại ngày trả kết quả',
  return_result: 'Trả kết quả',
  withdraw: 'Công dân rút hồ sơ',
  stop: 'Dừng xử lý hồ sơ',
  rate: 'Đánh giá mức độ hài lòng',
  reorganize: 'Chuyển hồ sơ do sắp xếp đơn vị hành chính',
};

/** The Vietnamese name of an action; an action the table does not know is shown as it is. */
export function actionNameVi(action: string): string {
  return ACTION_NAMES_VI[action] ?? action;
}

/** What an officer is called when their account has no title. */
export const ROLE_NAMES_VI: Readonly<Record<ActorRole, string>> = {
  applicant: 'Người nộp hồ sơ',
  receiving_officer: 'Công chức tiếp nhận hồ sơ',
  specialist: 'Công chức xử lý hồ sơ',
  leader: 'Lãnh đạo',
  admin: 'Quản trị hệ thống',
  system: 'Hệ thống',
};

export interface EventActorForApplicant {
  kind: 'citizen' | 'officer' | 'system';
  /** The name stored in the event (the applicant's own name for their own steps). */
  name: string;
  title: string | null;
  role: string | null;
}

/**
 * Who did a step, as the applicant is shown it: their own name for their own steps; for the administration the
 * officer's title (or role) and the authority they act for ("Công chức Bộ phận Một cửa — UBND Phường Tràng Tiền"),
 * never a login name, a personal name or an id.
 */
export function actorNameForApplicant(actor: EventActorForApplicant, authorityName: string | null): string {
  if (actor.kind === 'citizen') return actor.name;
  const what = actor.kind === 'system' ? ROLE_NAMES_VI.system : actor.title?.trim() || ROLE_NAMES_VI[(actor.role ?? '') as ActorRole] || 'Cán bộ, công chức';
  return authorityName ? `${what} — ${authorityName}` : what;
}
