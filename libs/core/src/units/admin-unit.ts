import { AdminLevel } from '../catalog/procedure-definition';

export interface AdminUnitRecord {
  /** Statistics-office (GSO) code: "01" for the city, 3 digits for a district, 5 for a commune. */
  code: string;
  name: string;
  /** "Quận", "Huyện", "Thị xã", "Phường", "Xã", "Thị trấn", "Thành phố Trung ương". */
  type: string;
  level: AdminLevel;
  parentCode: string | null;
}

const LEVEL_BY_NUMBER: Record<string, AdminLevel> = { '1': 'city', '2': 'district', '3': 'commune' };

export function adminLevelFromNumber(value: string): AdminLevel | null {
  return LEVEL_BY_NUMBER[value.trim()] ?? null;
}

/** Parent level of each level in the three-level structure. */
export const PARENT_LEVEL: Record<AdminLevel, AdminLevel | null> = { city: null, district: 'city', commune: 'district' };
