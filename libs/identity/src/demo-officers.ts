import { EntityManager, In } from 'typeorm';
import type { OfficerRole } from '@dvc/core';
import { AgencyEntity } from '@dvc/units';
import { OfficerEntity } from './officer.entity';
import { hashPassword } from './password';

export interface DemoOfficer {
  username: string;
  fullName: string;
  title: string;
  roles: OfficerRole[];
  agencyCode: string;
}

/**
 * Demo accounts (never in production). Receiving officers sit at the one-stop desk, specialists at the
 * competent office, leaders at the People's Committee (or the department itself at city level).
 */
export const DEMO_OFFICERS: DemoOfficer[] = [
  { username: 'tn.trangtien', fullName: 'Nguyễn Thị Lan', title: 'Công chức Bộ phận Một cửa', roles: ['receiving_officer'], agencyCode: '001.35.22.H26' },
  { username: 'cv.trangtien', fullName: 'Trần Văn Minh', title: 'Công chức Tư pháp - Hộ tịch', roles: ['specialist'], agencyCode: '002.35.22.H26' },
  { username: 'ld.trangtien', fullName: 'Lê Quang Huy', title: 'Chủ tịch UBND phường', roles: ['leader'], agencyCode: '000.35.22.H26' },
  { username: 'tn.hoankiem', fullName: 'Phạm Thu Hà', title: 'Công chức Bộ phận Một cửa', roles: ['receiving_officer'], agencyCode: '000.01.22.H26' },
  { username: 'cv.hoankiem', fullName: 'Vũ Đức Anh', title: 'Chuyên viên Phòng Quản lý đô thị', roles: ['specialist'], agencyCode: '000.03.22.H26' },
  { username: 'ld.hoankiem', fullName: 'Đỗ Mạnh Cường', title: 'Chủ tịch UBND quận', roles: ['leader'], agencyCode: '000.00.22.H26' },
  { username: 'tn.stp', fullName: 'Hoàng Thị Mai', title: 'Công chức Bộ phận Một cửa', roles: ['receiving_officer'], agencyCode: '000.00.01.H26' },
  { username: 'cv.stp', fullName: 'Bùi Văn Nam', title: 'Chuyên viên Sở Tư pháp', roles: ['specialist'], agencyCode: '000.00.01.H26' },
  { username: 'ld.stp', fullName: 'Ngô Thanh Sơn', title: 'Giám đốc Sở Tư pháp', roles: ['leader'], agencyCode: '000.00.01.H26' },
  // Department of Natural Resources and Environment: decides land transfers received at district desks.
  { username: 'cv.sotnmt', fullName: 'Phan Thị Hồng', title: 'Chuyên viên Sở Tài nguyên và Môi trường', roles: ['specialist'], agencyCode: '000.00.03.H26' },
  { username: 'ld.sotnmt', fullName: 'Trịnh Văn Long', title: 'Giám đốc Sở Tài nguyên và Môi trường', roles: ['leader'], agencyCode: '000.00.03.H26' },
  { username: 'admin', fullName: 'Quản trị hệ thống', title: 'Quản trị hệ thống', roles: ['admin'], agencyCode: '000.00.00.H26' },
];

/** Creates the demo accounts that are missing and resets their password; safe to run on every start. */
export async function seedDemoOfficers(em: EntityManager, password: string): Promise<number> {
  const agencies = await em.getRepository(AgencyEntity).findBy({ code: In(DEMO_OFFICERS.map((o) => o.agencyCode)) });
  const known = new Set(agencies.map((a) => a.code));
  const missing = DEMO_OFFICERS.filter((o) => !known.has(o.agencyCode));
  if (missing.length > 0) throw new Error(`Demo officers need agencies that were not imported: ${missing.map((o) => o.agencyCode).join(', ')}`);
  const passwordHash = await hashPassword(password);
  await em
    .createQueryBuilder()
    .insert()
    .into(OfficerEntity)
    .values(DEMO_OFFICERS.map((o) => ({ ...o, passwordHash, active: true })))
    .orUpdate(['password_hash', 'full_name', 'title', 'roles', 'agency_code', 'active'], ['username'])
    .execute();
  return DEMO_OFFICERS.length;
}
