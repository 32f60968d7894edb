import { AgencySector } from '../catalog/procedure-definition';
import { AdminUnitRecord } from './admin-unit';

export type AgencyKind = 'people_committee' | 'one_stop_desk' | 'department' | 'office';

export interface AgencyRecord {
  /** Electronic identifier, QCVN 102:2016 shape "L4.L3.L2.H26". */
  code: string;
  name: string;
  kind: AgencyKind;
  /** Sectors the agency handles; workflow steps are resolved to an agency by (level, sector). */
  sectors: AgencySector[];
  unitCode: string;
  /** Whether dossiers may be received (registered) here. */
  receives: boolean;
  /**
   * The organisation whose officers share a worklist: a commune's or district's People's Committee with its desk
   * and offices (the unit code), or a city department on its own (its agency code). Officer scope is this value.
   */
  scopeCode: string;
}

/** Hà Nội's province group in QCVN 102:2016 identifiers. */
export const PROVINCE_GROUP = 'H26';

interface OfficeTemplate {
  slot: number;
  kind: AgencyKind;
  sectors: AgencySector[];
  name: (unit: AdminUnitRecord) => string;
  receives: boolean;
}

/** City departments: level-2 slots 01–19 under the city (`000.00.NN.H26`). */
const CITY_DEPARTMENTS: OfficeTemplate[] = [
  { slot: 1, kind: 'department', sectors: ['justice'], name: () => 'Sở Tư pháp Hà Nội', receives: true },
  { slot: 2, kind: 'department', sectors: ['construction'], name: () => 'Sở Xây dựng Hà Nội', receives: true },
  { slot: 3, kind: 'department', sectors: ['natural_resources'], name: () => 'Sở Tài nguyên và Môi trường Hà Nội', receives: true },
  { slot: 4, kind: 'department', sectors: ['planning_investment'], name: () => 'Sở Kế hoạch và Đầu tư Hà Nội', receives: true },
  { slot: 5, kind: 'department', sectors: ['labour_social'], name: () => 'Sở Lao động - Thương binh và Xã hội Hà Nội', receives: true },
  { slot: 6, kind: 'department', sectors: ['culture'], name: () => 'Sở Văn hóa và Thể thao Hà Nội', receives: true },
  { slot: 7, kind: 'department', sectors: ['urban_management'], name: () => 'Sở Quy hoạch - Kiến trúc Hà Nội', receives: true },
];

/** District offices: level-3 slots 01–19 under the district (`000.NN.DD.H26`). */
const DISTRICT_OFFICES: OfficeTemplate[] = [
  { slot: 1, kind: 'one_stop_desk', sectors: ['one_stop'], name: (u) => `Bộ phận Một cửa ${u.name}`, receives: true },
  { slot: 2, kind: 'office', sectors: ['justice'], name: (u) => `Phòng Tư pháp ${u.name}`, receives: false },
  {
    slot: 3,
    kind: 'office',
    sectors: ['urban_management', 'construction'],
    name: (u) => `${u.type === 'Quận' ? 'Phòng Quản lý đô thị' : 'Phòng Kinh tế, Hạ tầng và Đô thị'} ${u.name}`,
    receives: false,
  },
  { slot: 4, kind: 'office', sectors: ['natural_resources'], name: (u) => `Phòng Tài nguyên và Môi trường ${u.name}`, receives: false },
  { slot: 5, kind: 'office', sectors: ['economy'], name: (u) => `Phòng Kinh tế ${u.name}`, receives: false },
  { slot: 6, kind: 'office', sectors: ['planning_investment'], name: (u) => `Phòng Tài chính - Kế hoạch ${u.name}`, receives: false },
  { slot: 7, kind: 'office', sectors: ['labour_social'], name: (u) => `Phòng Lao động - Thương binh và Xã hội ${u.name}`, receives: false },
];

/** Commune offices: level-4 slots 001–019 under the commune (`NNN.CC.DD.H26`). */
const COMMUNE_OFFICES: OfficeTemplate[] = [
  { slot: 1, kind: 'one_stop_desk', sectors: ['one_stop'], name: (u) => `Bộ phận Một cửa ${u.name}`, receives: true },
  { slot: 2, kind: 'office', sectors: ['justice'], name: (u) => `Công chức Tư pháp - Hộ tịch ${u.name}`, receives: false },
  { slot: 3, kind: 'office', sectors: ['natural_resources', 'construction'], name: (u) => `Công chức Địa chính - Xây dựng ${u.name}`, receives: false },
  { slot: 4, kind: 'office', sectors: ['labour_social'], name: (u) => `Công chức Văn hóa - Xã hội ${u.name}`, receives: false },
];

/** Districts take level-2 slots 21–50 (after the departments), communes level-3 slots 21–99 in their district. */
const DISTRICT_SLOT_BASE = 20;
const COMMUNE_SLOT_BASE = 20;

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const identifier = (l4: number, l3: number, l2: number) => `${pad(l4, 3)}.${pad(l3, 2)}.${pad(l2, 2)}.${PROVINCE_GROUP}`;

function peopleCommitteeName(unit: AdminUnitRecord): string {
  return `Ủy ban nhân dân ${unit.name}`;
}

/**
 * Derives every agency of the pre-2025 Hà Nội hierarchy with its QCVN 102:2016 identifier.
 *
 * - City People's Committee `000.00.00.H26`; city departments `000.00.NN.H26`, NN from a fixed table (01–19).
 * - District k (k = rank of its GSO code among the city's districts, 1-based): People's Committee
 *   `000.00.{20+k}.H26`; its offices `000.NN.{20+k}.H26` with NN from a fixed table (01 = one-stop desk).
 * - Commune j of district k (j = rank of its GSO code within the district): People's Committee
 *   `000.{20+j}.{20+k}.H26`; its offices `NNN.{20+j}.{20+k}.H26` (001 = one-stop desk).
 *
 * Ranks are taken over the whole 3-level data set, so the same input always yields the same identifiers. A partial
 * hierarchy (the minimal fallback seed) passes the ranks its units have in the full data set as `rankOverrides`.
 */
export function deriveAgencies(units: AdminUnitRecord[], rankOverrides: ReadonlyMap<string, number> = new Map()): AgencyRecord[] {
  const byParent = new Map<string | null, AdminUnitRecord[]>();
  for (const unit of units) {
    const siblings = byParent.get(unit.parentCode) ?? [];
    siblings.push(unit);
    byParent.set(unit.parentCode, siblings);
  }
  for (const siblings of byParent.values()) siblings.sort((a, b) => a.code.localeCompare(b.code));

  const agencies: AgencyRecord[] = [];
  for (const city of units.filter((u) => u.level === 'city')) {
    agencies.push({
      code: identifier(0, 0, 0),
      name: peopleCommitteeName(city),
      kind: 'people_committee',
      sectors: ['general'],
      unitCode: city.code,
      receives: false,
      scopeCode: identifier(0, 0, 0),
    });
    for (const dep of CITY_DEPARTMENTS) {
      agencies.push({
        code: identifier(0, 0, dep.slot),
        name: dep.name(city),
        kind: dep.kind,
        sectors: dep.sectors,
        unitCode: city.code,
        receives: dep.receives,
        scopeCode: identifier(0, 0, dep.slot),
      });
    }
    const districts = (byParent.get(city.code) ?? []).filter((u) => u.level === 'district');
    districts.forEach((district, i) => {
      const l2 = DISTRICT_SLOT_BASE + (rankOverrides.get(district.code) ?? i + 1);
      if (l2 > 99) throw new Error(`Too many districts under ${city.code} for a 2-digit identifier group`);
      agencies.push({
        code: identifier(0, 0, l2),
        name: peopleCommitteeName(district),
        kind: 'people_committee',
        sectors: ['general'],
        unitCode: district.code,
        receives: false,
        scopeCode: district.code,
      });
      for (const office of DISTRICT_OFFICES) {
        agencies.push({
          code: identifier(0, office.slot, l2),
          name: office.name(district),
          kind: office.kind,
          sectors: office.sectors,
          unitCode: district.code,
          receives: office.receives,
          scopeCode: district.code,
        });
      }
      const communes = (byParent.get(district.code) ?? []).filter((u) => u.level === 'commune');
      communes.forEach((commune, j) => {
        const l3 = COMMUNE_SLOT_BASE + (rankOverrides.get(commune.code) ?? j + 1);
        if (l3 > 99) throw new Error(`Too many communes under ${district.code} for a 2-digit identifier group`);
        agencies.push({
          code: identifier(0, l3, l2),
          name: peopleCommitteeName(commune),
          kind: 'people_committee',
          sectors: ['general'],
          unitCode: commune.code,
          receives: false,
          scopeCode: commune.code,
        });
        for (const office of COMMUNE_OFFICES) {
          agencies.push({
            code: identifier(office.slot, l3, l2),
            name: office.name(commune),
            kind: office.kind,
            sectors: office.sectors,
            unitCode: commune.code,
            receives: office.receives,
            scopeCode: commune.code,
          });
        }
      });
    });
  }
  return agencies;
}

export function isAgencyIdentifier(value: string): boolean {
  return /^\d{3}\.\d{2}\.\d{2}\.H\d{2}$/.test(value);
}
