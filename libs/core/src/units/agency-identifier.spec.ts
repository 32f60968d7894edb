import { AdminUnitRecord } from './admin-unit';
import { deriveAgencies, isAgencyIdentifier } from './agency-identifier';

const units: AdminUnitRecord[] = [
  { code: '01', name: 'Thành phố Hà Nội', type: 'Thành phố Trung ương', level: 'city', parentCode: null },
  { code: '002', name: 'Quận Hoàn Kiếm', type: 'Quận', level: 'district', parentCode: '01' },
  { code: '001', name: 'Quận Ba Đình', type: 'Quận', level: 'district', parentCode: '01' },
  { code: '00079', name: 'Phường Tràng Tiền', type: 'Phường', level: 'commune', parentCode: '002' },
  { code: '00037', name: 'Phường Phúc Tân', type: 'Phường', level: 'commune', parentCode: '002' },
  { code: '00001', name: 'Phường Phúc Xá', type: 'Phường', level: 'commune', parentCode: '001' },
  { code: '250', name: 'Huyện Mê Linh', type: 'Huyện', level: 'district', parentCode: '01' },
];

describe('deriveAgencies', () => {
  const agencies = deriveAgencies(units);
  const byCode = new Map(agencies.map((a) => [a.code, a]));

  it.each([
    ['000.00.00.H26', 'Ủy ban nhân dân Thành phố Hà Nội', 'people_committee', '01'],
    ['000.00.01.H26', 'Sở Tư pháp Hà Nội', 'department', '01'],
    ['000.00.21.H26', 'Ủy ban nhân dân Quận Ba Đình', 'people_committee', '001'],
    ['000.00.22.H26', 'Ủy ban nhân dân Quận Hoàn Kiếm', 'people_committee', '002'],
    ['000.01.22.H26', 'Bộ phận Một cửa Quận Hoàn Kiếm', 'one_stop_desk', '002'],
    ['000.02.22.H26', 'Phòng Tư pháp Quận Hoàn Kiếm', 'office', '002'],
    ['000.03.22.H26', 'Phòng Quản lý đô thị Quận Hoàn Kiếm', 'office', '002'],
    ['000.03.23.H26', 'Phòng Kinh tế, Hạ tầng và Đô thị Huyện Mê Linh', 'office', '250'],
    ['000.21.22.H26', 'Ủy ban nhân dân Phường Phúc Tân', 'people_committee', '00037'],
    ['000.22.22.H26', 'Ủy ban nhân dân Phường Tràng Tiền', 'people_committee', '00079'],
    ['001.22.22.H26', 'Bộ phận Một cửa Phường Tràng Tiền', 'one_stop_desk', '00079'],
    ['002.22.22.H26', 'Công chức Tư pháp - Hộ tịch Phường Tràng Tiền', 'office', '00079'],
    ['001.21.21.H26', 'Bộ phận Một cửa Phường Phúc Xá', 'one_stop_desk', '00001'],
  ])('%s is %s', (code, name, kind, unitCode) => {
    expect(byCode.get(code)).toMatchObject({ name, kind, unitCode });
  });

  it('gives every agency a unique, well-formed identifier', () => {
    expect(new Set(agencies.map((a) => a.code)).size).toBe(agencies.length);
    for (const a of agencies) expect(isAgencyIdentifier(a.code)).toBe(true);
  });

  it('is independent of input order', () => {
    expect(deriveAgencies([...units].reverse())).toEqual(agencies);
  });

  it('lets every commune and district receive at its one-stop desk', () => {
    for (const unit of units.filter((u) => u.level !== 'city')) {
      expect(agencies.filter((a) => a.unitCode === unit.code && a.receives).map((a) => a.kind)).toEqual(['one_stop_desk']);
    }
  });
});

describe('officer scope', () => {
  const agencies = deriveAgencies(units, new Map([['00079', 15]]));
  it.each([
    ['001.35.22.H26', '00079'],
    ['002.35.22.H26', '00079'],
    ['000.35.22.H26', '00079'],
    ['000.01.22.H26', '002'],
    ['000.03.22.H26', '002'],
    ['000.00.22.H26', '002'],
    ['000.00.01.H26', '000.00.01.H26'],
    ['000.00.02.H26', '000.00.02.H26'],
    ['000.00.00.H26', '000.00.00.H26'],
  ])('%s works in scope %s', (code, scope) => {
    expect(agencies.find((a) => a.code === code)?.scopeCode).toBe(scope);
  });
});
