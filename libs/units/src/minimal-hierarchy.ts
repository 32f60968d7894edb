import type { AdminUnitRecord } from '@dvc/core';

/**
 * What a bare clone seeds when the shared data folder is absent: the city, Quận Hoàn Kiếm and Phường Tràng Tiền,
 * with the ranks they have in the full data set so their agency identifiers are the same either way.
 */
export const MINIMAL_UNITS: AdminUnitRecord[] = [
  { code: '01', name: 'Thành phố Hà Nội', type: 'Thành phố Trung ương', level: 'city', parentCode: null },
  { code: '002', name: 'Quận Hoàn Kiếm', type: 'Quận', level: 'district', parentCode: '01' },
  { code: '00079', name: 'Phường Tràng Tiền', type: 'Phường', level: 'commune', parentCode: '002' },
];

export const MINIMAL_UNIT_RANKS: ReadonlyMap<string, number> = new Map([
  ['002', 2],
  ['00079', 15],
]);
