import type { CapNhatTienDoHoSoMC, DongBoHoSoMC } from '@dvc/core/national-portal';

/** Checks the portal payloads the way a strict receiver would; each returns the first problem or null. */

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;

/** yyyyMMddHHmmss with plausible parts. */
export function isCompactTime(v: unknown): v is string {
  if (typeof v !== 'string' || !/^\d{14}$/.test(v)) return false;
  const [mo, d, h, mi, s] = [4, 6, 8, 10, 12].map((i) => Number(v.slice(i, i + 2)));
  return mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h <= 23 && mi <= 59 && s <= 59;
}

const isStatus = (v: unknown): boolean => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 10;
const isVnd = (v: unknown): boolean => Number.isSafeInteger(v) && (v as number) >= 0;
const optionalTime = (v: unknown): boolean => v === null || v === undefined || isCompactTime(v);
const optionalString = (v: unknown): boolean => v === null || v === undefined || typeof v === 'string';

export function checkRecord(data: unknown): string | null {
  if (!isObject(data)) return 'data must be an object';
  const problems: [boolean, string][] = [
    [nonEmpty(data.MaHoSo), 'MaHoSo'],
    [nonEmpty(data.MaTTHC), 'MaTTHC'],
    [nonEmpty(data.MaDonVi), 'MaDonVi'],
    [optionalString(data.TenTTHC), 'TenTTHC'],
    [optionalString(data.TenDonVi), 'TenDonVi'],
    [[1, 2, 3].includes(data.KenhThucHien as number), 'KenhThucHien'],
    [typeof data.ChuHoSo === 'string', 'ChuHoSo'],
    [optionalString(data.SoCMND), 'SoCMND'],
    [optionalString(data.SoDienThoai), 'SoDienThoai'],
    [optionalString(data.Email), 'Email'],
    [optionalString(data.DiaChi), 'DiaChi'],
    [isCompactTime(data.NgayNopHoSo), 'NgayNopHoSo'],
    [optionalTime(data.NgayTiepNhan), 'NgayTiepNhan'],
    [optionalTime(data.NgayHenTra), 'NgayHenTra'],
    [optionalTime(data.NgayHenTraMoi), 'NgayHenTraMoi'],
    [optionalTime(data.NgayKetThucXuLy), 'NgayKetThucXuLy'],
    [optionalTime(data.NgayTra), 'NgayTra'],
    [isStatus(data.TrangThaiHoSo), 'TrangThaiHoSo'],
    [data.KetQuaXuLy === null || data.KetQuaXuLy === undefined || data.KetQuaXuLy === '0' || data.KetQuaXuLy === '1', 'KetQuaXuLy'],
    [data.LePhi === undefined || isVnd(data.LePhi), 'LePhi'],
    [data.PhiDaThu === undefined || isVnd(data.PhiDaThu), 'PhiDaThu'],
    [data.DanhSachHoSoBoSung === undefined || Array.isArray(data.DanhSachHoSoBoSung), 'DanhSachHoSoBoSung'],
    [data.QuaTrinhXuLy === undefined || Array.isArray(data.QuaTrinhXuLy), 'QuaTrinhXuLy'],
  ];
  const bad = problems.find(([ok]) => !ok);
  if (bad) return bad[1];
  for (const [i, line] of ((data.DanhSachHoSoBoSung as unknown[]) ?? []).entries()) {
    if (!isObject(line) || !isCompactTime(line.NgayYeuCau) || !optionalTime(line.NgayBoSung)) return `DanhSachHoSoBoSung[${i}]`;
  }
  for (const [i, line] of ((data.QuaTrinhXuLy as unknown[]) ?? []).entries()) {
    if (!isObject(line) || !isStatus(line.MaTrangThai) || !isCompactTime(line.ThoiDiemXuLy)) return `QuaTrinhXuLy[${i}]`;
  }
  return null;
}

export function checkProgress(data: unknown): string | null {
  if (!isObject(data)) return 'data must be an object';
  const problems: [boolean, string][] = [
    [nonEmpty(data.MaHoSo), 'MaHoSo'],
    [isStatus(data.TrangThaiHoSo), 'TrangThaiHoSo'],
    [isCompactTime(data.ThoiDiemXuLy), 'ThoiDiemXuLy'],
    [typeof data.NguoiXuLy === 'string', 'NguoiXuLy'],
    [typeof data.DonViXuLy === 'string', 'DonViXuLy'],
    [typeof data.NoiDung === 'string', 'NoiDung'],
    [optionalTime(data.NgayHenTra), 'NgayHenTra'],
    [optionalTime(data.NgayHenTraMoi), 'NgayHenTraMoi'],
  ];
  const bad = problems.find(([ok]) => !ok);
  return bad ? bad[1] : null;
}

export const asRecord = (data: unknown) => data as DongBoHoSoMC;
export const asProgress = (data: unknown) => data as CapNhatTienDoHoSoMC;
