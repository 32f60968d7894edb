// Thin client for /api/v1: JSON in and out, RFC 9457 problems turned into ApiError. A citizen's short-lived token is
// kept in localStorage; an officer's lives only in the HttpOnly session cookie, and writes carry its CSRF token.
import { STATUS_NAMES_VI } from '../../../libs/core/src/dossier/dossier-status';

export interface FieldError {
  field: string;
  message: string;
}
export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  errors?: FieldError[];
}

export class ApiError extends Error {
  constructor(
    public readonly status: number,
    public readonly problem: Problem,
  ) {
    super(problem.detail || problem.title || `HTTP ${status}`);
  }
}

/** What VNeID vouched for (absent after a phone sign-in): shown read-only, never retyped. */
export interface CitizenIdentity {
  fullName: string | null;
  idNumber: string | null;
  taxCode: string | null;
  birthDate: string | null;
  assurance: number;
}
export interface CitizenSession {
  token: string;
  phone: string;
  identity?: CitizenIdentity;
}
/** Stands for the officer's HttpOnly session cookie where a token is expected: the page never sees the token. */
export const OFFICER_COOKIE = 'officer-session-cookie';
export interface OfficerProfile {
  id: string;
  username: string;
  fullName: string;
  roles: string[];
  agencyCode: string;
  unitCode: string;
}
export interface OfficerSession {
  token: typeof OFFICER_COOKIE;
  csrfToken: string;
  officer: OfficerProfile;
}

const CITIZEN_KEY = 'dvc.citizen';
const OFFICER_KEY = 'dvc.officer';

function read<T>(key: string): T | null {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}
function readOfficer(): OfficerSession | null {
  const stored = read<{ csrfToken?: string; officer?: OfficerProfile }>(OFFICER_KEY);
  return stored?.csrfToken && stored.officer ? { token: OFFICER_COOKIE, csrfToken: stored.csrfToken, officer: stored.officer } : null;
}
export const session = {
  citizen: () => read<CitizenSession>(CITIZEN_KEY),
  officer: readOfficer,
  setCitizen: (s: CitizenSession | null) => (s ? localStorage.setItem(CITIZEN_KEY, JSON.stringify(s)) : localStorage.removeItem(CITIZEN_KEY)),
  /** Keeps the profile and the CSRF token; the access token itself stays in the cookie the sign-in set. */
  setOfficer: (s: { csrfToken: string; officer: OfficerProfile } | null) =>
    s ? localStorage.setItem(OFFICER_KEY, JSON.stringify({ csrfToken: s.csrfToken, officer: s.officer })) : localStorage.removeItem(OFFICER_KEY),
  /**
   * Ends our session; after a VNeID sign-in the browser then goes to VNeID to end that one too (true: the page is
   * leaving, VNeID sends it back to the home page).
   */
  signOutCitizen: async (): Promise<boolean> => {
    const citizen = read<CitizenSession>(CITIZEN_KEY);
    localStorage.removeItem(CITIZEN_KEY);
    if (!citizen) return false;
    const answer = await fetch('/api/v1/auth/citizens/logout', { method: 'POST', headers: { authorization: `Bearer ${citizen.token}` } }).catch(() => null);
    const body = answer?.ok ? ((await answer.json()) as { endSessionUrl: string | null }) : null;
    if (!body?.endSessionUrl) return false;
    location.assign(body.endSessionUrl);
    return true;
  },
  signOutOfficer: async () => {
    session.setOfficer(null);
    await fetch('/api/v1/auth/officers/logout', { method: 'POST' }).catch(() => undefined);
  },
};

function authHeaders(token: string | null | undefined): Record<string, string> {
  if (!token) return {};
  if (token !== OFFICER_COOKIE) return { authorization: `Bearer ${token}` };
  const officer = readOfficer();
  return officer ? { 'x-csrf-token': officer.csrfToken } : {};
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  token?: string | null;
  headers?: Record<string, string>;
}

export async function api<T = any>(path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...(opts.headers ?? {}) };
  let body: BodyInit | undefined;
  if (opts.body instanceof FormData) body = opts.body;
  else if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  Object.assign(headers, authHeaders(opts.token));
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, { method: opts.method ?? (body ? 'POST' : 'GET'), headers, body });
  } catch {
    throw new ApiError(0, { status: 0, title: 'Không kết nối được máy chủ, vui lòng kiểm tra mạng và thử lại.' });
  }
  const text = await res.text();
  let data: any = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = { detail: text };
  }
  if (!res.ok) throw new ApiError(res.status, { status: res.status, ...(data ?? {}) });
  return data as T;
}

/** Downloads an authenticated file (PDF, upload) and opens it in a new tab. */
export async function openBlob(path: string, token: string | null | undefined): Promise<void> {
  const win = window.open('', '_blank');
  const res = await fetch(`/api/v1${path}`, { headers: authHeaders(token) });
  if (!res.ok) {
    win?.close();
    let problem: Problem = { status: res.status };
    try {
      problem = { status: res.status, ...(await res.json()) };
    } catch {
      /* not JSON */
    }
    throw new ApiError(res.status, problem);
  }
  const url = URL.createObjectURL(await res.blob());
  if (win) win.location.href = url;
  else window.location.href = url;
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && 'randomUUID' in crypto && window.isSecureContext) return crypto.randomUUID();
  return 'k-' + Date.now().toString(36) + '-' + Math.random().toString(36).slice(2) + Math.random().toString(36).slice(2);
}

/** A Vietnamese sentence for an error the UI did not handle more specifically. */
export function errorText(e: unknown): string {
  if (e instanceof ApiError) {
    switch (e.status) {
      case 0:
        return e.problem.title ?? 'Không kết nối được máy chủ.';
      case 401:
        return 'Phiên đăng nhập đã hết hạn hoặc thông tin đăng nhập không đúng.';
      case 403:
        return 'Bạn không có quyền thực hiện thao tác này.';
      case 404:
        return 'Không tìm thấy thông tin yêu cầu.';
      case 409:
        return 'Hồ sơ đã được người khác cập nhật, vui lòng tải lại.';
      case 413:
        return 'Tệp quá lớn (tối đa 10 MB).';
      case 415:
        return 'Loại tệp không được chấp nhận (chỉ PDF, JPEG, PNG).';
      case 422:
        return 'Thông tin chưa hợp lệ, vui lòng kiểm tra các trường được đánh dấu.';
      case 429:
        return 'Bạn thao tác quá nhanh, vui lòng thử lại sau ít phút.';
      default:
        return `Có lỗi xảy ra (${e.status}): ${e.message}`;
    }
  }
  return 'Có lỗi xảy ra, vui lòng thử lại.';
}

const TZ = 'Asia/Ho_Chi_Minh';
export function fmtDateTime(iso?: string | null): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString('vi-VN', { timeZone: TZ, hour: '2-digit', minute: '2-digit', day: '2-digit', month: '2-digit', year: 'numeric' });
}
export function fmtVnd(n?: number | null): string {
  return `${(n ?? 0).toLocaleString('vi-VN')} đồng`;
}

// The domain's own names, so the portal and the API never disagree (the file has no imports: safe to bundle).

export const STATUS_NAMES: Readonly<Record<string, string>> = STATUS_NAMES_VI;

export const ACTION_NAMES: Record<string, string> = {
  submit: 'Nộp hồ sơ',
  accept: 'Tiếp nhận',
  request_supplement: 'Yêu cầu bổ sung',
  supplement: 'Bổ sung hồ sơ',
  refuse: 'Từ chối',
  assign: 'Phân công',
  transfer: 'Chuyển xử lý',
  propose: 'Đề xuất kết quả',
  approve: 'Phê duyệt',
  send_back: 'Trả lại',
  request_payment: 'Yêu cầu thanh toán',
  pay: 'Thanh toán',
  extend: 'Gia hạn',
  return_result: 'Trả kết quả',
  withdraw: 'Rút hồ sơ',
  rate: 'Đánh giá',
  confirm_payment: 'Xác nhận thanh toán',
  desk_payment: 'Thu phí tại quầy',
  refund: 'Hoàn phí',
  stop: 'Dừng xử lý',
  resolve: 'Có kết quả',
};
export const actionName = (a: string) => ACTION_NAMES[a] ?? ACTION_NAMES[a.replace(/-/g, '_')] ?? a;

export const TIMELINESS: Record<string, string> = {
  within_deadline: 'Trong hạn',
  early: 'Trước hạn',
  on_time: 'Đúng hạn',
  late: 'Trễ hạn',
  overdue: 'Quá hạn',
  paused: 'Tạm dừng — chờ công dân bổ sung hoặc nộp phí',
};

export function levelName(p: { onlineLevel?: { level?: number; decree42?: string; decree42Name?: string } }): string {
  const l = p.onlineLevel;
  if (!l) return '—';
  if (l.decree42 === 'end_to_end' || l.level === 4) return 'Toàn trình';
  if (l.decree42 === 'partial' || l.level === 3) return 'Một phần';
  return l.decree42Name ?? 'Cung cấp thông tin';
}

export function processingTimeText(t?: { sameDay?: boolean; workingDays?: number; workingHours?: number } | null): string {
  if (!t) return '—';
  const parts: string[] = [];
  if (t.workingDays) parts.push(`${t.workingDays} ngày làm việc`);
  if (t.workingHours) parts.push(`${t.workingHours} giờ làm việc`);
  if (t.sameDay) parts.unshift('Trong ngày');
  return parts.join(' — ') || '—';
}

/** Downloads an authenticated file under its own name (Content-Disposition), e.g. a result file. */
export async function downloadFile(path: string, token: string | null | undefined, fallbackName: string): Promise<void> {
  const res = await fetch(`/api/v1${path}`, { headers: authHeaders(token) });
  if (!res.ok) {
    let problem: Problem = { status: res.status };
    try {
      problem = { status: res.status, ...(await res.json()) };
    } catch {
      /* not JSON */
    }
    throw new ApiError(res.status, problem);
  }
  const header = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  const plain = /filename="([^"]+)"/i.exec(header);
  const name = star ? decodeURIComponent(star[1]) : plain ? plain[1] : fallbackName;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
