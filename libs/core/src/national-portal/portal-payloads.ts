import { formatCompact } from '../calendar';
import { ACTION_NAMES_VI, actionNameVi, NATIONAL_STATUS, NATIONAL_STATUS_NAMES } from '../dossier';
import type { DossierStatus, NationalStatus } from '../dossier';

/**
 * Payloads for the National Public Service Portal (Cổng DVC quốc gia), in the DongBoHoSoMC /
 * CapNhatTienDoHoSoMC style: PascalCase Vietnamese keys, times as yyyyMMddHHmmss in Asia/Ho_Chi_Minh,
 * status codes 1–10 (NATIONAL_STATUS), amounts in whole VND. Framework-free and pure.
 */

/** One line of the dossier's history, as stored by the dossier service. */
export interface PortalDossierEvent {
  id: string;
  action: string;
  at: Date;
  actorName: string;
  fromStatus: DossierStatus | null;
  toStatus: DossierStatus;
  fromAgencyCode: string | null;
  toAgencyCode: string;
  note: string | null;
  data: Record<string, unknown>;
}

/** Everything the payload builders need to know about one dossier. */
export interface PortalDossierSnapshot {
  code: string;
  procedureCode: string;
  procedureName: string;
  receivingAgencyCode: string;
  receivingAgencyName: string;
  currentAgencyCode: string;
  status: DossierStatus;
  channel: 'online' | 'direct' | 'post';
  applicant: { fullName: string; idNumber: string; phone: string; email?: string; address: string };
  submittedAt: Date;
  receivedAt: Date | null;
  /** The reference due time (the first appointment, moved only by pauses). */
  dueAt: Date | null;
  /** The new appointment of an extension (Form 04), if one was given. */
  extendedDueAt?: Date | null;
  finishedAt: Date | null;
  returnedAt: Date | null;
  feeTotalVnd: number;
  feesPaidVnd: number;
  outcome: 'grant' | 'deny' | null;
  events: PortalDossierEvent[];
}

/** KenhThucHien: 1 direct at the desk, 2 online, 3 public postal service. */
export type PortalChannel = 1 | 2 | 3;

/** One supplementation request (Form 02) and when it was answered. */
export interface HoSoBoSungMC {
  NgayYeuCau: string;
  NoiDung: string;
  /** null while the request is unanswered. */
  NgayBoSung: string | null;
}

/** One progress line (quá trình xử lý). */
export interface QuaTrinhXuLyMC {
  MaTrangThai: NationalStatus;
  TenTrangThai?: string;
  ThoiDiemXuLy: string;
  NguoiXuLy: string;
  DonViXuLy: string;
  NoiDung: string;
}

/** The full record pushed with DongBoHoSoMC (create) or CapNhatHoSoMC (update). */
export interface DongBoHoSoMC {
  MaHoSo: string;
  MaTTHC: string;
  TenTTHC: string;
  /** The receiving agency. */
  MaDonVi: string;
  TenDonVi: string;
  KenhThucHien: PortalChannel;
  ChuHoSo: string;
  SoCMND: string;
  SoDienThoai: string;
  Email: string | null;
  DiaChi: string;
  NgayNopHoSo: string;
  NgayTiepNhan: string | null;
  /** The appointment first given (moved only by the time waited for the applicant): timeliness is judged on it. */
  NgayHenTra: string | null;
  /** The new appointment after an apology and extension (Form 04); null when none was given. */
  NgayHenTraMoi: string | null;
  NgayKetThucXuLy: string | null;
  NgayTra: string | null;
  TrangThaiHoSo: NationalStatus;
  /** '1' granted, '0' denied, null when there is no decision yet. */
  KetQuaXuLy: '1' | '0' | null;
  LePhi: number;
  PhiDaThu: number;
  DanhSachHoSoBoSung: HoSoBoSungMC[];
  QuaTrinhXuLy: QuaTrinhXuLyMC[];
}

/** One progress update pushed with CapNhatTienDoHoSoMC. */
export interface CapNhatTienDoHoSoMC {
  MaHoSo: string;
  TrangThaiHoSo: NationalStatus;
  ThoiDiemXuLy: string;
  NguoiXuLy: string;
  DonViXuLy: string;
  NoiDung: string;
  NgayHenTra: string | null;
  NgayHenTraMoi: string | null;
}

export const PORTAL_CHANNEL: Record<PortalDossierSnapshot['channel'], PortalChannel> = {
  direct: 1,
  online: 2,
  post: 3,
};

/** Vietnamese wording of each action on a progress line: the one table of libs/core (ACTION_NAMES_VI). */
export const PORTAL_ACTION_LABELS = ACTION_NAMES_VI;

const compactOrNull = (date: Date | null | undefined): string | null => (date ? formatCompact(date) : null);

function wholeVnd(value: number, field: string): number {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${field} must be a whole, non-negative VND amount, got ${value}`);
  return value;
}

/** Events by time; events at the same instant keep the order they were given in. */
function orderedEvents(events: readonly PortalDossierEvent[]): PortalDossierEvent[] {
  return events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => a.event.at.getTime() - b.event.at.getTime() || a.index - b.index)
    .map(({ event }) => event);
}

/** The unit that carried out the step: where the dossier was (the hand-over's giver), else where it went. */
function actingAgency(event: PortalDossierEvent): string {
  return event.fromAgencyCode ?? event.toAgencyCode;
}

/** The progress text: the action's wording, the transfer target, then the officer's note or reason. */
export function describeEvent(event: PortalDossierEvent): string {
  let text = actionNameVi(event.action);
  if (event.action === 'transfer' && event.fromAgencyCode !== event.toAgencyCode) text += ` đến ${event.toAgencyCode}`;
  const note = event.note?.trim();
  return note ? `${text}: ${note}` : text;
}

function progressLine(event: PortalDossierEvent): QuaTrinhXuLyMC {
  const code = NATIONAL_STATUS[event.toStatus];
  return {
    MaTrangThai: code,
    TenTrangThai: NATIONAL_STATUS_NAMES[code],
    ThoiDiemXuLy: formatCompact(event.at),
    NguoiXuLy: event.actorName,
    DonViXuLy: actingAgency(event),
    NoiDung: describeEvent(event),
  };
}

function supplementRequestText(event: PortalDossierEvent): string {
  const reason = event.note?.trim() ?? '';
  const missing = event.data?.missingComponents;
  const list = Array.isArray(missing) ? missing.filter((m): m is string => typeof m === 'string' && m.length > 0) : [];
  if (list.length === 0) return reason;
  const components = `Thành phần cần bổ sung: ${list.join(', ')}`;
  return reason ? `${reason}. ${components}` : components;
}

/**
 * Supplementation history: each request_supplement opens an entry; each supplement answers the oldest
 * open request. A supplement with no open request is ignored; an unanswered request has NgayBoSung null.
 */
export function supplementHistory(events: readonly PortalDossierEvent[]): HoSoBoSungMC[] {
  const entries: HoSoBoSungMC[] = [];
  const open: HoSoBoSungMC[] = [];
  for (const event of orderedEvents(events)) {
    if (event.action === 'request_supplement') {
      const entry: HoSoBoSungMC = { NgayYeuCau: formatCompact(event.at), NoiDung: supplementRequestText(event), NgayBoSung: null };
      entries.push(entry);
      open.push(entry);
    } else if (event.action === 'supplement') {
      const answered = open.shift();
      if (answered) answered.NgayBoSung = formatCompact(event.at);
    }
  }
  return entries;
}

function dateFromData(value: unknown): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value !== 'string' || value === '') return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The reference due date an event set explicitly (accept: data.dueAt). */
function dueSetBy(event: PortalDossierEvent): Date | null {
  return event.action === 'extend' ? null : dateFromData(event.data?.dueAt);
}

/** The new appointment an extension set (data.newDueAt). */
function newDueSetBy(event: PortalDossierEvent): Date | null {
  return event.action === 'extend' ? dateFromData(event.data?.newDueAt) : null;
}

/** The full record for DongBoHoSoMC / CapNhatHoSoMC. */
export function buildSyncPayload(s: PortalDossierSnapshot): DongBoHoSoMC {
  const channel = PORTAL_CHANNEL[s.channel];
  if (channel === undefined) throw new RangeError(`unknown channel ${String(s.channel)}`);
  const status = NATIONAL_STATUS[s.status];
  if (status === undefined) throw new RangeError(`unknown dossier status ${String(s.status)}`);
  return {
    MaHoSo: s.code,
    MaTTHC: s.procedureCode,
    TenTTHC: s.procedureName,
    MaDonVi: s.receivingAgencyCode,
    TenDonVi: s.receivingAgencyName,
    KenhThucHien: channel,
    ChuHoSo: s.applicant.fullName,
    SoCMND: s.applicant.idNumber,
    SoDienThoai: s.applicant.phone,
    Email: s.applicant.email || null,
    DiaChi: s.applicant.address,
    NgayNopHoSo: formatCompact(s.submittedAt),
    NgayTiepNhan: compactOrNull(s.receivedAt),
    NgayHenTra: compactOrNull(s.dueAt),
    NgayHenTraMoi: compactOrNull(s.extendedDueAt ?? null),
    NgayKetThucXuLy: compactOrNull(s.finishedAt),
    NgayTra: compactOrNull(s.returnedAt),
    TrangThaiHoSo: status,
    KetQuaXuLy: s.outcome === 'grant' ? '1' : s.outcome === 'deny' ? '0' : null,
    LePhi: wholeVnd(s.feeTotalVnd, 'feeTotalVnd'),
    PhiDaThu: wholeVnd(s.feesPaidVnd, 'feesPaidVnd'),
    DanhSachHoSoBoSung: supplementHistory(s.events),
    QuaTrinhXuLy: orderedEvents(s.events).map(progressLine),
  };
}

/**
 * One CapNhatTienDoHoSoMC update for the event `eventId`.
 *
 * NgayHenTra is the reference due date as of that event: the one the event itself set (accept); for the latest
 * event the snapshot's current one (it also reflects clock pauses); for an older event the last one set by an earlier
 * event, else none while the dossier was still new, else the current one. NgayHenTraMoi likewise follows extensions.
 */
export function buildProgressPayload(s: PortalDossierSnapshot, eventId: string): CapNhatTienDoHoSoMC {
  const events = orderedEvents(s.events);
  const index = events.findIndex((e) => e.id === eventId);
  if (index < 0) throw new RangeError(`dossier ${s.code} has no event ${eventId}`);
  const event = events[index];
  let due = dueSetBy(event);
  if (!due && index === events.length - 1) due = s.dueAt;
  if (!due) {
    for (let i = index - 1; i >= 0 && !due; i--) due = dueSetBy(events[i]);
    if (!due && event.toStatus !== 'new') due = s.dueAt;
  }
  let newDue = newDueSetBy(event);
  if (!newDue && index === events.length - 1) newDue = s.extendedDueAt ?? null;
  for (let i = index - 1; i >= 0 && !newDue; i--) newDue = newDueSetBy(events[i]);
  const line = progressLine(event);
  return {
    MaHoSo: s.code,
    TrangThaiHoSo: line.MaTrangThai,
    ThoiDiemXuLy: line.ThoiDiemXuLy,
    NguoiXuLy: line.NguoiXuLy,
    DonViXuLy: line.DonViXuLy,
    NoiDung: line.NoiDung,
    NgayHenTra: compactOrNull(due),
    NgayHenTraMoi: compactOrNull(newDue),
  };
}
